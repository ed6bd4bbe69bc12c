/**
 * One local Neo4j for the server and the CLI (docs/local-neo4j.md): a user keeps the server up,
 * runs the CLI in a second terminal, and the server never stops answering.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { cli, EDITOR_TOKEN, graphql, launchersOn, newStore, startServer, until } from './support.js';

const UCDP_FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/ucdp-ged-aleppo.csv');
const IMPORTED = `{ engagements(filter: { from: "2016-01-01", to: "2016-12-31" }, first: 200) { edges { node { id } } } }`;

function engagementIds(answer: Awaited<ReturnType<typeof graphql>>): string[] {
  const connection = answer.data?.engagements as { edges: { node: { id: string } }[] } | undefined;
  return connection?.edges.map((e) => e.node.id) ?? [];
}

describe('the server and the CLI on one store', () => {
  it('the CLI imports and exports through the running server’s Neo4j while the server answers throughout', async () => {
    const store = await newStore();
    const server = await startServer(store);
    const launcher = launchersOn(store.dataDir);
    expect(launcher).toHaveLength(1);

    const answers: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const answer = await graphql(server.url, '{ actor(name: "JFS") { name } }').catch(() => ({ status: 0 }));
        answers.push('errors' in answer || !('data' in answer) ? -answer.status : answer.status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const imported = await cli(store, [
      'import',
      'ucdp-ged',
      UCDP_FIXTURE,
      '--rejects',
      path.join(store.dataDir, 'r.csv'),
    ]);
    expect(imported.output).toContain('Using the local Neo4j already running on this store');
    expect(imported.code).toBe(0);
    const out = path.join(store.dataDir, 'export.json');
    const exported = await cli(store, ['export', 'json', '--out', out]);
    expect(exported.code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    polling = false;
    await poller;

    // Every request while the CLI ran was answered with data; the Neo4j is the same one, still up.
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    expect(launchersOn(store.dataDir)).toEqual(launcher);
    // The imported events show at once, without a restart.
    expect(engagementIds(await graphql(server.url, IMPORTED))).toContain('ucdp-ged-900001');
  });

  it('a second server on the same store says where the first one answers, and leaves it running', async () => {
    const store = await newStore();
    const first = await startServer(store);
    const second = await startServer(store).then(
      () => 'started',
      (error: Error) => error.message,
    );
    const firstPort = new URL(first.url).port;
    expect(firstPort).toMatch(/^\d+$/);
    expect(second).toMatch(
      new RegExp(
        `A server already runs on this store .*process ${first.child.pid}, answering at http://localhost:${firstPort}/graphql`,
      ),
    );
    expect((await graphql(first.url, '{ actor(name: "HTS") { id } }')).data).toEqual({
      actor: { id: 'hayat-tahrir-al-sham' },
    });
  });

  it('kill -9 of the server leaves no Java process within 30 s, and the next start keeps the data', async () => {
    const store = await newStore();
    const server = await startServer(store);
    const created = await graphql(
      server.url,
      'mutation ($input: SourceInput!) { sourceAdd(input: $input) { id } }',
      { input: { id: 'fault-marker', kind: 'REFERENCE', title: 'A marker', url: 'https://example.org/marker' } },
      { authorization: `Bearer ${EDITOR_TOKEN}` },
    );
    expect(created.errors).toBeUndefined();

    server.child.kill('SIGKILL');
    await server.exited;
    const killedAt = Date.now();
    await until(() => launchersOn(store.dataDir).length === 0, 30_000);
    console.log(`[faults] no Java process left ${Date.now() - killedAt} ms after kill -9 of the server`);

    const again = await startServer(store);
    expect((await graphql(again.url, '{ source(id: "fault-marker") { title } }')).data).toEqual({
      source: { title: 'A marker' },
    });
  });
});
