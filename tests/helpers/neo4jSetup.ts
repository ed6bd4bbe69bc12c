/**
 * Vitest global setup of the integration tests: starts one real Neo4j for the run (free port,
 * temporary data folder), applies the schema, loads the founding dataset, and always stops it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../src/db/database.js';
import { ensureDataset } from '../../src/dataset/bootstrap.js';
import { freePort, LocalNeo4j } from '../../src/neo4j-local/localNeo4j.js';

const PASSWORD = 'integration-tests';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jPassword: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aleppo-graph-test-'));
  const neo4j = await LocalNeo4j.attach({
    port: await freePort(),
    dataDir,
    password: PASSWORD,
    heap: '1g',
    pageCache: '256m',
    role: 'test',
  });
  const stop = async () => {
    await neo4j.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const database = await connectDatabase({
      neo4jUri: neo4j.uri,
      neo4jUser: 'neo4j',
      neo4jPassword: PASSWORD,
      neo4jDatabase: undefined,
      neo4jConnectTimeoutMs: 30_000,
      localNeo4jPort: 0,
      localNeo4jDataDir: dataDir,
      localNeo4jHeap: '1g',
      localNeo4jPageCache: '256m',
    });
    await ensureDataset(database.executor, 'if-empty');
    await database.close();
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jPassword', PASSWORD);
  return stop;
}
