/**
 * What the benchmarks share: their Neo4j (the one NEO4J_URI names, or a throwaway local one on a
 * free port with a temporary store, the founding dataset loaded when the graph is empty) and
 * percentiles.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig, type Config } from '../src/config.js';
import { connectDatabase, type Database } from '../src/db/database.js';
import { ensureDataset } from '../src/dataset/bootstrap.js';
import { Executor } from '../src/db/executor.js';
import { freePort } from '../src/neo4j-local/localNeo4j.js';

export interface BenchDatabase {
  env: Config;
  database: Database;
  /** Closes the driver, stops a local Neo4j and removes its store. */
  close: () => Promise<void>;
}

export async function benchDatabase(name: string, options: { load?: boolean } = {}): Promise<BenchDatabase> {
  const env = readConfig();
  const scratch = env.neo4jUri === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), `aleppo-${name}-`)) : undefined;
  const database = await connectDatabase(
    scratch === undefined ? env : { ...env, localNeo4jPort: await freePort(), localNeo4jDataDir: scratch },
    (line) => console.error(line),
  );
  const close = async () => {
    await database.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  };
  try {
    if (options.load ?? true) await ensureDataset(database.executor, 'if-empty');
  } catch (error) {
    await close();
    throw error;
  }
  return { env, database, close };
}

/** The value at percentile `p` (0-100) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** An executor that keeps one statement count across requests, to report round trips per request. */
export class CountingExecutor extends Executor {
  override scoped(): Executor {
    return this;
  }
}
