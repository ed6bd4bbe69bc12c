/**
 * The server survives its database: a local Neo4j that dies under it is started again by the
 * server's supervisor; an external one (NEO4J_URI) is waited out. Writes cut off by a crash are
 * all or nothing.
 */
import { describe, expect, it } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import { LocalNeo4j } from '../../src/neo4j-local/localNeo4j.js';
import {
  EDITOR_TOKEN,
  graphDigest,
  graphql,
  health,
  killNeo4j,
  newStore,
  PASSWORD,
  startServer,
  until,
} from './support.js';

const asEditor = { authorization: `Bearer ${EDITOR_TOKEN}` };
const ARTICLE = '000_60ecd4665a9ba8af';
const QUOTE = 'The offensive was led by Jabhat al-Nusra, who employed multiple SVBEIDs across the front.';

describe('a server whose Neo4j dies', () => {
  it('heals a killed local Neo4j with no human: /health 503 while it is down, 200 and data once it is back', async () => {
    const store = await newStore();
    const server = await startServer(store);
    const driver = createDriver({ uri: `bolt://127.0.0.1:${store.boltPort}`, user: 'neo4j', password: PASSWORD });
    try {
      const before = await graphDigest(driver);
      // A mutation in flight when Neo4j dies: afterwards the graph holds all of it or none of it.
      const input = {
        id: 'fault-battle',
        title: 'Battle cut off by a crash',
        kind: 'ASSAULT',
        start: '2016-06-03',
        places: ['khan-touman'],
        participants: [
          { actor: 'jabhat-al-nusra', side: 'ATTACKER', role: 'LEAD' },
          { actor: 'syrian-arab-army', side: 'DEFENDER' },
          { actor: 'hezbollah', side: 'DEFENDER' },
        ],
        citations: [{ source: ARTICLE, quote: QUOTE }],
      };
      const mutation = graphql(
        server.url,
        'mutation ($input: EngagementInput!) { engagementCreate(input: $input) { id participants { actor { id } } } }',
        { input },
        asEditor,
      );
      const query = graphql(server.url, '{ actor(name: "Jabhat al-Nusra") { lineage { kind to { name } } } }');
      const killedAt = Date.now();
      await killNeo4j(store.dataDir);
      await until(async () => (await health(server.url)) === 503, 10_000);

      const [written, read] = await Promise.all([mutation, query]);
      // Neither answer is a 5xx or an unexplained error: data, or DATABASE_UNAVAILABLE.
      for (const answer of [written, read]) {
        expect(answer.status).toBeLessThan(500);
        for (const error of answer.errors ?? []) expect(error.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      }

      await until(async () => (await health(server.url)) === 200, 60_000);
      console.log(`[faults] local Neo4j killed under the server: /health 200 again after ${Date.now() - killedAt} ms`);
      expect((await graphql(server.url, '{ actor(name: "JFS") { id } }')).data).toEqual({
        actor: { id: 'jabhat-fatah-al-sham' },
      });
      const after = await graphDigest(driver);
      const [battle] = (
        await driver.executeQuery(
          'MATCH (e:Engagement {id: "fault-battle"}) RETURN count { (e)<-[:FOUGHT_IN]-() } AS participants, count { (e)-[:AT]->() } AS places',
        )
      ).records.map((r) => r.toObject());
      if (written.errors === undefined) expect(battle).toEqual({ participants: 3, places: 1 });
      else if (battle === undefined) expect(after).toBe(before);
      else expect(battle).toEqual({ participants: 3, places: 1 });
    } finally {
      await driver.close();
    }
  });

  it('with NEO4J_URI rides out an outage with DATABASE_UNAVAILABLE and recovers by itself when it returns', async () => {
    const store = await newStore();
    const options = {
      port: store.boltPort,
      dataDir: store.dataDir,
      password: PASSWORD,
      heap: '512m',
      pageCache: '128m',
      role: 'test' as const,
    };
    let external = await LocalNeo4j.attach(options);
    const server = await startServer(store, { NEO4J_URI: external.uri, NEO4J_USER: 'neo4j' });
    try {
      expect(await health(server.url)).toBe(200);
      await killNeo4j(store.dataDir);
      await external.close();

      const started = Date.now();
      const during = await graphql(server.url, '{ actor(name: "HTS") { id } }');
      expect(during.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await health(server.url)).toBe(503);

      external = await LocalNeo4j.attach(options);
      await until(async () => (await health(server.url)) === 200, 30_000);
      expect((await graphql(server.url, '{ actor(name: "HTS") { id } }')).data).toEqual({
        actor: { id: 'hayat-tahrir-al-sham' },
      });
      expect(server.child.exitCode).toBeNull();
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await external.close();
    }
  });
});
