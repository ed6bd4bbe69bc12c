/**
 * Dates with a precision. Sources often say only "in 2015" or "in July 2016", so a fact's `from`
 * and `to` are fuzzy dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD", the precision read from the form.
 * A fuzzy date stands for every day it allows; the period helpers answer "may this fact hold on /
 * during ..." by comparing against the widest reading (earliest possible start, latest possible
 * end), so an imprecise fact is never wrongly excluded.
 *
 * All days are "YYYY-MM-DD" strings: with four-digit years they order correctly as plain strings.
 */

export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR';

/** A date known to a year, a month or a day; `value` is "2016", "2016-07" or "2016-07-28". */
export interface FuzzyDate {
  value: string;
  precision: DatePrecision;
}

/** Thrown for a date string that is malformed or names a day that does not exist. */
export class InvalidDateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDateError';
  }
}

/** Years a fact in this graph can plausibly carry; anything outside is a typo. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const FUZZY_FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const CALENDAR_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

const FUZZY_EXPECTED = 'expected YYYY, YYYY-MM or YYYY-MM-DD';
const CALENDAR_EXPECTED = 'expected a calendar date YYYY-MM-DD';

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The value for a message; never throws (String() does for an object without a prototype). */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'an object';
  return typeof value === 'function' ? 'a function' : String(value);
}

/**
 * Checks month and day of an already well-formed string; returns the reason it is impossible,
 * or null when it names a real month/day.
 */
function impossibility(year: number, month: string | undefined, day: string | undefined): string | null {
  if (month === undefined) return null;
  const m = Number(month);
  if (m < 1 || m > 12) return `month ${month} does not exist`;
  if (day === undefined) return null;
  const d = Number(day);
  const max = daysInMonth(year, m);
  if (d < 1 || d > max) return `day ${day} does not exist in ${year}-${month} (it has ${max} days)`;
  return null;
}

/**
 * Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; the precision is YEAR, MONTH or DAY accordingly.
 * Rejects any other form (including surrounding whitespace), months 00 and 13+, days that do not
 * exist (2016-02-30, 2015-02-29) and years outside 1900..2100.
 * @throws InvalidDateError naming the value and the expected form.
 */
export function parseFuzzyDate(value: string): FuzzyDate {
  const match = typeof value === 'string' ? FUZZY_FORM.exec(value) : null;
  if (!match) throw new InvalidDateError(`Invalid date ${describe(value)}: ${FUZZY_EXPECTED}`);
  const [, yearText = '', month, day] = match;
  const year = Number(yearText);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new InvalidDateError(
      `Invalid date ${describe(value)}: year ${yearText} is outside ${MIN_YEAR}..${MAX_YEAR}; ${FUZZY_EXPECTED}`,
    );
  }
  const reason = impossibility(year, month, day);
  if (reason !== null) throw new InvalidDateError(`Invalid date ${describe(value)}: ${reason}; ${FUZZY_EXPECTED}`);
  const precision: DatePrecision = day !== undefined ? 'DAY' : month !== undefined ? 'MONTH' : 'YEAR';
  return { value, precision };
}

/**
 * Re-validates a FuzzyDate (which may have been built by hand) and checks that its precision
 * agrees with its form, so the day arithmetic below never runs on garbage.
 */
function checked(d: FuzzyDate): { year: number; month: number | null; day: number | null } {
  const parsed = parseFuzzyDate(d.value);
  if (parsed.precision !== d.precision) {
    throw new InvalidDateError(
      `Invalid date ${describe(d.value)}: precision ${d.precision} does not match its form (${parsed.precision})`,
    );
  }
  const [year = '', month, day] = d.value.split('-');
  return {
    year: Number(year),
    month: month === undefined ? null : Number(month),
    day: day === undefined ? null : Number(day),
  };
}

/** The first calendar day a fuzzy date allows: "2016" → "2016-01-01", "2016-07" → "2016-07-01". */
export function earliestDay(d: FuzzyDate): string {
  const { year, month, day } = checked(d);
  return `${year}-${pad2(month ?? 1)}-${pad2(day ?? 1)}`;
}

/** The last calendar day a fuzzy date allows: "2016" → "2016-12-31", "2016-02" → "2016-02-29". */
export function latestDay(d: FuzzyDate): string {
  const { year, month, day } = checked(d);
  const m = month ?? 12;
  return `${year}-${pad2(m)}-${pad2(day ?? daysInMonth(year, m))}`;
}

/**
 * Parses a strict calendar date "YYYY-MM-DD" (the GraphQL Date scalar) and returns it unchanged.
 * Any four-digit year is accepted (a query may ask about any day); the day must exist.
 * @throws InvalidDateError naming the value and the expected form.
 */
export function parseCalendarDate(value: string): string {
  const match = typeof value === 'string' ? CALENDAR_FORM.exec(value) : null;
  if (!match) throw new InvalidDateError(`Invalid date ${describe(value)}: ${CALENDAR_EXPECTED}`);
  const [, yearText = '', month, day] = match;
  const reason = impossibility(Number(yearText), month, day);
  if (reason !== null) throw new InvalidDateError(`Invalid date ${describe(value)}: ${reason}; ${CALENDAR_EXPECTED}`);
  return value;
}

/**
 * True when the period [from, to] may include the day `asOf`: a missing end is unbounded, and each
 * fuzzy end is read at its widest (from its earliest day, to its latest day).
 * @throws InvalidDateError when `asOf` is not a calendar date.
 */
export function periodMayInclude(
  from: FuzzyDate | null | undefined,
  to: FuzzyDate | null | undefined,
  asOf: string,
): boolean {
  const day = parseCalendarDate(asOf);
  if (from != null && earliestDay(from) > day) return false;
  if (to != null && latestDay(to) < day) return false;
  return true;
}

/**
 * True when the period [from, to] may overlap the day range [rangeFrom, rangeTo] (inclusive);
 * any of the four ends may be missing, meaning unbounded.
 * @throws InvalidDateError when a range end is not a calendar date.
 */
export function periodMayOverlap(
  from: FuzzyDate | null | undefined,
  to: FuzzyDate | null | undefined,
  rangeFrom?: string | null,
  rangeTo?: string | null,
): boolean {
  const start = rangeFrom == null ? null : parseCalendarDate(rangeFrom);
  const end = rangeTo == null ? null : parseCalendarDate(rangeTo);
  if (from != null && end !== null && earliestDay(from) > end) return false;
  if (to != null && start !== null && latestDay(to) < start) return false;
  return true;
}

const PRECISION_ORDER: Record<DatePrecision, number> = { YEAR: 0, MONTH: 1, DAY: 2 };

/**
 * Orders fuzzy dates for timelines: by earliest day, then the coarser precision first
 * ("2016" < "2016-01" < "2016-01-01" < "2016-01-02"). Returns a negative, zero or positive number.
 */
export function compareFuzzyDates(a: FuzzyDate, b: FuzzyDate): number {
  const ea = earliestDay(a);
  const eb = earliestDay(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  return PRECISION_ORDER[a.precision] - PRECISION_ORDER[b.precision];
}

/**
 * A period runs forwards: its end may not come before its start, comparing the widest readings
 * (the latest day `to` allows against the earliest `from` allows). Answers what is wrong, or
 * undefined. Both values must already parse.
 */
export function backwardsPeriodProblem(from: string | undefined, to: string | undefined): string | undefined {
  if (from === undefined || to === undefined) return undefined;
  if (latestDay(parseFuzzyDate(to)) >= earliestDay(parseFuzzyDate(from))) return undefined;
  return `period ends (${to}) before it begins (${from})`;
}
