/** What the command modules share: the database runner main.ts hands them, and option parsers. */
import { InvalidArgumentError } from 'commander';
import type { Database } from '../db/database.js';

/** Runs work against the configured database and closes it after (main.ts's withDatabase). */
export type WithDatabase = <T>(work: (database: Database) => Promise<T>) => Promise<T>;

/** Parses a whole number >= 1, for options like --batch-size. */
export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return value;
}
