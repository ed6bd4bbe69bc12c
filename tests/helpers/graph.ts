/**
 * What integration tests use: an executor on the run's Neo4j, and the real app to send GraphQL
 * to in process (yoga.fetch), the same code path as HTTP.
 */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { afterAll, inject } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import { Executor } from '../../src/db/executor.js';
import { CypherQueries } from '../../src/db/queries.js';
import { readConfig } from '../../src/config.js';
import { createApp, type App, type AppSettings } from '../../src/server/app.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: {
      code?: string;
      argument?: string;
      suggestions?: string[];
      /** The entities an ambiguous name answers to (docs/names.md). */
      candidates?: { id: string; type: string; name: string; kind: string; partOf: unknown; reviewStatus: string }[];
    };
  }[];
}

export interface TestDatabase {
  executor: Executor;
  /** For fixtures and plans only; the code under test goes through the executor. */
  driver: Driver;
  queries: CypherQueries;
}

/** Connects to the run's Neo4j; the driver is closed after the file's tests. */
export function testDatabase(): TestDatabase {
  const driver = createDriver({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword') });
  afterAll(() => driver.close());
  const queries = CypherQueries.load();
  return { executor: new Executor(driver, queries, undefined), driver, queries };
}

export function testExecutor(): Executor {
  return testDatabase().executor;
}

/** The app as `npm start` configures it by default (rate limit off), with `overrides`. */
export function testApp(executor: Executor = testExecutor(), overrides: Partial<AppSettings> = {}): App {
  const defaults = readConfig({});
  return createApp(executor, { ...defaults, limits: { ...defaults.limits, ratePerMinute: 0 }, ...overrides });
}

/** Posts a GraphQL request to the app and returns the parsed response. */
export async function graphql<T = Record<string, unknown>>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, 'status'>) };
}

/** A digest of every node and edge with its properties: equal digests, equal graphs. */
export async function graphDigest(driver: Driver, options: { history?: boolean } = {}): Promise<string> {
  // The write lock and import checkpoints are operational, not the graph; `history: false` leaves
  // out the Change records too (re-sent requests change nothing but are recorded as no-ops).
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE NOT n:GraphWriteLock AND NOT n:ImportRun AND ($history OR NOT n:Change)
     RETURN labels(n) AS labels, properties(n) AS props ORDER BY coalesce(n.id, elementId(n))`,
    { history: options.history ?? true },
  );
  const edges = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS props, coalesce(a.id, elementId(a)) AS a, coalesce(b.id, elementId(b)) AS b ORDER BY a, type, b, coalesce(r.id, "")',
  );
  const hash = createHash('sha256');
  for (const r of nodes.records)
    hash.update(JSON.stringify([r.get('labels'), sortedProps(r.get('props') as Record<string, unknown>)]));
  for (const r of edges.records)
    hash.update(
      JSON.stringify([r.get('type'), r.get('a'), r.get('b'), sortedProps(r.get('props') as Record<string, unknown>)]),
    );
  return `${nodes.records.length}/${edges.records.length}/${hash.digest('hex')}`;
}

function sortedProps(props: Record<string, unknown>): [string, string][] {
  return Object.entries(props)
    .map(([k, v]) => [k, String(v)] as [string, string])
    .sort(([a], [b]) => a.localeCompare(b));
}
