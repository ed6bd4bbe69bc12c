/**
 * Brief rows: a request that asks nothing of a type's rows but the fields a brief row holds reads
 * those rows brief; one field more anywhere in the request, through any fragment, and every row of
 * that type is read in full.
 */
import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { briefRowsFor, FULL_ROWS } from '../../src/graphql/briefRows.js';
import { buildSchema } from '../../src/graphql/schema.js';

const schema = buildSchema();
const brief = (query: string, operationName?: string) => {
  const document = parse(query);
  return briefRowsFor(schema, document, getOperationAST(document, operationName));
};

const PAGE = `engagements(filter: { actor: "hts" }, first: 50) { totalCount edges { node {
  id title kind start { value } places { id name } participants { side actor { id name } } } } }`;

describe('brief rows', () => {
  it('are read for a page that names its places and participants', () => {
    expect(brief(`{ ${PAGE} }`)).toEqual({ actor: true, place: true, engagement: true });
  });

  it('are not read for a type of which any field asks more, even at another root field', () => {
    expect(brief(`{ ${PAGE} actor(id: "hayat-tahrir-al-sham") { aliases } }`)).toEqual({
      actor: false,
      place: true,
      engagement: true,
    });
    expect(
      brief(
        `{ engagements(first: 5) { edges { node { title casualties { killed } places { name partOf { id } } } } } }`,
      ),
    ).toEqual({ actor: true, place: false, engagement: false });
  });

  it('see the fields asked through named and inline fragments', () => {
    const named = `query { ${PAGE.replace('actor { id name }', 'actor { ...card }')} } fragment card on Actor { id name description }`;
    expect(brief(named).actor).toBe(false);
    const inline = `{ ${PAGE.replace('places { id name }', 'places { id ... on Place { location { latitude } } }')} }`;
    expect(brief(inline).place).toBe(false);
    const onlyNames = `query { ${PAGE.replace('actor { id name }', 'actor { ...names }')} } fragment names on Actor { id name }`;
    expect(brief(onlyNames).actor).toBe(true);
  });

  it('are not read by a request that reaches the union of actors and places, which tells them apart by a column', () => {
    expect(brief(`{ ${PAGE} search(text: "Nusra") { entity { ... on Actor { id } } } }`)).toEqual(FULL_ROWS);
  });

  it('are not read by a mutation, whose answer shows what it wrote', () => {
    expect(brief(`mutation { actorCreate(input: { name: "X", kind: ARMED_GROUP }) { id name } }`)).toEqual(FULL_ROWS);
  });

  it('follow the operation the request names', () => {
    const document = `query Page { ${PAGE} } query Card { actor(id: "jabhat-al-nusra") { aliases } }`;
    expect(brief(document, 'Page').actor).toBe(true);
    expect(brief(document, 'Card').actor).toBe(false);
  });
});
