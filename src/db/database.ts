/**
 * Connects to the configured Neo4j: the one at NEO4J_URI, or the local one the project starts.
 * Retries an unreachable server for a bounded time, applies the schema, and hands back one
 * executor plus a `close` that also stops a Neo4j it started.
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { LocalNeo4j } from '../neo4j-local/localNeo4j.js';
import { createDriver, waitForBolt, type Neo4jTarget } from './driver.js';
import { Executor } from './executor.js';
import { CypherQueries, schemaStatements } from './queries.js';

export interface Database {
  executor: Executor;
  driver: Driver;
  target: Neo4jTarget;
  /** The Neo4j this process started, if any. */
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
>;

export async function connectDatabase(
  config: Neo4jSettings,
  log: (line: string) => void = () => undefined,
): Promise<Database> {
  const queries = CypherQueries.load();
  let local: LocalNeo4j | undefined;
  let target: Neo4jTarget;
  if (config.neo4jUri === undefined) {
    log(`Starting the local Neo4j on 127.0.0.1:${config.localNeo4jPort} (data in ${config.localNeo4jDataDir}) ...`);
    local = await LocalNeo4j.start({
      port: config.localNeo4jPort,
      dataDir: config.localNeo4jDataDir,
      password: config.neo4jPassword,
      heap: config.localNeo4jHeap,
      startTimeoutMs: Math.max(config.neo4jConnectTimeoutMs, 120_000),
    });
    target = { uri: local.uri, user: 'neo4j', password: config.neo4jPassword };
  } else {
    target = { uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword };
    log(`Connecting to Neo4j at ${target.uri} ...`);
    await waitForBolt(target, config.neo4jConnectTimeoutMs);
  }
  const driver = createDriver(target);
  const executor = new Executor(driver, queries, config.neo4jDatabase);
  try {
    await executor.applySchema(schemaStatements());
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw error;
  }
  return {
    executor,
    driver,
    target,
    local,
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
