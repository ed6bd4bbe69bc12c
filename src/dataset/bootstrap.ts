/**
 * What the server and the CLI do with the founding dataset at start: load it when the graph is
 * empty (or always, or never, as LOAD_DATASET says).
 */
import type { DatasetLoadPolicy } from '../config.js';
import type { Executor } from '../db/executor.js';
import { loadDataset, type LoadSummary } from './load.js';
import { DATA_DIR, readDataset } from './read.js';

export async function ensureDataset(
  executor: Executor,
  policy: DatasetLoadPolicy,
  dataDir: string = DATA_DIR,
): Promise<LoadSummary | null> {
  if (policy === 'never') return null;
  if (policy === 'if-empty') {
    const [row] = await executor.read<{ empty: boolean }>('graph-is-empty');
    if (row?.empty !== true) return null;
  }
  return loadDataset(executor, await readDataset(dataDir));
}
