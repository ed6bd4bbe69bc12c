/**
 * Checks of curation input. Each failure is a BAD_USER_INPUT naming the argument. The closed
 * vocabularies (kinds, sides, outcomes ...) are enums in schema.graphql, checked by GraphQL itself
 * against the same sets as the data files (src/domain/enums.ts).
 */
import { badInput } from '../errors.js';
import { InvalidDateError, backwardsPeriodProblem, parseFuzzyDate } from '../domain/fuzzyDate.js';
import { Slug } from '../domain/facts.js';

/** Longest accepted strings, per kind of text. */
export const MAX_LENGTH = { id: 100, name: 200, note: 2_000, quote: 5_000, description: 5_000, text: 500_000 } as const;

export function text(value: string, argument: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '') throw badInput(argument, 'must not be empty');
  if (trimmed.length > max) throw badInput(argument, `is longer than ${max} characters`);
  return trimmed;
}

export function optionalText(value: string | null | undefined, argument: string, max: number): string | undefined {
  return value === null || value === undefined ? undefined : text(value, argument, max);
}

export function slug(value: string, argument: string): string {
  if (value.length > MAX_LENGTH.id || !Slug.safeParse(value).success) {
    throw badInput(argument, `"${value}" is not an id: use a lower-case ASCII slug like "khan-touman"`);
  }
  return value;
}

/** A slug made from a name: "Liwa al-Quds" -> "liwa-al-quds". */
export function slugFrom(name: string, argument: string): string {
  const derived = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, MAX_LENGTH.id)
    .replace(/-$/, '');
  if (derived === '') throw badInput(argument, 'cannot derive an id from this name; give an id');
  return derived;
}

export function fuzzyDate(value: string, argument: string): string {
  try {
    return parseFuzzyDate(value).value;
  } catch (error) {
    if (error instanceof InvalidDateError) throw badInput(argument, error.message);
    throw error;
  }
}

export function optionalFuzzyDate(value: string | null | undefined, argument: string): string | undefined {
  return value === null || value === undefined ? undefined : fuzzyDate(value, argument);
}

/** A period whose end may not come before its start (comparing the days each allows). */
export function period(
  from: string | null | undefined,
  to: string | null | undefined,
  argument: string,
): { from?: string; to?: string } {
  const start = optionalFuzzyDate(from, `${argument}.from`);
  const end = optionalFuzzyDate(to, `${argument}.to`);
  const backwards = backwardsPeriodProblem(start, end);
  if (backwards !== undefined) throw badInput(`${argument}.to`, backwards);
  return { ...(start ? { from: start } : {}), ...(end ? { to: end } : {}) };
}

export function coordinate(latitude: number, longitude: number, argument: string): void {
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw badInput(`${argument}.latitude`, `must be between -90 and 90, got ${latitude}`);
  }
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw badInput(`${argument}.longitude`, `must be between -180 and 180, got ${longitude}`);
  }
}
