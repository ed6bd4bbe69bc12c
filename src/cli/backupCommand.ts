/**
 * `cli backup PATH` and `cli restore PATH`: a consistent copy of the whole graph (the JSON export
 * format, citations, aliases and history included) and its load into an empty graph.
 *
 * Consistent: the backup holds the graph's write lock while it reads (Executor.whileWritesWait),
 * so writes from the server, imports and loads wait for it and it sees one state of the graph.
 * Restore reads the whole file once before it writes anything, so a truncated or edited file is
 * refused with nothing written.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../db/database.js';
import { resetGraph } from '../dataset/load.js';
import { exportGraph } from '../export/exportGraph.js';
import type { ExportCounts } from '../export/writer.js';
import { ImportFileError } from '../import/events.js';
import { importGraphJson } from '../import/graphJson.js';
import type { WithDatabase } from './command.js';

const log = (line: string) => console.error(`[aleppo-graph] ${line}`);

function countsLine(counts: ExportCounts): string {
  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  return `${total(counts.nodes)} nodes, ${total(counts.edges)} relationships`;
}

function sameCounts(a: ExportCounts, b: ExportCounts): boolean {
  const key = (c: Record<string, number>) => JSON.stringify(Object.entries(c).sort(([x], [y]) => x.localeCompare(y)));
  return key(a.nodes) === key(b.nodes) && key(a.edges) === key(b.edges);
}

async function backup(out: string, database: Database): Promise<void> {
  const started = performance.now();
  log('Holding writes while the graph is read (they resume when the backup is done) ...');
  const summary = await database.executor.whileWritesWait(() => exportGraph(database.executor, 'json', out));
  console.log(
    `Backed up ${countsLine(summary)} to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s. ` +
      `Restore it with: npm run cli -- restore ${out}`,
  );
}

async function restore(file: string, options: { replace?: boolean }, database: Database): Promise<void> {
  const started = performance.now();
  if (!fs.existsSync(file)) throw new ImportFileError(`No such file: ${file}`);
  const checked = await importGraphJson(database.executor, file, { write: false });
  if (!sameCounts(checked.written, checked.declared)) {
    throw new ImportFileError(
      `${file} holds ${countsLine(checked.written)} but says ${countsLine(checked.declared)}: refused, nothing written.`,
    );
  }
  const [row] = await database.executor.read<{ nodes: number }>('graph-model-node-count');
  const present = row?.nodes ?? 0;
  if (present > 0 && options.replace !== true) {
    throw new ImportFileError(
      `The graph already holds ${present} nodes: restore loads a backup into an empty graph. Point ` +
        'LOCAL_NEO4J_DATA_DIR (or NEO4J_URI) at an empty store, or pass --replace to delete this graph first.',
    );
  }
  if (present > 0) {
    log(`Deleting the ${present} nodes of the current graph (--replace) ...`);
    await resetGraph(database.executor);
  }
  const restored = await importGraphJson(database.executor, file);
  console.log(
    `Restored ${countsLine(restored.written)} from ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}

/** Registers `backup PATH` and `restore PATH [--replace]`. */
export function registerBackupCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('backup <path>')
    .description('Write a consistent copy of the whole graph (JSON export format) to PATH; writes wait meanwhile.')
    .action((out: string) => withDatabase((database) => backup(out, database)));
  program
    .command('restore <path>')
    .description('Load a backup into an empty graph (the file is checked whole before anything is written).')
    .option('--replace', 'delete the current graph first (it is not empty)')
    .action((file: string, options: { replace?: boolean }) =>
      withDatabase((database) => restore(file, options, database)),
    );
}
