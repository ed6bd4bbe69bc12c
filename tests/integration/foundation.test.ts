import fs from 'node:fs';
import neo4j from 'neo4j-driver';
import { describe, expect, inject, it } from 'vitest';
import { Executor } from '../../src/db/executor.js';
import { changeSubject, changeSubjects } from '../../src/db/changeSubjects.js';
import { createDriver } from '../../src/db/driver.js';
import { CYPHER_DIR, CypherQueries, QUERY_NAMES, type QueryName } from '../../src/db/queries.js';
import { loadDataset } from '../../src/dataset/load.js';
import { readDataset } from '../../src/dataset/read.js';
import { freePort } from '../../src/neo4j-local/localNeo4j.js';
import { testApp, testDatabase, testExecutor } from '../helpers/graph.js';

const executor = testExecutor();
/** A second connection, for the plans of the statements. */
const plans = testDatabase();

async function counts(): Promise<Record<string, number>> {
  const rows = await executor.read<{ kind: string; name: string; count: number }>('graph-counts');
  return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.name}`, r.count]));
}

describe('Cypher files', () => {
  it('every file in cypher/ is registered, and every registered name has its file', () => {
    const files = fs
      .readdirSync(CYPHER_DIR)
      .filter((f) => f.endsWith('.cypher') && f !== 'schema.cypher')
      .map((f) => f.replace(/\.cypher$/, ''))
      .sort();
    expect(files).toEqual([...QUERY_NAMES].sort());
  });

  it.each(QUERY_NAMES)('%s compiles against the real Neo4j (EXPLAIN)', async (name) => {
    await executor.explain(name);
  });

  // Planned without parameter values, as at boot. A statement missing here that scans a label
  // reads all of it for one entity: names-of did, 276 ms for one place's names at the 1M scale.
  const scansByDesign: Partial<Record<QueryName, string>> = {
    'delete-batch': 'empties the graph',
    'graph-counts': 'counts every label and type',
    'graph-is-empty': 'looks for any actor at all',
    'graph-model-node-count': 'counts the model nodes',
    'sources-all': 'lists every source',
    'name-candidates': 'gives every name of the types to the in-process ranking',
    'annotate-index': 'gives every name to the annotator',
    'alias-search-missing': 'finds the names without search fields, once at start',
    'change-subjects-missing': 'finds the changes without subjects, once at start',
    'engagements-multi-place-missing': 'finds the engagements at several places without their label, once at start',
    'review-pending': 'lists every unreviewed actor or place',
    'export-schema': 'reads every property key of the graph for the export columns',
    'export-select': 'an export without a filter covers every engagement and actor',
    'engagements-page':
      'a page with no filter reads every engagement; a place reads the engagements labelled MultiPlace',
    'who-fought-where': 'the branch with no filter reads every place',
    'armaments-of': 'the key with no filter reads every armament',
    'agreements-of': 'each key filters the agreements, which are tens',
  };

  it('reads an entity through an index: only the statements that read a whole label by design scan one', async () => {
    const scanning: string[] = [];
    for (const name of QUERY_NAMES) {
      const { summary } = await plans.driver.executeQuery(`EXPLAIN ${plans.queries.text(name)}`);
      const operators: string[] = [];
      const walk = (operator: { operatorType: string; children: unknown[] }) => {
        operators.push(operator.operatorType);
        for (const child of operator.children) walk(child as typeof operator);
      };
      walk(summary.plan as unknown as { operatorType: string; children: unknown[] });
      // Labels?: also the scans of several labels at once (SubtractionNodeByLabelsScan and its kin).
      if (operators.some((o) => /Labels?Scan|AllNodesScan|RelationshipTypeScan|AllRelationshipsScan/.test(o))) {
        scanning.push(name);
      }
    }
    expect(scanning.sort()).toEqual(Object.keys(scansByDesign).sort());
  });

  it('opens each file with a comment naming its parameters and returned columns', () => {
    const queries = CypherQueries.load();
    for (const name of QUERY_NAMES) {
      const header = queries
        .text(name)
        .split('\n')
        .filter((l) => l.startsWith('//'))
        .join(' ');
      expect(header, name).toMatch(/Params?:/);
      expect(header, name).toMatch(/Returns?:/);
    }
  });
});

describe('dataset loading', () => {
  it('loading the dataset a second time leaves the same node and edge counts', async () => {
    const before = await counts();
    expect(before['node:Actor']).toBeGreaterThan(0);
    await loadDataset(executor, await readDataset(new URL('../../data/', import.meta.url).pathname));
    expect(await counts()).toEqual(before);
  });

  it('applies the constraints and the point index from cypher/schema.cypher', async () => {
    const driver = createDriver({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword') });
    const session = driver.session();
    try {
      const constraints = (await session.run('SHOW CONSTRAINTS YIELD name')).records.map(
        (r) => r.get('name') as string,
      );
      expect(constraints).toEqual(
        expect.arrayContaining(['actor_id', 'place_id', 'engagement_id', 'source_id', 'citation_id']),
      );
      const indexes = (await session.run('SHOW INDEXES YIELD name, type')).records.map(
        (r) => `${r.get('name') as string}:${r.get('type') as string}`,
      );
      expect(indexes).toContain('place_location:POINT');
    } finally {
      await session.close();
      await driver.close();
    }
  });
});

describe('HTTP endpoints', () => {
  it('/health answers ready when Neo4j answers', async () => {
    const response = await testApp(executor).fetch('http://localhost/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', neo4j: 'up' });
  });

  it('/health answers 503 with the reason when Neo4j does not answer', async () => {
    const driver = createDriver({ uri: `bolt://127.0.0.1:${await freePort()}`, user: 'neo4j', password: 'x' });
    try {
      const response = await testApp(new Executor(driver, CypherQueries.load(), undefined)).fetch(
        'http://localhost/health',
      );
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable', neo4j: 'down' });
    } finally {
      await driver.close();
    }
  });

  it('serves the playground and every script and style it loads itself: nothing is fetched from the internet', async () => {
    const app = testApp(executor);
    const response = await app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<div id="root">');
    const local = [...html.matchAll(/<(?:script[^>]+src|link[^>]+href)=["']([^"']+)["']/gi)].map((m) => m[1]!);
    expect(local.length).toBeGreaterThan(0);
    for (const url of local) expect(url, url).toMatch(/^(\/|data:)/);
    const assets = await Promise.all(
      local.filter((u) => u.startsWith('/')).map(async (u) => (await app.fetch(`http://localhost${u}`)).text()),
    );
    const all = [html, ...assets].join('\n');
    expect(all).not.toMatch(/@import\s+url\(["']?https?:/i);
    expect(all).toContain('WhoFoughtAtKhanTouman');
  });
});

describe('reads follow writes on a cluster (driver bookmarks)', () => {
  const { driver, queries } = testDatabase();
  it('hands every read the bookmarks of the writes before it, in the request executors too', async () => {
    const supplied: number[] = [];
    const recorded: string[][] = [];
    let latest: string[] = [];
    // A real bookmark manager, observed: which bookmarks each transaction started from, and what each commit left.
    const bookmarks = neo4j.bookmarkManager({
      bookmarksSupplier: () => {
        supplied.push(latest.length);
        return Promise.resolve([]);
      },
      bookmarksConsumer: (next) => {
        latest = [...next];
        recorded.push(latest);
        return Promise.resolve();
      },
    });
    const root = new Executor(driver, queries, undefined, undefined, bookmarks);
    const request = root.scoped();
    await request.write('change-record', {
      firstSubject: changeSubject('test-bookmark'),
      change: {
        id: 'test-bookmark',
        at: new Date().toISOString(),
        seq: 0,
        entityIds: ['test-bookmark'],
        subjects: changeSubjects(['test-bookmark']),
      },
    });
    expect(recorded.length).toBeGreaterThan(0);
    expect(latest.length).toBeGreaterThan(0);
    supplied.length = 0;
    await root.scoped().read('history-of', { subject: changeSubject('test-bookmark'), limit: 1 });
    // The read session asked the manager, which held the write's bookmark by then.
    expect(supplied.length).toBeGreaterThan(0);
    expect(await bookmarks.getBookmarks()).toEqual(expect.arrayContaining(recorded.at(-1) ?? ['none']));
    await driver.executeQuery(`MATCH (c:Change {id: 'test-bookmark'}) DELETE c`);
  });
});
