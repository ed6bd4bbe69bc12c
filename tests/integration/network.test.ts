/**
 * network(around:, asOf:, hops:, kinds:): the actors around one and the sourced relations
 * between them, at a date, through the real server and Neo4j with the founding dataset. One test
 * seeds its own actors (ids starting "test-network-") and removes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Executor } from '../../src/db/executor.js';
import { ACTOR_RELATION_TYPES } from '../../src/domain/facts.js';
import { graphql, testApp, testDatabase } from '../helpers/graph.js';

const { executor, driver, queries } = testDatabase();
const app = testApp(executor);

interface Network {
  nodes: { id: string; name: string }[];
  edges: {
    relation: string;
    source: { id: string };
    target: { id: string };
    support: string[];
    contested: boolean;
    citations: { quote: string | null; source: { id: string } }[];
  }[];
  truncated: boolean;
}

const NETWORK = `query($around: String, $id: ID, $asOf: Date, $hops: Int, $kinds: [NetworkRelation!], $first: Int) {
  network(around: $around, id: $id, asOf: $asOf, hops: $hops, kinds: $kinds, first: $first) {
    nodes { id name }
    edges { relation source { id } target { id } support contested citations { quote source { id } } }
    truncated
  }
}`;

async function network(variables: Record<string, unknown>): Promise<Network> {
  const response = await graphql<{ network: Network }>(app, NETWORK, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.network;
}

const pair = (n: Network) => n.edges.map((e) => `${e.source.id} ${e.relation} ${e.target.id}`).sort();

describe('network(around:, asOf:)', () => {
  it('draws the relations active at the date, and lineage events once they have happened', async () => {
    const before = await network({ around: 'Jabhet al-Nosra', asOf: '2016-06-01' });
    const after = await network({ around: 'Jabhet al-Nosra', asOf: '2017-06-01' });
    expect(pair(before)).toContain('jabhat-al-nusra ALLIED_WITH ahrar-al-sham');
    expect(pair(before)).not.toContain('jabhat-al-nusra RENAMED_TO jabhat-fatah-al-sham');
    expect(pair(after)).not.toContain('jabhat-al-nusra ALLIED_WITH ahrar-al-sham');
    expect(pair(after)).toContain('jabhat-al-nusra RENAMED_TO jabhat-fatah-al-sham');
    expect(before.nodes[0]!.id).toBe('jabhat-al-nusra');
  });

  it('without asOf, draws every relation of any date; every edge has a citation', async () => {
    const all = await network({ id: 'jabhat-al-nusra' });
    expect(pair(all)).toEqual(
      expect.arrayContaining([
        'jabhat-al-nusra ALLIED_WITH ahrar-al-sham',
        'jabhat-al-nusra RENAMED_TO jabhat-fatah-al-sham',
        'jabhat-al-nusra MEMBER_OF jaysh-al-fatah',
      ]),
    );
    for (const e of all.edges) expect(e.citations.length, JSON.stringify(e)).toBeGreaterThan(0);
  });

  it('hops reach further: HTS is two hops from Nusra', async () => {
    const one = await network({ id: 'jabhat-al-nusra', asOf: '2017-06-01' });
    const two = await network({ id: 'jabhat-al-nusra', asOf: '2017-06-01', hops: 2 });
    expect(one.nodes.map((n) => n.id)).not.toContain('hayat-tahrir-al-sham');
    expect(two.nodes.map((n) => n.id)).toContain('hayat-tahrir-al-sham');
    expect(pair(two)).toContain('jabhat-fatah-al-sham MERGED_INTO hayat-tahrir-al-sham');
  });

  it('kinds keeps only the relations asked for', async () => {
    const allies = await network({ id: 'jabhat-al-nusra', kinds: ['ALLIED_WITH'] });
    expect(allies.edges.length).toBeGreaterThan(0);
    expect(new Set(allies.edges.map((e) => e.relation))).toEqual(new Set(['ALLIED_WITH']));
  });

  it('refuses bad arguments with BAD_USER_INPUT naming them', async () => {
    for (const [variables, argument] of [
      [{ id: 'jabhat-al-nusra', hops: 4 }, 'hops'],
      [{ id: 'jabhat-al-nusra', first: 5000 }, 'first'],
      [{ around: 'Nusra', id: 'jabhat-al-nusra' }, 'around'],
      [{ around: 'Jabhat al-Nusrq' }, 'around'],
    ] as const) {
      const response = await graphql(app, NETWORK, variables);
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.argument).toBe(argument);
    }
    const unknown = await graphql(app, NETWORK, { id: 'no-such-actor' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('a large network', () => {
  const HUB = 'test-network-hub';
  const SPOKES = 600;

  beforeAll(async () => {
    await driver.executeQuery(
      `CREATE (h:Actor {id: $hub, name: 'Test network hub', kind: 'COALITION'})
       WITH h UNWIND range(1, $n) AS i
       CREATE (a:Actor {id: $hub + '-' + i, name: 'Test network member ' + i, kind: 'ARMED_GROUP'})
       CREATE (a)-[:MEMBER_OF {id: $hub + '-member-' + i, fromEarliest: '2016-01-01', toLatest: '2016-12-31'}]->(h)`,
      { hub: HUB, n: SPOKES },
    );
  });
  afterAll(async () => {
    await driver.executeQuery(`MATCH (a:Actor) WHERE a.id STARTS WITH $hub DETACH DELETE a`, { hub: HUB });
  });

  it('is cut at `first` actors and says so, in a fixed number of round trips', async () => {
    const counting = new (class extends Executor {
      override scoped(): Executor {
        return this;
      }
    })(driver, queries, undefined);
    const countingApp = testApp(counting);
    const response = await graphql<{ network: Network }>(countingApp, NETWORK, { id: HUB, first: 500 });
    expect(response.errors).toBeUndefined();
    expect(response.data!.network.nodes).toHaveLength(501);
    expect(response.data!.network.edges).toHaveLength(500);
    expect(response.data!.network.truncated).toBe(true);
    // network, actors by id, citations: whatever the number of actors.
    expect(counting.queryCount).toBeLessThanOrEqual(4);
    const outside = await network({ id: HUB, asOf: '2017-06-01' });
    expect(outside.nodes).toHaveLength(1);
  });
});

describe("a busy actor's network", () => {
  // An actor with one ally, then with hundreds of engagements and places it held.
  const BUSY = 'test-network-busy';
  beforeAll(async () => {
    await driver.executeQuery(
      `CREATE (a:Actor {id: $busy, name: 'Test network busy actor', kind: 'ARMED_GROUP'})
       CREATE (b:Actor {id: $busy + '-ally', name: 'Test network ally', kind: 'ARMED_GROUP'})
       CREATE (a)-[:ALLIED_WITH {id: $busy + '-alliance', fromEarliest: '2016-01-01'}]->(b)`,
      { busy: BUSY },
    );
  });
  afterAll(async () => {
    await driver.executeQuery(
      `MATCH (n) WHERE (n:Actor OR n:Engagement OR n:Place) AND n.id STARTS WITH $busy DETACH DELETE n`,
      { busy: BUSY },
    );
  });

  it('costs the database the same however many engagements and places the actor has', async () => {
    const dbHits = async () => {
      const session = driver.session({ defaultAccessMode: 'READ' });
      try {
        const params = { around: BUSY, hops: 2, types: [...ACTOR_RELATION_TYPES], asOf: '2017-01-01', limit: 500 };
        const result = await session.run(`PROFILE ${queries.text('network')}`, params);
        expect(result.records[0]!.get('nodeIds')).toEqual([BUSY, `${BUSY}-ally`]);
        let hits = 0;
        const walk = (operator: { dbHits: number; children: unknown[] }) => {
          hits += operator.dbHits;
          for (const child of operator.children) walk(child as typeof operator);
        };
        walk(result.summary.profile as unknown as { dbHits: number; children: unknown[] });
        return hits;
      } finally {
        await session.close();
      }
    };
    const quiet = await dbHits();
    await driver.executeQuery(
      `MATCH (a:Actor {id: $busy}) UNWIND range(1, 500) AS i
       CREATE (a)-[:FOUGHT_IN]->(:Engagement {id: $busy + '-engagement-' + i, title: 'Test engagement ' + i})
       CREATE (a)-[:CONTROLLED {id: $busy + '-control-' + i}]->(:Place {id: $busy + '-place-' + i, name: 'Test place ' + i})`,
      { busy: BUSY },
    );
    // Reading the 1,000 new edges would cost at least 1,000 db hits.
    expect(await dbHits()).toBeLessThan(quiet + 100);
  });
});
