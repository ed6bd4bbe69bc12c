/**
 * Connects to the configured Neo4j: the one at NEO4J_URI, or the local one the project shares
 * between its processes (attached when it runs, started when it does not). Retries an
 * unreachable server for a bounded time, applies the schema, and hands back one executor plus a
 * `close` that lets go of the local Neo4j (which stops once its last user has gone).
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { LocalNeo4j, type SupervisionEvents } from '../neo4j-local/localNeo4j.js';
import type { UserRole } from '../neo4j-local/storeFiles.js';
import { createDriver, waitForBolt, type Neo4jTarget } from './driver.js';
import { backfillChangeSubjects } from './changeSubjects.js';
import { backfillMultiPlace } from './multiPlace.js';
import { backfillNameSearch } from './nameSearch.js';
import { Executor } from './executor.js';
import { CypherQueries, schemaStatements } from './queries.js';

export interface Database {
  executor: Executor;
  driver: Driver;
  target: Neo4jTarget;
  /** The local Neo4j this process uses (started here or attached to), if any. */
  local: LocalNeo4j | undefined;
  close(): Promise<void>;
}

type Neo4jSettings = Pick<
  Config,
  | 'neo4jUri'
  | 'neo4jUser'
  | 'neo4jPassword'
  | 'neo4jDatabase'
  | 'neo4jConnectTimeoutMs'
  | 'localNeo4jPort'
  | 'localNeo4jDataDir'
  | 'localNeo4jHeap'
  | 'localNeo4jPageCache'
>;

export interface ConnectOptions {
  /** What this process is, in the local Neo4j's users registry; default `cli`. */
  role?: UserRole;
  /** For a server: its address, shown to a second server refused on the same store. */
  url?: string;
  /** Restart the local Neo4j when it dies under this process; default true. */
  supervise?: boolean;
  /** Told when the supervised local Neo4j goes down and comes back. */
  supervision?: SupervisionEvents;
  /**
   * How long the driver retries a transaction that failed for a transient reason (Neo4j gone,
   * leader switch) before giving up; default 30 s. A server answering requests wants it short.
   */
  retryBudgetMs?: number;
}

export async function connectDatabase(
  config: Neo4jSettings,
  log: (line: string) => void = () => undefined,
  options: ConnectOptions = {},
): Promise<Database> {
  const queries = CypherQueries.load();
  let local: LocalNeo4j | undefined;
  let target: Neo4jTarget;
  if (config.neo4jUri === undefined) {
    local = await LocalNeo4j.attach({
      port: config.localNeo4jPort,
      dataDir: config.localNeo4jDataDir,
      password: config.neo4jPassword,
      heap: config.localNeo4jHeap,
      pageCache: config.localNeo4jPageCache,
      startTimeoutMs: Math.max(config.neo4jConnectTimeoutMs, 120_000),
      role: options.role ?? 'cli',
      url: options.url,
      log,
    });
    if (!local.startedHere)
      log(`Using the local Neo4j already running on this store (${local.uri}, pid ${local.pid}).`);
    if (options.supervise ?? true) local.supervise(options.supervision);
    target = { uri: local.uri, user: 'neo4j', password: config.neo4jPassword };
  } else {
    target = { uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword };
    log(`Connecting to Neo4j at ${target.uri} ...`);
    await waitForBolt(target, config.neo4jConnectTimeoutMs);
  }
  const driver = createDriver(target, { retryBudgetMs: options.retryBudgetMs });
  const executor = new Executor(driver, queries, config.neo4jDatabase);
  try {
    await executor.applySchema(schemaStatements());
    const backfilled = await backfillNameSearch(executor);
    if (backfilled > 0) log(`Indexed ${backfilled} names for search.`);
    const changes = await backfillChangeSubjects(executor);
    if (changes > 0) log(`Indexed ${changes} recorded changes for history.`);
    const multiPlace = await backfillMultiPlace(executor);
    if (multiPlace > 0) log(`Labelled ${multiPlace} engagements at more than one place.`);
  } catch (error) {
    await driver.close();
    await local?.close();
    throw error;
  }
  return {
    executor,
    driver,
    target,
    local,
    async close() {
      await driver.close();
      await local?.close();
    },
  };
}
