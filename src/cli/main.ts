/**
 * `npm run cli -- <command>`: the command-line tool. It works against the same database as the
 * server: the local Neo4j the project starts, or NEO4J_URI.
 */
import { Command } from 'commander';
import { readConfig } from '../config.js';
import { connectDatabase, type Database } from '../db/database.js';
import { loadDataset, resetGraph } from '../dataset/load.js';
import { DATA_DIR, readDataset } from '../dataset/read.js';
import { registerAnnotateCommand } from './annotateCommand.js';
import { registerBackupCommands } from './backupCommand.js';
import { registerExportCommand } from './exportCommand.js';
import { registerImportCommand } from './importCommand.js';
import { registerReviewCommand } from './reviewCommand.js';

const log = (line: string) => console.error(`[aleppo-graph] ${line}`);

/**
 * Runs `work` with a connected database, and always closes it. The local Neo4j is shared: a
 * running one (the server's) is used as it is and stays up after; one started here stops once
 * no other process uses it.
 */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  // Long retries: an import rides through a restart of the local Neo4j by its supervisor.
  const database = await connectDatabase(readConfig(), log, { role: 'cli', retryBudgetMs: 120_000 });
  const stop = () => void database.close().then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(database);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await database.close();
  }
}

async function printCounts(database: Database): Promise<void> {
  const rows = await database.executor.read<{ kind: string; name: string; count: number }>('graph-counts');
  for (const row of rows) console.log(`${row.kind.padEnd(5)} ${row.name.padEnd(18)} ${row.count}`);
}

export function buildProgram(): Command {
  const program = new Command('aleppo-graph')
    .description('Knowledge graph of the armed actors of the Syrian war: load, import, export, review.')
    .showHelpAfterError();

  program
    .command('load')
    .description('Validate the data files under data/ and write them to Neo4j (idempotent: MERGE on stable ids).')
    .option('--reset', 'delete everything in the graph first (imports and edits too)')
    .option('--data <dir>', 'data folder to load', DATA_DIR)
    .option('--check', 'only validate the data files; do not touch the database')
    .action(async (options: { reset?: boolean; data: string; check?: boolean }) => {
      const dataset = await readDataset(options.data);
      log(
        `Data files valid: ${dataset.sources.length} sources, ${dataset.actors.length} actors, ` +
          `${dataset.places.length} places, ${dataset.engagements.length} engagements.`,
      );
      if (options.check) return;
      await withDatabase(async (database) => {
        if (options.reset) {
          log('Deleting the whole graph (--reset) ...');
          await resetGraph(database.executor);
        }
        const summary = await loadDataset(database.executor, dataset);
        log(`Loaded in ${summary.elapsedMs} ms. The graph now holds:`);
        await printCounts(database);
      });
    });

  program
    .command('counts')
    .description('Print the number of nodes per label and edges per type.')
    .action(() => withDatabase(printCounts));

  registerImportCommand(program, withDatabase);
  registerExportCommand(program, withDatabase);
  registerReviewCommand(program, withDatabase);
  registerAnnotateCommand(program, withDatabase);
  registerBackupCommands(program, withDatabase);

  return program;
}

buildProgram()
  .parseAsync()
  .catch((error: unknown) => {
    // A DatasetError's message already lists each problem; a ConfigError's each variable.
    console.error(`[aleppo-graph] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
