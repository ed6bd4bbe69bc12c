/**
 * `cli export json|csv|graphml|cypher --out PATH [filters]`: the graph, whole or filtered by actor
 * (with its lineage), place (with the places in it) and period, in the tools analysts use.
 */
import { Argument, type Command } from 'commander';
import type { Database } from '../db/database.js';
import { EXPORT_FORMATS, exportGraph, type ExportFormat, type ExportSummary } from '../export/exportGraph.js';
import { checkExportFilterInput, resolveExportFilter, type ExportFilterInput } from '../export/selection.js';
import type { WithDatabase } from './command.js';
import { progressBar } from './progress.js';

interface ExportCommandOptions extends ExportFilterInput {
  out: string;
}

const FORMAT_HELP: Record<ExportFormat, string> = {
  json: 'one JSON file: nodes and relationships with every property, citations included',
  csv: 'a folder: nodes/<Label>.csv per node label, edges/<TYPE>.csv per relationship type',
  graphml: 'one GraphML file, for Gephi, yEd, Cytoscape or networkx',
  cypher: 'a Cypher script that recreates the graph in another Neo4j (cypher-shell -f)',
};

function printSummary(s: ExportSummary): void {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ') || 'none';
  console.log(
    [
      `Exported ${s.format} to ${s.out} in ${(s.elapsedMs / 1000).toFixed(1)} s${s.filter === null ? '' : `, filter ${JSON.stringify(s.filter)}`}`,
      `  nodes          ${list(s.nodes)}`,
      `  relationships  ${list(s.edges)}`,
      ...(s.skippedLabels.length > 0 ? [`  not exported (not in the graph model): ${s.skippedLabels.join(', ')}`] : []),
    ].join('\n'),
  );
}

async function runExport(format: ExportFormat, options: ExportCommandOptions, database: Database): Promise<void> {
  const filter = await resolveExportFilter(database.executor, options);
  const bar = progressBar(`export ${format}`, 0, 'items');
  try {
    const summary = await exportGraph(database.executor, format, options.out, {
      filter,
      onProgress: ({ done, total, written }) => {
        bar.setTotal(total);
        bar.update(done, written);
      },
    });
    bar.stop();
    printSummary(summary);
  } finally {
    bar.stop();
  }
}

/** Registers `export <format> --out PATH [--actor NAME [--lineage]] [--place NAME [--within PLACE]] [--from DAY] [--to DAY]`. */
export function registerExportCommand(program: Command, withDatabase: WithDatabase): void {
  program
    .command('export')
    .description('Export the graph, whole or filtered, with its citations.')
    .addArgument(
      new Argument(
        '<format>',
        Object.entries(FORMAT_HELP)
          .map(([f, help]) => `${f}: ${help}`)
          .join('; '),
      ).choices(EXPORT_FORMATS),
    )
    .requiredOption('--out <path>', 'file to write (a folder for csv)')
    .option('--actor <name>', "only this actor's engagements (a name in any spelling, or an id)")
    .option('--lineage', "with --actor: count the actor's earlier and later names (renames, mergers) as the actor")
    .option('--place <name>', 'only engagements at this place or places lying in it (a name or an id)')
    .option('--within <place>', 'with --place: the place lies in this one (tells same-named places apart)')
    .option('--from <day>', 'only engagements and dated relations from this day on (YYYY-MM-DD)')
    .option('--to <day>', 'only engagements and dated relations up to this day (YYYY-MM-DD)')
    .action((format: ExportFormat, options: ExportCommandOptions) => {
      checkExportFilterInput(options);
      return withDatabase((database) => runExport(format, options, database));
    });
}
