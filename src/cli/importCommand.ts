/**
 * `cli import acled FILE` and `cli import ucdp-ged FILE`: event dataset exports into the graph,
 * with a progress bar over the file and a summary of what changed (or, with --dry-run, would).
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../db/database.js';
import { ACLED } from '../import/acled.js';
import type { EventDataset } from '../import/events.js';
import { DEFAULT_BATCH_SIZE, importEvents, type ImportSummary } from '../import/pipeline.js';
import { UCDP_GED } from '../import/ucdpGed.js';
import { positiveInteger, type WithDatabase } from './command.js';
import { progressBar } from './progress.js';

interface ImportCommandOptions {
  dryRun?: boolean;
  rejects?: string;
  batchSize: number;
}

function printSummary(s: ImportSummary): void {
  const would = s.dryRun ? 'would be ' : '';
  const lines = [
    `${s.dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${s.file} as ${s.dataset}, in ${(s.elapsedMs / 1000).toFixed(1)} s`,
    `  rows          ${s.rows} read, ${s.rows - s.rejected} imported, ${s.rejected} rejected (${s.rejectsPath})`,
    `  engagements   ${s.engagements.created} ${would}new, ${s.engagements.existing} already in the graph`,
    `  actors        ${s.actors.matched} matched to known actors, ${s.actors.created} ${would}created (NEEDS_REVIEW)`,
    `  places        ${s.places.matched} matched to known places, ${s.places.created} ${would}created (NEEDS_REVIEW)`,
    `  participants  ${s.participations} links; control changes ${s.controlChanges}; ${s.batches} batches`,
  ];
  if (s.resumed !== null) {
    lines.splice(
      1,
      0,
      `  resumed       from batch ${s.resumed.batch}: rows 1 to ${s.resumed.afterRow} were committed by an earlier run`,
    );
  }
  if (s.actors.created + s.places.created > 0 && !s.dryRun) {
    lines.push('  Next: `npm run cli -- review` lists the new actors and places that may duplicate known ones.');
  }
  console.log(lines.join('\n'));
}

async function runImport(dataset: EventDataset, file: string, options: ImportCommandOptions, database: Database) {
  const totalBytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
  const bar = progressBar(`${dataset.label}${options.dryRun ? ' (dry run)' : ''}`, totalBytes, 'rows');
  let committed = 0;
  // Runs before main.ts's handler closes the database and exits.
  const onInterrupt = () => {
    bar.stop();
    console.error(
      `Interrupted: ${committed} rows were committed in whole batches. Run the same command again to finish; ` +
        'committed rows are matched, not written twice.',
    );
  };
  process.once('SIGINT', onInterrupt);
  try {
    const summary = await importEvents(database.executor, dataset, file, {
      batchSize: options.batchSize,
      dryRun: options.dryRun ?? false,
      ...(options.rejects === undefined ? {} : { rejectsPath: options.rejects }),
      onResume: ({ batch, afterRow }) =>
        console.error(
          `Resuming from batch ${batch}: an earlier run of this file stopped after committing ${afterRow.toLocaleString('en')} rows.`,
        ),
      onProgress: (p) => {
        committed = p.committedRows;
        bar.update(p.bytes, p.rows, `${p.committedRows.toLocaleString('en')} committed`);
      },
    });
    bar.stop();
    printSummary(summary);
  } finally {
    bar.stop();
    process.off('SIGINT', onInterrupt);
  }
}

/** Registers `import acled FILE` and `import ucdp-ged FILE`. */
export function registerImportCommand(program: Command, withDatabase: WithDatabase): void {
  const command = program
    .command('import')
    .description('Import an event dataset export (ACLED or UCDP GED) into the graph.');
  for (const dataset of [ACLED, UCDP_GED]) {
    command
      .command(`${dataset.name} <file>`)
      .description(`Import a ${dataset.label} event export (CSV) as engagements linked to known actors and places.`)
      .option(
        '--dry-run',
        'read and match only: report what would change and write nothing to the graph (rejects are still listed)',
      )
      .option('--rejects <path>', 'CSV file for the rows that cannot be imported (default: <file>.rejects.csv)')
      .option('--batch-size <n>', 'rows per write transaction', positiveInteger, DEFAULT_BATCH_SIZE)
      .action((file: string, options: ImportCommandOptions) =>
        withDatabase((database) => runImport(dataset, file, options, database)),
      );
  }
}
