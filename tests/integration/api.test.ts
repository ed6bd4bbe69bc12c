/**
 * The questions analysts ask, through the real GraphQL server, against the real Neo4j holding the
 * founding dataset. Tests read the dataset; the few that need a special shape seed their own
 * nodes under ids starting with "test-api-" and remove them afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Executor } from '../../src/db/executor.js';
import { backfillMultiPlace } from '../../src/db/multiPlace.js';
import { storedFuzzyDate } from '../../src/db/storedValues.js';
import { normaliseWhitespace } from '../../src/domain/provenance.js';
import { exampleQueries } from '../../src/server/playground.js';
import { BRIEF_FIELDS } from '../../src/graphql/briefRows.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { graphql, testApp, testDatabase } from '../helpers/graph.js';

/** Keeps one running count of statements across requests, to measure round trips. */
class CountingExecutor extends Executor {
  override scoped(): Executor {
    return this;
  }
}

/** Keeps the parameters each statement was sent with, across requests. */
class RecordingExecutor extends CountingExecutor {
  sent: { query: string; params: Record<string, unknown> }[] = [];
  override read<T>(query: Parameters<Executor['read']>[0], params: Record<string, unknown> = {}): Promise<T[]> {
    this.sent.push({ query, params });
    return super.read<T>(query, params);
  }
}

const { executor, driver, queries } = testDatabase();
const app = testApp(executor);

interface Named {
  id: string;
  name: string;
}
interface LineageEvent {
  kind: string;
  from: Named;
  to: Named;
  date: { value: string; precision: string; earliest: string } | null;
  citations: { source: { id: string; kind: string }; quote: string | null }[];
}

/** Great-circle distance (haversine, on the sphere radius Neo4j uses), to check radii independently. */
function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6378.14 * Math.asin(Math.sqrt(h));
}

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await graphql<T>(app, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}
const dataOf = data;

async function errorOf(query: string, variables: Record<string, unknown> = {}) {
  const response = await graphql(app, query, variables);
  expect(response.errors?.length, 'an error was expected').toBeGreaterThan(0);
  return response.errors![0]!;
}

describe('actor(name:) and place(name:) resolve any spelling of a known name', () => {
  it.each([
    ['Jabhet Fatah al-Shaam', 'jabhat-fatah-al-sham'],
    ['JFS', 'jabhat-fatah-al-sham'],
    ['jabhat fateh al sham', 'jabhat-fatah-al-sham'],
    ["Hay'at Tahreer Al-Sham", 'hayat-tahrir-al-sham'],
    ['HTS', 'hayat-tahrir-al-sham'],
    ['Hayat Tahrir al-Sham', 'hayat-tahrir-al-sham'],
    ['Liwaa Al-Quds', 'liwa-al-quds'],
    ['al-Quds Brigade', 'liwa-al-quds'],
    ['Jabhat an-Nusrah', 'jabhat-al-nusra'],
  ])('actor "%s" is %s', async (name, id) => {
    const result = await data<{ actor: Named | null }>('query($n: String) { actor(name: $n) { id name } }', {
      n: name,
    });
    expect(result.actor?.id).toBe(id);
  });

  it.each([
    ['Khantouman', 'khan-touman'],
    ['Khan Tuman', 'khan-touman'],
    ['KHAN TOUMAN', 'khan-touman'],
    ['Khulsa', 'khalasah'],
    ['al-Rashidin', 'al-rashideen'],
    ['Lirmoun', 'al-layramoun'],
    ['Al-Layramoun', 'al-layramoun'],
  ])('place "%s" is %s', async (name, id) => {
    const result = await data<{ place: Named | null }>('query($n: String) { place(name: $n) { id name } }', {
      n: name,
    });
    expect(result.place?.id).toBe(id);
  });

  it('keeps al-Rashidin and al-Rashidiyah apart: they are different districts', async () => {
    const result = await data<{ a: Named; b: Named }>(
      '{ a: place(name: "al-Rashidin") { id name } b: place(name: "al-Rashidiyah") { id name } }',
    );
    expect(result.a.id).not.toBe(result.b.id);
  });

  it('returns null for an unknown name, without an error', async () => {
    const result = await data<{ actor: Named | null }>('{ actor(name: "Jabhat al-Nonexistent") { id } }');
    expect(result.actor).toBeNull();
  });

  it("a place's parts are the places lying directly in it, by name; first cuts the list and partCount counts them all", async () => {
    const { records } = await driver.executeQuery(
      `MATCH (part:Place)-[:PART_OF]->(:Place {id: "aleppo-city"})
       RETURN part.id AS id, part.name AS name, COUNT { ()-[:PART_OF]->(part) } AS parts`,
    );
    const stored = records
      .map((r) => ({ id: r.get('id') as string, name: r.get('name') as string }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    expect(stored.length).toBeGreaterThan(5);
    const result = await data<{ place: { all: Named[]; first5: Named[]; none: Named[]; partCount: number } }>(
      '{ place(id: "aleppo-city") { all: parts { id name } first5: parts(first: 5) { id name } none: parts(first: 0) { id } partCount } }',
    );
    expect(result.place.all).toEqual(stored);
    expect(result.place.first5).toEqual(stored.slice(0, 5));
    expect(result.place.none).toEqual([]);
    expect(result.place.partCount).toBe(stored.length);
    const leafId = stored.find((p) => !records.some((r) => r.get('id') === p.id && (r.get('parts') as number) > 0))!.id;
    const leaf = await data<{ place: { parts: Named[]; partCount: number } }>(
      `{ place(id: "${leafId}") { parts { id } partCount } }`,
    );
    expect(leaf.place).toEqual({ parts: [], partCount: 0 });
    const tooMany = await errorOf('{ place(id: "aleppo-city") { parts(first: 201) { id } } }');
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('asks for exactly one of id and name', async () => {
    const error = await errorOf('{ actor(id: "turkey", name: "Turkey") { id } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('search ranks the right entity first for misspelt and other romanisations', () => {
  it.each([
    ['Khan Tomaan', 'khan-touman'],
    ['Hezbolah', 'hezbollah'],
    ['Nusrah', 'jabhat-al-nusra'],
    ['Layramun', 'al-layramoun'],
    ['Ahrar ash-Sham', 'ahrar-al-sham'],
    ['Tahrir al Sham', 'hayat-tahrir-al-sham'],
  ])('"%s" finds %s first', async (text, id) => {
    const result = await data<{ search: { id: string; score: number; matched: string }[] }>(
      'query($t: String!) { search(text: $t, first: 5) { type id name matched score } }',
      { t: text },
    );
    expect(result.search[0]?.id).toBe(id);
    for (let i = 1; i < result.search.length; i += 1)
      expect(result.search[i]!.score).toBeLessThanOrEqual(result.search[i - 1]!.score);
  });
});

describe('search reads candidates from the full-text index and ranks them by the domain rules', () => {
  type Hit = { id: string; matched: string; score: number };
  const search = async (text: string, first = 5) =>
    (
      await data<{ search: Hit[] }>(
        'query($t: String!, $n: Int) { search(text: $t, first: $n) { id matched score } }',
        { t: text, n: first },
      )
    ).search;

  it('finds every name of every actor and place as an exact match (score 1), among the first hits', async () => {
    const session = driver.session();
    const rows = (
      await session.run('MATCH (n:Alias)-[:ALIAS_OF]->(e) RETURN n.name AS name, e.id AS id ORDER BY n.id')
    ).records.map((r) => ({ name: r.get('name') as string, id: r.get('id') as string }));
    await session.close();
    expect(rows.length).toBeGreaterThan(300);
    const missed: string[] = [];
    for (let i = 0; i < rows.length; i += 16) {
      await Promise.all(
        rows.slice(i, i + 16).map(async ({ name, id }) => {
          const hit = (await search(name, 20)).find((h) => h.id === id);
          if (hit === undefined || hit.score !== 1) missed.push(`${name} -> ${id}`);
        }),
      );
    }
    expect(missed).toEqual([]);
  });

  it('finds a name typed half way, and Arabic script', async () => {
    expect((await search('Khan Tou'))[0]?.id).toBe('khan-touman');
    expect((await search('جبهة النصرة'))[0]?.id).toBe('jabhat-al-nusra');
    expect((await search('هيئة تحرير'))[0]?.id).toBe('hayat-tahrir-al-sham');
  });

  it('treats the search index query syntax in a text as plain characters', async () => {
    for (const text of ['Nusra~ OR *', 'searchText:(*) +entityType:Actor', '"Khan" AND (Touman', 'a\\ /b/ ?']) {
      const response = await graphql(app, 'query($t: String!) { search(text: $t) { id } }', { t: text });
      expect(response.errors ?? []).toEqual([]);
    }
  });
});

describe('lineage answers from any member of the chain', () => {
  const lineageQuery = `query($n: String) { actor(name: $n) { lineage {
      kind from { id name } to { id name } date { value precision earliest } citations { source { id kind } quote } } } }`;

  it.each(['Jabhat al-Nusra', 'Jabhat Fatah al-Sham', 'HTS'])(
    'asking about %s gives Nusra -> JFS -> HTS with dates and citations',
    async (name) => {
      const { actor } = await data<{ actor: { lineage: LineageEvent[] } }>(lineageQuery, { n: name });
      const rename = actor.lineage.find((e) => e.from.id === 'jabhat-al-nusra' && e.to.id === 'jabhat-fatah-al-sham');
      const merger = actor.lineage.find(
        (e) => e.from.id === 'jabhat-fatah-al-sham' && e.to.id === 'hayat-tahrir-al-sham',
      );
      expect(rename).toMatchObject({ kind: 'RENAMED_TO', date: { value: '2016-07-28', precision: 'DAY' } });
      expect(merger).toMatchObject({ kind: 'MERGED_INTO', date: { value: '2017-01-28', precision: 'DAY' } });
      expect(actor.lineage.indexOf(rename!)).toBeLessThan(actor.lineage.indexOf(merger!));
      for (const event of actor.lineage)
        expect(event.citations.length, `${event.from.id} ${event.kind}`).toBeGreaterThan(0);
      // Facts the articles do not state cite a reference work, marked as such.
      expect(rename!.citations.some((c) => c.source.kind === 'REFERENCE')).toBe(true);
    },
  );

  it('shows who merged into HTS alongside JFS', async () => {
    const { actor } = await data<{ actor: { lineage: LineageEvent[] } }>(lineageQuery, { n: 'Hayat Tahrir al-Sham' });
    const mergedIn = actor.lineage
      .filter((e) => e.kind === 'MERGED_INTO' && e.to.id === 'hayat-tahrir-al-sham')
      .map((e) => e.from.id);
    expect(mergedIn).toEqual(expect.arrayContaining(['jabhat-fatah-al-sham', 'harakat-nour-al-din-al-zenki']));
  });

  it('lists events in time order', async () => {
    const { actor } = await data<{ actor: { lineage: LineageEvent[] } }>(lineageQuery, { n: 'JFS' });
    const days = actor.lineage.map((e) => e.date?.earliest ?? '');
    expect(days).toEqual([...days].sort());
  });
});

describe('whoFoughtWhere', () => {
  const query = `query($actor: String, $place: String, $lineage: Boolean, $from: Date, $to: Date) {
    whoFoughtWhere(actor: $actor, place: $place, includeLineage: $lineage, from: $from, to: $to, first: 200) {
      edges { node { actor { id } place { id } engagements { id start { value } } } } } }`;
  type Pair = { actor: { id: string }; place: { id: string }; engagements: { id: string }[] };
  type Page = { whoFoughtWhere: { edges: { node: Pair }[] } };
  const data = async <T = { whoFoughtWhere: Pair[] }>(q: string, variables: Record<string, unknown>): Promise<T> => {
    const page = await dataOf<Page>(q, variables);
    return { whoFoughtWhere: page.whoFoughtWhere.edges.map((e) => e.node) } as T;
  };
  type Rows = { whoFoughtWhere: Pair[] };

  it('finds who fought at Khan Touman, whatever the spelling', async () => {
    const a = await data<Rows>(query, { place: 'Khantouman' });
    const b = await data<Rows>(query, { place: 'Khan Touman' });
    expect(a).toEqual(b);
    const actors = a.whoFoughtWhere.map((r) => r.actor.id);
    expect(actors).toEqual(expect.arrayContaining(['jabhat-al-nusra']));
    expect(a.whoFoughtWhere.every((r) => r.place.id === 'khan-touman')).toBe(true);
  });

  it('with includeLineage counts the Nusra line under every name; without it, only the name asked', async () => {
    const plain = await data<Rows>(query, { actor: 'Jabhat al-Nusra', lineage: false });
    const line = await data<Rows>(query, { actor: 'Jabhat al-Nusra', lineage: true });
    expect(new Set(plain.whoFoughtWhere.map((r) => r.actor.id))).toEqual(new Set(['jabhat-al-nusra']));
    const lineActors = new Set(line.whoFoughtWhere.map((r) => r.actor.id));
    expect(lineActors).toContain('jabhat-al-nusra');
    expect(lineActors).toContain('hayat-tahrir-al-sham');
    expect(lineActors).toContain('jabhat-fatah-al-sham');
    // Groups that merged into HTS are not Nusra's predecessors.
    expect(lineActors).not.toContain('harakat-nour-al-din-al-zenki');
  });

  it('a place includes the places that lie in it (Aleppo city includes Minyan)', async () => {
    const result = await data<Rows>(query, { place: 'Aleppo' });
    expect(result.whoFoughtWhere.map((r) => r.place.id)).toContain('minyan');
  });

  it('filters by date against the span a fuzzy date allows', async () => {
    const june2016 = await data<Rows>(query, { actor: 'Jabhat al-Nusra', from: '2016-06-01', to: '2016-06-30' });
    const ids = june2016.whoFoughtWhere.flatMap((r) => r.engagements.map((e) => e.id));
    expect(ids.length).toBeGreaterThan(0);
    const none = await data<Rows>(query, { actor: 'Jabhat al-Nusra', from: '2030-01-01' });
    expect(none.whoFoughtWhere).toEqual([]);
  });

  it('pages through every pair with first/after and says how many there are: nothing is cut off silently', async () => {
    const pageQuery = `query($after: String) { whoFoughtWhere(place: "Aleppo Governorate", first: 7, after: $after) {
      totalCount edges { cursor node { actor { id } place { id } } } pageInfo { hasNextPage endCursor } } }`;
    type Connection = {
      whoFoughtWhere: {
        totalCount: number;
        edges: { cursor: string; node: { actor: { id: string }; place: { id: string } } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let pages = 0; pages < 100; pages += 1) {
      const page: Connection = await dataOf<Connection>(pageQuery, { after });
      total = page.whoFoughtWhere.totalCount;
      expect(page.whoFoughtWhere.edges.length).toBeLessThanOrEqual(7);
      seen.push(...page.whoFoughtWhere.edges.map((e) => `${e.node.actor.id}@${e.node.place.id}`));
      if (!page.whoFoughtWhere.pageInfo.hasNextPage) break;
      after = page.whoFoughtWhere.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(7);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it("foughtAtPlaces gives each place of whoFoughtWhere's pairs once, its engagements counted once, the most first", async () => {
    const counted = `query($actor: String, $place: String, $first: Int) {
      foughtAtPlaces(actor: $actor, place: $place, first: $first) { totalCount places { engagements place { id } } }
      whoFoughtWhere(actor: $actor, place: $place, first: 200) {
        totalCount edges { node { place { id } engagements { id } } } } }`;
    type Result = {
      foughtAtPlaces: { totalCount: number; places: { engagements: number; place: { id: string } }[] };
      whoFoughtWhere: {
        totalCount: number;
        edges: { node: { place: { id: string }; engagements: { id: string }[] } }[];
      };
    };
    for (const args of [
      { actor: 'Jabhat al-Nusra' },
      { place: 'Aleppo Governorate' },
      { actor: 'Hayat Tahrir al-Sham', place: 'Aleppo Governorate' },
    ]) {
      const result = await dataOf<Result>(counted, args);
      expect(result.whoFoughtWhere.totalCount).toBeLessThanOrEqual(200);
      const atPlace = new Map<string, Set<string>>();
      for (const { node } of result.whoFoughtWhere.edges) {
        const ids = atPlace.get(node.place.id) ?? new Set<string>();
        for (const e of node.engagements) ids.add(e.id);
        atPlace.set(node.place.id, ids);
      }
      const { totalCount, places } = result.foughtAtPlaces;
      expect(totalCount, JSON.stringify(args)).toBe(atPlace.size);
      expect(totalCount).toBeGreaterThan(1);
      expect(new Map(places.map((p) => [p.place.id, p.engagements]))).toEqual(
        new Map([...atPlace].map(([id, ids]) => [id, ids.size])),
      );
      const counts = places.map((p) => p.engagements);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const first = await dataOf<Result>(counted, { ...args, first: 1 });
      expect(first.foughtAtPlaces).toEqual({ totalCount, places: places.slice(0, 1) });
    }
    const neither = await errorOf('{ foughtAtPlaces { totalCount } }');
    expect(neither.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'actor' });
    const tooMany = await errorOf('{ foughtAtPlaces(actor: "Hezbollah", first: 2001) { totalCount } }');
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it("foughtAtPlaces counts in a place's map only the engagements someone fought in", async () => {
    await driver.executeQuery(
      `MATCH (a:Actor {id: 'jabhat-al-nusra'})
       CREATE (r:Place {id: 'test-api-map', name: 'Test map', kind: 'REGION'})
       CREATE (fought:Place {id: 'test-api-map-fought', name: 'Test map fought', kind: 'TOWN'})-[:PART_OF]->(r)
       CREATE (quiet:Place {id: 'test-api-map-quiet', name: 'Test map quiet', kind: 'TOWN'})-[:PART_OF]->(r)
       CREATE (a)-[:FOUGHT_IN {side: 'ATTACKER'}]->(:Engagement {id: 'test-api-map-1', title: 'Test map 1',
              startEarliest: '2015-01-01', startLatest: '2015-01-01'})-[:AT]->(fought)
       CREATE (:Engagement {id: 'test-api-map-2', title: 'Test map 2, civilians only',
              startEarliest: '2015-01-02', startLatest: '2015-01-02'})-[:AT]->(fought)
       CREATE (:Engagement {id: 'test-api-map-3', title: 'Test map 3, civilians only',
              startEarliest: '2015-01-03', startLatest: '2015-01-03'})-[:AT]->(quiet)`,
    );
    try {
      const result = await dataOf<{
        foughtAtPlaces: { totalCount: number; places: { engagements: number; place: { id: string } }[] };
      }>('{ foughtAtPlaces(place: "test-api-map") { totalCount places { engagements place { id } } } }');
      expect(result.foughtAtPlaces).toEqual({
        totalCount: 1,
        places: [{ engagements: 1, place: { id: 'test-api-map-fought' } }],
      });
    } finally {
      await driver.executeQuery("MATCH (n) WHERE n.id STARTS WITH 'test-api-map' DETACH DELETE n");
    }
  });

  it('rejects an unknown actor name, naming the argument and suggesting close names', async () => {
    const error = await errorOf(query, { actor: 'Jabhat al-Nursa' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'actor' });
    expect(error.extensions?.suggestions).toContain('Jabhat al-Nusra');
  });
});

describe('engagements', () => {
  const near = `query($lat: Float!, $lon: Float!, $km: Float!, $from: Date, $to: Date) {
    engagements(filter: { near: { latitude: $lat, longitude: $lon, km: $km }, from: $from, to: $to }, first: 200) {
      totalCount edges { node { id places { id location { latitude longitude } } } } } }`;
  type Located = { id: string; location: { latitude: number; longitude: number } | null };
  type Page = { engagements: { totalCount: number; edges: { node: { id: string; places: Located[] } }[] } };

  it('near: what happened within 10 km of Aleppo city is what has a place within 10 km, and no more', async () => {
    const within = (p: Located, km: number) =>
      p.location !== null && distanceKm(p.location, { latitude: 36.2021, longitude: 37.1343 }) <= km;
    const ten = await data<Page>(near, { lat: 36.2021, lon: 37.1343, km: 10 });
    const forty = await data<Page>(near, { lat: 36.2021, lon: 37.1343, km: 40 });
    const tenIds = new Set(ten.engagements.edges.map((e) => e.node.id));
    expect(tenIds.size).toBeGreaterThan(0);
    for (const { node } of forty.engagements.edges) {
      expect(tenIds.has(node.id), node.id).toBe(node.places.some((p) => within(p, 10)));
    }
    expect(forty.engagements.totalCount).toBeGreaterThan(ten.engagements.totalCount);
  });

  it('near uses the point index, not a scan of places', async () => {
    for (const name of ['engagements-page', 'who-fought-where'] as const) {
      const result = await driver.executeQuery(`EXPLAIN ${queries.text(name)}`, {
        filters: [],
        actorIds: null,
        placeId: null,
        near: null,
        from: null,
        to: null,
        limit: 1,
      });
      expect(JSON.stringify(result.summary.plan), name).toMatch(/NodeIndexSeekByRange[^}]*POINT INDEX/);
    }
  });

  it('pages with cursors: the second page follows the first without overlap', async () => {
    const pageQuery = `query($after: String) { engagements(first: 5, after: $after) {
      totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    type P = {
      engagements: {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await data<P>(pageQuery);
    const second = await data<P>(pageQuery, { after: first.engagements.pageInfo.endCursor });
    const all = await data<{ engagements: { edges: { node: { id: string } }[] } }>(
      '{ engagements(first: 10) { edges { node { id } } } }',
    );
    expect(first.engagements.pageInfo.hasNextPage).toBe(true);
    expect([...first.engagements.edges, ...second.engagements.edges].map((e) => e.node.id)).toEqual(
      all.engagements.edges.map((e) => e.node.id),
    );
    expect(second.engagements.totalCount).toBe(first.engagements.totalCount);
  });

  it('pages in start order whichever plan picks the order: every engagement walked in the start index, a filter matching more than a twentieth walked against its set, any other sorted', async () => {
    // A small actor whose engagements' ids run against their start dates, among 60 more engagements:
    // a twentieth of the graph or less, so its page is sorted, not walked.
    await driver.executeQuery(
      `CREATE (a:Actor {id: 'test-api-order-few', name: 'Test order few', kind: 'ARMED_GROUP'})
       WITH a UNWIND range(1, 3) AS n
       CREATE (a)-[:FOUGHT_IN {side: 'A'}]->(:Engagement {id: 'test-api-order-' + n, title: 'Test order ' + n,
              startEarliest: '201' + (4 - n) + '-01-01', startLatest: '201' + (4 - n) + '-01-01'})
       WITH count(*) AS seeded UNWIND range(1, 60) AS n
       CREATE (:Engagement {id: 'test-api-order-filler-' + n, title: 'Filler', startEarliest: '2015-06-01',
               startLatest: '2015-06-01'})`,
    );
    try {
      const { records } = await driver.executeQuery(
        `MATCH (a:Actor) WITH a, COUNT { (a)-[:FOUGHT_IN]->() } AS n WHERE n > 0
       WITH a, n ORDER BY n, a.id WITH collect(a.id) AS ids
       RETURN ids[-1] AS most, COUNT { MATCH (e:Engagement) RETURN e } AS engagements`,
      );
      const fewest = 'test-api-order-few';
      const { most, engagements } = records[0]!.toObject() as { most: string; engagements: number };
      const inOrder = async (match: string, params: Record<string, unknown>) =>
        (
          await driver.executeQuery(`${match} WITH DISTINCT e RETURN e.id AS id ORDER BY e.startEarliest, e.id`, params)
        ).records.map((r) => r.get('id') as string);
      type Connection = {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { endCursor: string | null };
      };
      const page = 'engagements(first: 3, after: $after) { totalCount edges { node { id } } pageInfo { endCursor } }';
      const byActor = 'MATCH (:Actor {id: $id})-[:FOUGHT_IN]->(e)';
      const cases = [
        { name: 'every engagement', read: `{ ${page} }`, match: 'MATCH (e:Engagement)', params: {} },
        {
          name: 'the busiest actor',
          read: `{ node: actor(id: "${most}") { ${page} } }`,
          match: byActor,
          params: { id: most },
        },
        {
          name: 'a small actor',
          read: `{ node: actor(id: "${fewest}") { ${page} } }`,
          match: byActor,
          params: { id: fewest },
        },
        {
          name: 'Aleppo city and the places in it',
          read: `{ node: place(id: "aleppo-city") { ${page} } }`,
          match: 'MATCH (:Place {id: "aleppo-city"})<-[:PART_OF]-{0,8}(:Place)<-[:AT]-(e:Engagement)',
          params: {},
        },
      ];
      const shares: number[] = [];
      for (const c of cases) {
        const expected = await inOrder(c.match, c.params);
        shares.push(expected.length / engagements);
        const read: string[] = [];
        let after: string | null = null;
        for (let n = 0; n < 4; n++) {
          const result: { engagements?: Connection; node?: { engagements: Connection } } = await data(
            `query($after: String) ${c.read}`,
            { after },
          );
          const connection = (result.engagements ?? result.node?.engagements)!;
          expect(connection.totalCount, c.name).toBe(expected.length);
          read.push(...connection.edges.map((e) => e.node.id));
          after = connection.pageInfo.endCursor;
          if (after === null) break;
        }
        expect(read, c.name).toEqual(expected.slice(0, read.length));
        expect(read.length, c.name).toBe(Math.min(12, expected.length));
      }
      // The busiest actor's page walks the index; the small actor's is sorted.
      expect(shares[1]).toBeGreaterThan(1 / 20);
      expect(shares[2]).toBeLessThanOrEqual(1 / 20);
    } finally {
      await driver.executeQuery("MATCH (n) WHERE n.id STARTS WITH 'test-api-order-' DETACH DELETE n");
    }
  });

  it("counts a big place's engagements once each, however many of its places one is at, and pages them in start order", async () => {
    // A region with two places in it, holding more than a twentieth of all engagements, so its
    // total is read from the places' degrees and its page walked in the start index.
    const { records } = await driver.executeQuery('MATCH (e:Engagement) RETURN count(e) AS n');
    const spread = Math.ceil((records[0]!.get('n') as number) / 10);
    await driver.executeQuery(
      `CREATE (r:Place {id: 'test-api-region', name: 'Test region', kind: 'REGION'})
       CREATE (:Place {id: 'test-api-region-a', name: 'Test region A', kind: 'TOWN'})-[:PART_OF]->(r)
       CREATE (:Place {id: 'test-api-region-b', name: 'Test region B', kind: 'TOWN'})-[:PART_OF]->(r)
       CREATE (:Place {id: 'test-api-outside', name: 'Test outside', kind: 'TOWN'})
       WITH r UNWIND range(1, toInteger($spread)) AS n
       CREATE (:Engagement {id: 'test-api-region-' + n, title: 'Test region ' + n,
               startEarliest: '2013-01-' + right('0' + (n % 28 + 1), 2), startLatest: '2013-02-01'})`,
      { spread },
    );
    try {
      // Through the statement the loader and engagementCreate write AT with, which labels the two.
      const at = (engagement: string, place: string) => ({ engagement, place });
      await executor.write('load-engagement-places', {
        rows: [
          ...Array.from({ length: spread }, (_, i) => at(`test-api-region-${i + 1}`, 'test-api-region-a')),
          at('test-api-region-1', 'test-api-region-b'),
          at('test-api-region-2', 'test-api-outside'),
        ],
      });
      // And through the import's, as a revised event that moved to another place.
      const source = (await driver.executeQuery('MATCH (s:Source) RETURN s.id AS id LIMIT 1')).records[0]!.get(
        'id',
      ) as string;
      const [imported] = await executor.write('import-events', {
        source,
        rows: [
          {
            id: 'test-api-region-3',
            owned: { title: 'Test region 3, revised' },
            curated: {},
            place: 'test-api-outside',
            participants: [],
            citation: { id: 'test-api-region-citation', quote: null, note: 'Test: the revised event' },
          },
        ],
      });
      expect(imported).toEqual({ written: 1, existing: 1 });
      const labelled = await driver.executeQuery(
        "MATCH (e:MultiPlace) WHERE e.id STARTS WITH 'test-api-region-' RETURN e.id AS id ORDER BY id",
      );
      expect(labelled.records.map((r) => r.get('id') as string)).toEqual([
        'test-api-region-1',
        'test-api-region-2',
        'test-api-region-3',
      ]);
      const expected = (
        await driver.executeQuery(
          `MATCH (:Place {id: 'test-api-region'})<-[:PART_OF]-{0,8}(:Place)<-[:AT]-(e:Engagement)
           WITH DISTINCT e RETURN e.id AS id ORDER BY e.startEarliest, e.id`,
        )
      ).records.map((r) => r.get('id') as string);
      expect(expected).toHaveLength(spread);
      const read: string[] = [];
      let after: string | null = null;
      for (let n = 0; n < 3; n++) {
        const page: {
          place: {
            engagements: {
              totalCount: number;
              edges: { node: { id: string } }[];
              pageInfo: { endCursor: string | null };
            };
          };
        } = await data(
          `query($after: String) { place(id: "test-api-region") {
               engagements(first: 4, after: $after) { totalCount edges { node { id } } pageInfo { endCursor } } } }`,
          { after },
        );
        expect(page.place.engagements.totalCount).toBe(spread);
        read.push(...page.place.engagements.edges.map((e) => e.node.id));
        after = page.place.engagements.pageInfo.endCursor;
      }
      expect(read).toEqual(expected.slice(0, 12));
      // The place the second and third are also at counts them as its own.
      const outside: { place: { engagements: { totalCount: number } } } = await data(
        '{ place(id: "test-api-outside") { engagements { totalCount } } }',
      );
      expect(outside.place.engagements.totalCount).toBe(2);
    } finally {
      await driver.executeQuery(
        "MATCH (n) WHERE n.id STARTS WITH 'test-api-region' OR n.id = 'test-api-outside' DETACH DELETE n",
      );
    }
  });

  it('labels every engagement of the loaded dataset at more than one place, and the start labels one stored without it (an older backup)', async () => {
    const unlabelled = 'MATCH (e:Engagement) WHERE COUNT { (e)-[:AT]->() } > 1 AND NOT e:MultiPlace RETURN e.id AS id';
    const several = await driver.executeQuery(
      'MATCH (e:Engagement) WHERE COUNT { (e)-[:AT]->() } > 1 RETURN e.id AS id ORDER BY id',
    );
    expect(several.records.length).toBeGreaterThan(1);
    expect((await driver.executeQuery(unlabelled)).records).toEqual([]);
    const older = several.records[0]!.get('id') as string;
    await driver.executeQuery('MATCH (e:Engagement {id: $older}) REMOVE e:MultiPlace', { older });
    try {
      expect(await backfillMultiPlace(executor)).toBe(1);
      expect((await driver.executeQuery(unlabelled)).records).toEqual([]);
      expect(await backfillMultiPlace(executor)).toBe(0);
    } finally {
      await driver.executeQuery('MATCH (e:Engagement {id: $older}) SET e:MultiPlace', { older });
    }
  });

  it('keeps contested claims visible as contested, with what is disputed', async () => {
    const result = await data<{
      engagements: { edges: { node: { id: string; contested: boolean; contestedNote: string | null } }[] };
    }>('{ engagements(filter: { contested: true }, first: 50) { edges { node { id contested contestedNote } } } }');
    const ids = result.engagements.edges.map((e) => e.node.id);
    expect(ids).toContain('khalasah-reported-capture-2016-06-03');
    for (const { node } of result.engagements.edges) {
      expect(node.contested).toBe(true);
      expect(node.contestedNote).toBeTruthy();
    }
  });

  it('a place filter includes sub-places, and an actor filter with lineage spans renames', async () => {
    const result = await data<{ a: { totalCount: number }; b: { totalCount: number } }>(`{
      a: engagements(filter: { place: "Aleppo" }) { totalCount }
      b: engagements(filter: { place: "Minyan" }) { totalCount } }`);
    expect(result.a.totalCount).toBeGreaterThan(result.b.totalCount);
    expect(result.b.totalCount).toBeGreaterThan(0);
  });

  it('filters together give what each gives alone, intersected (actor, place, near), in a page and in whoFoughtWhere', async () => {
    const filtered = `query($actor: String, $place: String, $near: GeoRadius) {
      engagements(filter: { actor: $actor, place: $place, near: $near }, first: 200) { totalCount edges { node { id } } }
      whoFoughtWhere(actor: $actor, place: $place, near: $near, first: 200) {
        totalCount edges { node { actor { id } place { id } engagements { id } } } } }`;
    type Result = {
      engagements: { totalCount: number; edges: { node: { id: string } }[] };
      whoFoughtWhere: {
        totalCount: number;
        edges: { node: { actor: { id: string }; place: { id: string }; engagements: { id: string }[] } }[];
      };
    };
    const answer = async (variables: Record<string, unknown>) => {
      const result = await data<Result>(filtered, variables);
      // Each answer is whole on one page, so the sets compare everything.
      expect(result.engagements.totalCount).toBeLessThanOrEqual(200);
      expect(result.whoFoughtWhere.totalCount).toBeLessThanOrEqual(200);
      return {
        engagements: new Set(result.engagements.edges.map((e) => e.node.id)),
        pairs: new Set(
          result.whoFoughtWhere.edges.flatMap(({ node }) =>
            node.engagements.map((e) => `${node.actor.id}@${node.place.id}@${e.id}`),
          ),
        ),
      };
    };
    const both = <T>(a: Set<T>, b: Set<T>) => new Set([...a].filter((x) => b.has(x)));
    // HTS fought in Aleppo and Idlib governorates; within 8 km of Aleppo's centre are some of
    // its engagements and some of the governorate's.
    const actor = { actor: 'Hayat Tahrir al-Sham' };
    const place = { place: 'Aleppo Governorate' };
    const near = { near: { latitude: 36.2012, longitude: 37.1612, km: 8 } };
    const alone = { actor: await answer(actor), place: await answer(place), near: await answer(near) };
    for (const [a, b] of [
      ['actor', 'place'],
      ['actor', 'near'],
      ['place', 'near'],
    ] as const) {
      const together = await answer({ ...(a === 'actor' ? actor : place), ...(b === 'near' ? near : place) });
      const expected = both(alone[a].engagements, alone[b].engagements);
      expect(expected.size, `${a} and ${b} share engagements`).toBeGreaterThan(0);
      expect(expected.size, `${b} narrows ${a}`).toBeLessThan(alone[a].engagements.size);
      expect(together.engagements, `engagements, ${a} and ${b}`).toEqual(expected);
      expect(together.pairs, `who fought where, ${a} and ${b}`).toEqual(both(alone[a].pairs, alone[b].pairs));
    }
  });
});

describe('dated relations and asOf', () => {
  const seeded = ['test-api-coalition', 'test-api-member'];
  beforeAll(async () => {
    await executor.write('load-actors', {
      rows: seeded.map((id) => ({
        id,
        props: { name: id, kind: 'ARMED_GROUP', aliases: [], reviewStatus: 'REVIEWED' },
      })),
    });
    await executor.write('load-actor-relations', {
      rows: [
        {
          id: 'test-api-membership',
          type: 'MEMBER_OF',
          from: 'test-api-member',
          to: 'test-api-coalition',
          props: { ...storedFuzzyDate('from', '2015-03'), ...storedFuzzyDate('to', '2017-01'), contested: false },
        },
      ],
    });
  });
  afterAll(async () => {
    await driver.executeQuery('MATCH (a:Actor) WHERE a.id IN $ids DETACH DELETE a', { ids: seeded });
  });

  it.each([
    ['2016-06-03', true],
    ['2015-03-01', true],
    ['2017-01-31', true],
    ['2015-02-28', false],
    ['2017-02-01', false],
  ])('a membership from 2015-03 to 2017-01 is active on %s: %s', async (asOf, active) => {
    const result = await data<{ actor: { memberships: { group: { id: string } }[] } }>(
      'query($d: Date) { actor(id: "test-api-member") { memberships(asOf: $d) { group { id } } } }',
      { d: asOf },
    );
    expect(result.actor.memberships.length).toBe(active ? 1 : 0);
  });

  it('without asOf lists the membership whatever its period, from both ends', async () => {
    const result = await data<{
      m: { memberships: { group: { id: string } }[] };
      g: { members: { member: { id: string } }[] };
    }>(`{
      m: actor(id: "test-api-member") { memberships { group { id } } }
      g: actor(id: "test-api-coalition") { members { member { id } } } }`);
    expect(result.m.memberships.map((x) => x.group.id)).toEqual(['test-api-coalition']);
    expect(result.g.members.map((x) => x.member.id)).toEqual(['test-api-member']);
  });
});

describe('sponsors, connection and provenance', () => {
  it('who backed the Aleppo Conquest Operations Room, and with what', async () => {
    const result = await data<{
      actor: { sponsors: { sponsor: { id: string }; support: string[]; citations: unknown[] }[] };
    }>(
      '{ actor(name: "Aleppo Conquest Operations Room") { sponsors { sponsor { id } support citations { quote } } } }',
    );
    const sponsors = result.actor.sponsors.map((s) => s.sponsor.id);
    expect(sponsors).toEqual(expect.arrayContaining(['turkey', 'qatar', 'saudi-arabia']));
    for (const s of result.actor.sponsors) {
      expect(s.support).toContain('WEAPONS');
      expect(s.citations.length).toBeGreaterThan(0);
    }
  });

  it('connection explains how Turkey is linked to Jabhat al-Nusra, hop by hop, with citations', async () => {
    const result = await data<{
      connection: { length: number; steps: { from: Named; relation: string; to: Named; citations: unknown[] }[] }[];
    }>(
      '{ connection(from: "Turkey", to: "Jabhat al-Nusra") { length steps { from { id name } relation to { id name } citations { quote } } } }',
    );
    expect(result.connection.length).toBeGreaterThan(0);
    for (const path of result.connection) {
      expect(path.steps.length).toBe(path.length);
      const touched = path.steps.flatMap((s) => [s.from.id, s.to.id]);
      expect(touched).toContain('turkey');
      expect(touched).toContain('jabhat-al-nusra');
      for (const step of path.steps) expect(step.citations.length).toBeGreaterThan(0);
    }
  });

  it('every quote a source is cited for appears verbatim in that source', async () => {
    const result = await data<{
      sources: {
        id: string;
        kind: string;
        text: string;
        citations: { quote: string | null; fact: { type: string; summary: string } }[];
      }[];
    }>('{ sources { id kind text citations { quote fact { type id summary } } } }');
    const articles = result.sources.filter((s) => s.kind === 'ARTICLE');
    expect(articles).toHaveLength(5);
    for (const source of articles) {
      expect(source.citations.length, source.id).toBeGreaterThan(0);
      const text = normaliseWhitespace(source.text);
      for (const c of source.citations) {
        expect(c.quote, `${source.id}: ${c.fact.summary}`).toBeTruthy();
        expect(text.includes(normaliseWhitespace(c.quote!)), `${source.id}: "${c.quote}"`).toBe(true);
        expect(c.fact.summary).not.toBe('');
      }
    }
  });
});

describe('what the graph takes from a source', () => {
  it('lists live citations by id, the retracted aside; first cuts the list and citationCount counts them all, whichever plan the share of citations picks', async () => {
    // A seeded dataset cited for more than a fiftieth of all citations, every seventh retracted.
    const before = await driver.executeQuery('MATCH (c:Citation) RETURN count(c) AS n');
    const seeded = Math.ceil((before.records[0]!.get('n') as number) / 40) + 10;
    await driver.executeQuery(
      `CREATE (s:Source {id: 'test-api-cited', kind: 'DATASET', title: 'A seeded dataset', text: ''})
       WITH s UNWIND range(1, toInteger($seeded)) AS n
       CREATE (:Citation {id: 'test-api-cit-' + right('00' + n, 3), factType: 'Actor', factId: 'jabhat-al-nusra',
                          note: 'seeded', retracted: CASE WHEN n % 7 = 0 THEN true END})-[:CITES]->(s)`,
      { seeded },
    );
    try {
      const { records } = await driver.executeQuery(
        `MATCH (s:Source)
         RETURN s.id AS id, COUNT { (s)<-[:CITES]-() } AS cited, COUNT { MATCH (all:Citation) RETURN all } AS total,
                COLLECT { MATCH (c:Citation)-[:CITES]->(s) WHERE coalesce(c.retracted, false) = false
                          RETURN c.id ORDER BY c.id } AS live`,
      );
      const stored = new Map(records.map((r) => [r.get('id') as string, r.get('live') as string[]]));
      expect(stored.get('test-api-cited')).toHaveLength(seeded - Math.floor(seeded / 7));
      // Both plans of citations-of-sources.cypher are read: sources above a fiftieth of all citations, and below.
      const walked = records.filter((r) => (r.get('cited') as number) * 50 > (r.get('total') as number));
      expect(walked.map((r) => r.get('id') as string)).toContain('test-api-cited');
      expect(walked.length).toBeLessThan(records.length);
      expect(records.some((r) => r.get('id') !== 'test-api-cited' && (r.get('live') as string[]).length > 0)).toBe(
        true,
      );
      const result = await data<{
        sources: { id: string; citationCount: number; citations: { id: string }[]; first2: { id: string }[] }[];
      }>('{ sources { id citationCount citations { id } first2: citations(first: 2) { id } } }');
      for (const source of result.sources) {
        const live = stored.get(source.id)!;
        expect(
          source.citations.map((c) => c.id),
          source.id,
        ).toEqual(live);
        expect(
          source.first2.map((c) => c.id),
          source.id,
        ).toEqual(live.slice(0, 2));
        expect(source.citationCount, source.id).toBe(live.length);
      }
      const tooMany = await errorOf('{ source(id: "test-api-cited") { citations(first: 201) { id } } }');
      expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    } finally {
      await driver.executeQuery("MATCH (n) WHERE n.id STARTS WITH 'test-api-cit' DETACH DELETE n");
    }
  });
});

describe('errors carry a code and name the argument', () => {
  it.each([
    [
      'an impossible date',
      '{ engagements(filter: { from: "2016-02-30" }) { totalCount } }',
      'BAD_USER_INPUT',
      /2016-02-30/,
    ],
    [
      'a negative radius',
      '{ engagements(filter: { near: { latitude: 36.2, longitude: 37.1, km: -5 } }) { totalCount } }',
      'BAD_USER_INPUT',
      /filter\.near\.km/,
    ],
    [
      'a latitude out of range',
      '{ whoFoughtWhere(near: { latitude: 123, longitude: 37.1, km: 5 }) { totalCount } }',
      'BAD_USER_INPUT',
      /near\.latitude/,
    ],
    ['first over the maximum', '{ engagements(first: 5000) { totalCount } }', 'BAD_USER_INPUT', /first/],
    [
      'from after to',
      '{ engagements(filter: { from: "2017-01-01", to: "2016-01-01" }) { totalCount } }',
      'BAD_USER_INPUT',
      /from/,
    ],
    ['a cursor we did not issue', '{ engagements(after: "bm9wZQ") { totalCount } }', 'BAD_USER_INPUT', /after/],
    ['too many hops', '{ connection(from: "Turkey", to: "HTS", maxHops: 50) { length } }', 'BAD_USER_INPUT', /maxHops/],
    ['malformed GraphQL', '{ actor(name: "x" { id }', 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
    ['an unknown field', '{ actor(name: "Turkey") { colour } }', 'GRAPHQL_VALIDATION_FAILED', /colour/],
  ])('%s', async (_, query, code, message) => {
    const error = await errorOf(query);
    expect(error.extensions?.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('performance shape', () => {
  it('database round trips grow with query depth, not with the number of results', async () => {
    const counting = new CountingExecutor(driver, queries, undefined);
    const countingApp = testApp(counting);
    const wide = `query($n: Int) { engagements(first: $n) { edges { node {
      title places { name partOf { name } } participants { actor { name aliases lineage { kind } } }
      citations { quote source { title } } } } } }`;
    const roundTrips = async (n: number) => {
      counting.queryCount = 0;
      const response = await graphql(countingApp, wide, { n });
      expect(response.errors).toBeUndefined();
      return counting.queryCount;
    };
    const few = await roundTrips(2);
    const many = await roundTrips(30);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(10);
  });

  it("a page of one actor's engagements reads only that actor's engagements, not every engagement", async () => {
    const filter = {
      key: 'nusra',
      actorIds: ['jabhat-al-nusra'],
      placeId: null,
      near: null,
      from: null,
      to: null,
      kinds: null,
      contested: null,
      offset: 0,
      limit: 5,
      withPlaces: true,
      withParticipants: true,
    };
    const session = driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.run(`PROFILE ${queries.text('engagements-page')}`, {
        filters: [filter],
        pageEnd: 5,
        brief: { actor: false, place: false, engagement: false },
      });
      const scanned: string[] = [];
      const walk = (operator: { operatorType: string; rows: number; children: unknown[] }) => {
        if (/LabelScan|AllNodesScan/.test(operator.operatorType) && operator.rows > 0)
          scanned.push(operator.operatorType);
        for (const child of operator.children) walk(child as typeof operator);
      };
      walk(result.summary.profile as unknown as { operatorType: string; rows: number; children: unknown[] });
      expect(result.records[0]!.get('totalCount')).toBeGreaterThan(0);
      expect(scanned).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe('nested fields read with their parents', () => {
  const counting = new CountingExecutor(driver, queries, undefined);
  const countingApp = testApp(counting);
  const statements = async (query: string) => {
    counting.queryCount = 0;
    const response = await graphql(countingApp, query);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return counting.queryCount;
  };

  // A name is resolved in one statement, and what lies below it comes with one more. A node read by
  // id sends its fields' reads in the same round trip (one statement per field, pipelined).
  it.each([
    [
      'a lineage with both ends',
      1,
      `{ actor(id: "jabhat-fatah-al-sham") { lineage { from { id name } to { id name } } } }`,
    ],
    [
      'an actor card',
      1,
      `{ actor(id: "jabhat-al-nusra") { name alliances { actors { name } } sponsors { sponsor { name } }
        memberships { group { name } } control { place { name } } } }`,
    ],
    [
      'a page of engagements with places and participants',
      2,
      `{ engagements(filter: { actor: "Hayat Tahrir al-Sham" }, first: 50) { edges { node { title
        places { name } participants { side actor { name } } } } } }`,
    ],
    [
      'who fought at a place, with their engagements',
      2,
      `{ whoFoughtWhere(place: "khan-touman") { edges { node { actor { name } place { name } engagements { title } } } } }`,
    ],
    [
      'an engagement with its places and participants',
      3,
      `{ engagement(id: "khan-touman-capture-2016-05") { title places { name } participants { actor { name } } } }`,
    ],
    [
      'a place with its engagements and who fought there',
      2,
      `{ place(id: "khan-touman") { name engagements(first: 20) { edges { node { title participants { actor { name } } } } } } }`,
    ],
  ])('answers %s in %i statements', async (_, most, query) => {
    expect(await statements(query)).toBeLessThanOrEqual(most);
  });

  it('an actor read by id with fields whose statement brings its row is that actor, with or without relations', async () => {
    type Card = {
      actor: { id: string; name: string; aliases: string[]; lineage: unknown[]; alliances: unknown[] } | null;
    };
    const card = (id: string) =>
      statements(`{ actor(id: "${id}") { id name aliases lineage { kind } alliances { actors { name } } } }`).then(
        async (count) => ({
          count,
          ...(await data<Card>(
            `query($id: ID!) { actor(id: $id) { id name aliases lineage { kind } alliances { actors { name } } } }`,
            { id },
          )),
        }),
      );
    // One statement for the lineage and one for the alliances; none for the actor's own row.
    const alone = await card('staffan-de-mistura');
    expect(alone.count).toBe(2);
    expect(alone.actor).toMatchObject({ id: 'staffan-de-mistura', lineage: [], alliances: [] });
    expect(alone.actor?.name).toMatch(/Mistura/);
    const nusra = await card('jabhat-al-nusra');
    expect(nusra.actor?.aliases.length).toBeGreaterThan(2);
    expect(nusra.actor?.lineage.length).toBeGreaterThan(0);
    expect((await card('test-api-no-such-actor')).actor).toBeNull();
  });

  it('a name written like an id ("hts") is still resolved as a name, not read as the id it looks like', async () => {
    type Page = { engagements: { totalCount: number; edges: { node: { id: string } }[] } };
    const page = (actor: string) =>
      data<Page>(
        `query($a: String!) { engagements(filter: { actor: $a }, first: 200) { totalCount edges { node { id } } } }`,
        {
          a: actor,
        },
      );
    const byName = await page('hts');
    expect(byName.engagements.totalCount).toBeGreaterThan(0);
    expect(byName).toEqual(await page('hayat-tahrir-al-sham'));
    type Pairs = { whoFoughtWhere: { totalCount: number } };
    const pairs = (actor: string) =>
      data<Pairs>(`query($a: String!) { whoFoughtWhere(actor: $a) { totalCount } }`, { a: actor });
    expect((await pairs('hts')).whoFoughtWhere).toEqual((await pairs('hayat-tahrir-al-sham')).whoFoughtWhere);
  });

  it('a nested field refusing its arguments is reported at that field, not at the node read ahead of it', async () => {
    const response = await graphql(
      app,
      `
        {
          actor(id: "jabhat-al-nusra") {
            name
            engagements(first: 500) {
              totalCount
            }
          }
        }
      `,
    );
    expect(response.errors?.[0]?.path).toEqual(['actor', 'engagements']);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/first/);
  });

  it('an engagement read with its page is the engagement read by its id', async () => {
    const fields = `id title kind start { value precision } end { value } outcome contested partOf { id }
      places { id name kind aliases location { latitude longitude } partOf { id } }
      participants { side role note actor { id name kind aliases reviewStatus formed { value } } }`;
    type Page = { engagements: { edges: { node: { id: string } }[] } };
    const page = await data<Page>(`{ engagements(filter: { actor: "jabhat-al-nusra" }, first: 20) {
      edges { node { ${fields} } } } }`);
    expect(page.engagements.edges.length).toBeGreaterThan(5);
    for (const { node } of page.engagements.edges) {
      const alone = await data<{ engagement: unknown }>(`query($id: ID!) { engagement(id: $id) { ${fields} } }`, {
        id: node.id,
      });
      expect(node).toEqual(alone.engagement);
    }
  });

  // Every field a brief row is said to answer (src/graphql/briefRows.ts), asked of brief rows and
  // of full ones: a field that needs a column the brief row lacks answers differently.
  it('every field a brief row answers reads the same from brief rows as from full ones', async () => {
    const schema = buildSchema();
    const selection = (type: keyof typeof BRIEF_FIELDS, skip: string[] = []) =>
      [...BRIEF_FIELDS[type].fields]
        .filter((name) => !skip.includes(name))
        .map((name) => {
          const field = (
            schema.getType(BRIEF_FIELDS[type].type) as unknown as {
              getFields: () => Record<string, { type: unknown } | undefined>;
            }
          ).getFields()[name];
          if (name === '__typename') return name;
          expect(field, `${BRIEF_FIELDS[type].type}.${name}`).toBeDefined();
          let named = field?.type as { ofType?: unknown; getFields?: () => Record<string, unknown> };
          while (named.ofType) named = named.ofType;
          if (!named.getFields) return name;
          return 'totalCount' in named.getFields() ? `${name} { totalCount }` : `${name} { __typename }`;
        })
        .join(' ');
    const page = (extra: { actor: string; place: string; engagement: string }) => `{
      engagements(filter: { actor: "jabhat-al-nusra" }, first: 30) { edges { node {
        ${selection('engagement', ['places', 'participants'])} ${extra.engagement}
        places { ${selection('place')} ${extra.place} }
        participants { side actor { ${selection('actor')} ${extra.actor} } } } } } }`;
    const briefPage = page({ actor: '', place: '', engagement: '' });
    const fullPage = page({ actor: 'description', place: 'description', engagement: 'dateNote' });

    const recording = new RecordingExecutor(driver, queries, undefined);
    const recordingApp = testApp(recording);
    const answer = async (query: string) => {
      recording.sent = [];
      const response = await graphql<Record<string, unknown>>(recordingApp, query);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const brief = recording.sent.find((s) => s.query === 'engagements-page')?.params['brief'];
      return { data: response.data, brief };
    };
    const fromBrief = await answer(briefPage);
    expect(fromBrief.brief).toEqual({ actor: true, place: true, engagement: true });
    const fromFull = await answer(fullPage);
    expect(fromFull.brief).toEqual({ actor: false, place: false, engagement: false });
    const withoutExtras = JSON.parse(JSON.stringify(fromFull.data), (key: string, value: unknown) =>
      key === 'description' || key === 'dateNote' ? undefined : value,
    ) as unknown;
    expect(JSON.stringify(fromBrief.data).length).toBeGreaterThan(5_000);
    expect(fromBrief.data).toEqual(withoutExtras);
  });

  it("an actor's aliases asked in one page of a request that names actors in another are its aliases", async () => {
    type Page = { edges: { node: { participants: { actor: { id: string; name?: string; aliases?: string[] } }[] } }[] };
    const answer = await data<{ names: Page; withAliases: Page }>(`{
      names: engagements(filter: { actor: "hayat-tahrir-al-sham" }, first: 10) {
        edges { node { participants { actor { id name } } } } }
      withAliases: engagements(filter: { actor: "hayat-tahrir-al-sham" }, first: 5) {
        edges { node { participants { actor { id aliases } } } } } }`);
    const alone = await data<{ actor: { aliases: string[] } }>(`{ actor(id: "hayat-tahrir-al-sham") { aliases } }`);
    expect(alone.actor.aliases).toContain('HTS');
    const hts = answer.withAliases.edges
      .flatMap((e) => e.node.participants)
      .filter((p) => p.actor.id === 'hayat-tahrir-al-sham');
    expect(hts.length).toBe(5);
    for (const p of hts) expect(p.actor.aliases).toEqual(alone.actor.aliases);
  });

  it('an actor card read with its actor is the card read through a search hit', async () => {
    const card = `name alliances { actors { id name kind } from { value } } sponsors { sponsor { id name } support }
      memberships { group { id name aliases } } lineage { kind from { id name } to { id name } }`;
    const direct = await data<{ actor: unknown }>(`{ actor(id: "jabhat-al-nusra") { ${card} } }`);
    const viaSearch = await data<{ search: { entity: unknown }[] }>(
      `{ search(text: "Jabhat al-Nusra", first: 1) { entity { ... on Actor { ${card} } } } }`,
    );
    expect(viaSearch.search[0]?.entity).toEqual(direct.actor);
  });
});

describe('the playground examples', () => {
  it.each(exampleQueries().map((e) => [e.file, e.query]))(
    '%s runs on the real dataset and finds something',
    async (_, query) => {
      const response = await graphql(app, query);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const json = JSON.stringify(response.data);
      expect(json).not.toMatch(/^\{("[a-zA-Z]+":(null|\[\]),?)+\}$/);
    },
  );
});
