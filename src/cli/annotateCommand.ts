/**
 * `cli annotate FILE [--published DATE] [--json]`: reads an article against the graph and prints
 * it with its mentions highlighted, then the new names, dates and proposals. Writes nothing.
 */
import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { graphNameIndex } from '../annotate/graphIndex.js';
import { renderAnnotation } from '../annotate/render.js';
import { annotate, MAX_ANNOTATE_LENGTH } from '../domain/annotate/index.js';
import { InvalidDateError, parseFuzzyDate, type FuzzyDate } from '../domain/fuzzyDate.js';
import type { WithDatabase } from './command.js';

/** Parses --published; a bad date stops the command before it connects, with the API's code. */
function fuzzyDate(text: string): FuzzyDate {
  try {
    return parseFuzzyDate(text);
  } catch (error) {
    if (error instanceof InvalidDateError) throw new InvalidArgumentError(`BAD_USER_INPUT: ${error.message}`);
    throw error;
  }
}

export function registerAnnotateCommand(program: Command, withDatabase: WithDatabase): void {
  program
    .command('annotate')
    .description('Read an article against the graph: its known actors and places, new names, dates and proposed facts.')
    .argument('<file>', 'the text file (UTF-8)')
    .option(
      '--published <date>',
      "the text's date, YYYY, YYYY-MM or YYYY-MM-DD (for relative dates and name periods)",
      fuzzyDate,
    )
    .option('--json', 'print the annotation as JSON')
    .action(async (file: string, options: { published?: FuzzyDate; json?: boolean }) => {
      const text = fs.readFileSync(file, 'utf8');
      if (text.length > MAX_ANNOTATE_LENGTH)
        throw new Error(`${file} is longer than ${MAX_ANNOTATE_LENGTH} characters`);
      const annotation = await withDatabase(async (database) =>
        annotate(text, await graphNameIndex(database.executor), options.published ?? null),
      );
      if (options.json) console.log(JSON.stringify(annotation, null, 2));
      else
        console.log(renderAnnotation(text, annotation, process.stdout.isTTY && process.env['NO_COLOR'] === undefined));
    });
}
