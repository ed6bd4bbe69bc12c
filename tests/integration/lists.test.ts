/**
 * `actors` and `places`: filtered, ordered, paginated lists, against the loaded dataset (read-only).
 */
import { describe, expect, it } from 'vitest';
import { graphql, testApp, testDatabase } from '../helpers/graph.js';

const { executor, driver } = testDatabase();
const app = testApp(executor);

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; name: string; kind: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function list(field: 'actors' | 'places', filter: string, first = 200, after: string | null = null) {
  const response = await graphql<Record<string, Page>>(
    app,
    `query($after: String) { ${field}(filter: ${filter}, first: ${first}, after: $after) {
      totalCount edges { cursor node { id name kind } } pageInfo { hasNextPage endCursor } } }`,
    { after },
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data![field]!;
}
const ids = (page: Page) => page.edges.map((e) => e.node.id);

describe('actors(filter, first, after)', () => {
  it('pages through every actor of the kinds asked, by name, with the total', async () => {
    const all: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let n = 0; n < 50; n += 1) {
      const page: Page = await list('actors', '{ kind: [COALITION, OPERATIONS_ROOM] }', 2, after);
      total = page.totalCount;
      expect(page.edges.every((e) => e.node.kind === 'COALITION' || e.node.kind === 'OPERATIONS_ROOM')).toBe(true);
      all.push(...page.edges.map((e) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = await driver.executeQuery(
      `MATCH (a:Actor) WHERE a.kind IN ['COALITION', 'OPERATIONS_ROOM'] RETURN a.name AS name ORDER BY a.name, a.id`,
    );
    expect(total).toBeGreaterThan(2);
    expect(all).toEqual(expected.records.map((r) => r.get('name') as string));
  });

  it('finds every actor answering to a name in a spelling stored nowhere', async () => {
    expect(ids(await list('actors', '{ name: "Jebhat en-Nousrah" }'))).toEqual(['jabhat-al-nusra']);
  });

  it('filters by sponsor, by coalition, and by where they fought', async () => {
    expect(ids(await list('actors', '{ sponsoredBy: "Turkey" }'))).toContain('hayat-tahrir-al-sham');
    const members = ids(await list('actors', '{ memberOf: "Jaysh al-Fatah" }'));
    const stored = await driver.executeQuery(
      `MATCH (a:Actor)-[:MEMBER_OF]->(g:Actor) WHERE g.name = 'Jaysh al-Fatah' RETURN collect(DISTINCT a.id) AS ids`,
    );
    expect(new Set(members)).toEqual(new Set(stored.records[0]?.get('ids') as string[]));
    expect(members.length).toBeGreaterThan(0);
    expect(ids(await list('actors', '{ foughtWithin: "Khantouman" }'))).toContain('jabhat-al-nusra');
    expect(ids(await list('actors', '{ foughtWithin: "Khantouman", activeFrom: "2030-01-01" }'))).toEqual([]);
  });

  it('refuses asOf without a sponsor or coalition to date, naming it', async () => {
    const response = await graphql(app, '{ actors(filter: { asOf: "2016-06-01" }) { totalCount } }');
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.asOf' });
  });
});

describe('places(filter, first, after)', () => {
  it('lists the places lying in a place, and those near a point', async () => {
    expect(ids(await list('places', '{ within: "Aleppo" }'))).toContain('minyan');
    const near = await list('places', '{ near: { latitude: 36.2, longitude: 37.15, km: 8 } }');
    const stored = await driver.executeQuery(
      `MATCH (p:Place) WHERE point.distance(p.location, point({latitude: 36.2, longitude: 37.15})) <= 8000
       RETURN p.id AS id ORDER BY p.name, p.id`,
    );
    expect(ids(near)).toEqual(stored.records.map((r) => r.get('id') as string));
    expect(near.totalCount).toBeGreaterThan(0);
  });
});
