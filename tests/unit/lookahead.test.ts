/**
 * Lookahead: a resolver sees which fields, with which arguments, the request selects below it,
 * through named and inline fragments, so it can read them with its own round trip.
 */
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedArguments, selects } from '../../src/graphql/lookahead.js';

const schema = buildSchema(`
  type Query { actor: Actor }
  type Actor { name: String  alliances(asOf: String, limit: Int = 5): [Alliance!]!  engagements: Page! }
  type Alliance { from: String }
  type Page { edges: [Edge!]! }
  type Edge { node: Engagement! }
  type Engagement { title: String  places: [String!]! }
`);

async function seen(query: string, variables: Record<string, unknown> = {}) {
  let captured: GraphQLResolveInfo | null = null;
  const result = await graphql({
    schema,
    source: query,
    variableValues: variables,
    rootValue: {
      actor: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
        captured = info;
        return null;
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return captured as unknown as GraphQLResolveInfo;
}

describe('lookahead', () => {
  it('finds a field several levels down, and not one the request leaves out', async () => {
    const info = await seen(`{ actor { engagements { edges { node { title places } } } } }`);
    expect(selects(info, ['engagements', 'edges', 'node', 'places'])).toBe(true);
    expect(selects(info, ['alliances'])).toBe(false);
    expect(selects(info, ['engagements', 'edges', 'node', 'nothing'])).toBe(false);
  });

  it('sees through named and inline fragments', async () => {
    const info = await seen(
      `{ actor { ...card } } fragment card on Actor { ... on Actor { engagements { edges { node { places } } } } }`,
    );
    expect(selects(info, ['engagements', 'edges', 'node', 'places'])).toBe(true);
  });

  it('gives each selection its arguments, from variables, literals and defaults', async () => {
    const info = await seen(
      `query($d: String) { actor { now: alliances(asOf: $d) { from } then: alliances(asOf: "2014-01-01", limit: 2) { from } } }`,
      {
        d: '2016-06-01',
      },
    );
    expect(selectedArguments(info, ['alliances'])).toEqual([
      { asOf: '2016-06-01', limit: 5 },
      { asOf: '2014-01-01', limit: 2 },
    ]);
    expect(selectedArguments(info, ['engagements'])).toEqual([]);
  });
});
