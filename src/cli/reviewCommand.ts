/**
 * `cli review`: the actors and places imports created that may duplicate known ones, best first,
 * each with the merge mutation to run in the GraphQL playground once a person agrees.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Database } from '../db/database.js';
import {
  DEFAULT_MIN_NAME_SCORE,
  mergeMutation,
  reviewSuggestions,
  type MergeSuggestion,
  type ReviewEntityType,
} from '../import/review.js';
import { positiveInteger, type WithDatabase } from './command.js';
import { progressBar } from './progress.js';

interface ReviewCommandOptions {
  type: 'actor' | 'place' | 'all';
  limit: number;
  minScore: number;
}

function score(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new InvalidArgumentError('expected a number from 0 to 1');
  return value;
}

function describe(s: MergeSuggestion, rank: number): string {
  const { keep, remove } = s;
  const shared = s.entityType === 'Actor' ? 'places both fought at' : 'actors who fought at both';
  const distance = s.distanceKm === null ? '' : `, ${s.distanceKm.toFixed(1)} km apart`;
  return [
    `${String(rank).padStart(3)}. [${s.score.toFixed(2)}] ${s.entityType} ${remove.id} "${remove.name}" (${remove.status}, ${remove.importSource ?? 'curated'}, ${remove.engagements} engagements)`,
    `     may be ${keep.id} "${keep.name}" (${keep.status}, ${keep.engagements} engagements)`,
    `     name ${s.nameScore.toFixed(2)} ("${s.matchedNames[1]}" ~ "${s.matchedNames[0]}"); ${s.sharedNeighbours} ${shared}, ${s.sharedEngagements} shared engagements${distance}`,
    `     ${mergeMutation(s)}`,
  ].join('\n');
}

async function runReview(options: ReviewCommandOptions, database: Database): Promise<void> {
  const entityTypes: ReviewEntityType[] =
    options.type === 'all' ? ['Actor', 'Place'] : [options.type === 'actor' ? 'Actor' : 'Place'];
  const bar = progressBar('review', 0, 'entities');
  let suggestions: MergeSuggestion[];
  try {
    suggestions = await reviewSuggestions(database.executor, {
      entityTypes,
      minNameScore: options.minScore,
      onProgress: (done, total) => {
        bar.setTotal(total);
        bar.update(done, done);
      },
    });
  } finally {
    bar.stop();
  }
  if (suggestions.length === 0) {
    console.log('Nothing to review: no imported actor or place looks like another one.');
    return;
  }
  const shown = suggestions.slice(0, options.limit);
  console.log(shown.map((s, i) => describe(s, i + 1)).join('\n\n'));
  console.log(
    `\n${suggestions.length} possible duplicates${shown.length < suggestions.length ? ` (the first ${shown.length} shown; --limit for more)` : ''}. ` +
      'Check each against its citations before running its mutation; a merge keeps the first id.',
  );
}

/** Registers `review [--type actor|place|all] [--limit N] [--min-score X]`. */
export function registerReviewCommand(program: Command, withDatabase: WithDatabase): void {
  program
    .command('review')
    .description(
      'List imported actors and places that may duplicate known ones, ranked, with the merge mutation to run.',
    )
    .addOption(
      new Option('--type <type>', 'which entities to review').choices(['actor', 'place', 'all']).default('all'),
    )
    .option('--limit <n>', 'suggestions to print', positiveInteger, 50)
    .option('--min-score <x>', 'lowest name similarity to suggest (0..1)', score, DEFAULT_MIN_NAME_SCORE)
    .action((options: ReviewCommandOptions) => withDatabase((database) => runReview(options, database)));
}
