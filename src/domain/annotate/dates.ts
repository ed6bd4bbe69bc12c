/**
 * Dates in a text, each read no more precisely than the text gives it: "3 June 2016" is a day,
 * "June 2016" a month, "in 2016" a year. Dates without a year ("On 3 June", "November 3rd") and
 * relative ones ("last month", "earlier this week", "yesterday", "on Friday") are read against
 * the text's published date; the result is the most precise fuzzy date that covers every day the
 * words allow, so "earlier this week" in a text of 2016-06-15 is 2016-06, and without a published
 * date it stays unread (date null).
 */
import { earliestDay, latestDay, type FuzzyDate } from '../fuzzyDate.js';
import type { TextDate } from './types.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';

type Reader = (
  m: RegExpExecArray,
  published: Day | null,
) => { date: FuzzyDate | null; relative: boolean; note: string | null } | null;

interface Pattern {
  regex: RegExp;
  read: Reader;
}

/** A calendar day as numbers. */
interface Day {
  /** The earliest and latest day the published date allows. */
  first: Date;
  last: Date;
  value: string;
}

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3)));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utc(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

/** The most precise fuzzy date covering every day from `first` to `last`; null across years. */
export function coveringDate(first: Date, last: Date): FuzzyDate | null {
  const a = iso(first);
  const b = iso(last);
  if (a === b) return { value: a, precision: 'DAY' };
  if (a.slice(0, 7) === b.slice(0, 7)) return { value: a.slice(0, 7), precision: 'MONTH' };
  if (a.slice(0, 4) === b.slice(0, 4)) return { value: a.slice(0, 4), precision: 'YEAR' };
  return null;
}

function validDay(year: number, month: number, day: number): FuzzyDate | null {
  const value = `${year}-${pad(month + 1)}-${pad(day)}`;
  const d = utc(value);
  return Number.isNaN(d.getTime()) || iso(d) !== value ? null : { value, precision: 'DAY' };
}

/** The year of a month-and-day without a year: the latest one not after the text's date. */
function yearFor(month: number, day: number, published: Day): number {
  const year = published.last.getUTCFullYear();
  const candidate = Date.UTC(year, month, day);
  return candidate > published.last.getTime() ? year - 1 : year;
}

/** Shifts the published range by whole days and reads what it covers. */
function shifted(published: Day | null, fromDays: number, toDays: number, note: string) {
  if (published === null) return { date: null, relative: true, note: `${note}; the text's date is not known` };
  const date = coveringDate(addDays(published.first, fromDays), addDays(published.last, toDays));
  return { date, relative: true, note: date === null ? `${note}; spans more than a year` : note };
}

function monthShift(published: Day | null, months: number, note: string) {
  if (published === null) return { date: null, relative: true, note: `${note}; the text's date is not known` };
  const first = new Date(Date.UTC(published.first.getUTCFullYear(), published.first.getUTCMonth() + months, 1));
  const lastMonthStart = new Date(
    Date.UTC(published.last.getUTCFullYear(), published.last.getUTCMonth() + months + 1, 1),
  );
  return { date: coveringDate(first, addDays(lastMonthStart, -1)), relative: true, note };
}

function yearShift(published: Day | null, years: number, note: string) {
  if (published === null) return { date: null, relative: true, note: `${note}; the text's date is not known` };
  const a = published.first.getUTCFullYear() + years;
  const b = published.last.getUTCFullYear() + years;
  return { date: a === b ? { value: String(a), precision: 'YEAR' as const } : null, relative: true, note };
}

const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  a: 1,
};

// Longest forms first: a span read by one pattern is not read again by a shorter one.
const PATTERNS: Pattern[] = [
  {
    regex: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => ({ date: validDay(Number(m[1]), Number(m[2]) - 1, Number(m[3])), relative: false, note: null }),
  },
  {
    regex: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'gi'),
    read: (m) => ({ date: validDay(Number(m[3]), monthIndex(m[2]!), Number(m[1])), relative: false, note: null }),
  },
  {
    regex: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'gi'),
    read: (m) => ({ date: validDay(Number(m[3]), monthIndex(m[1]!), Number(m[2])), relative: false, note: null }),
  },
  {
    regex: new RegExp(`\\b${MONTH},?\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'),
    read: (m) => ({
      date: { value: `${m[2]}-${pad(monthIndex(m[1]!) + 1)}`, precision: 'MONTH' },
      relative: false,
      note: null,
    }),
  },
  {
    regex: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b`, 'g'),
    read: (m, p) => dayWithoutYear(monthIndex(m[2]!), Number(m[1]), p),
  },
  {
    regex: new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?!\\s*(?:,\\s*)?\\d)`, 'g'),
    read: (m, p) => dayWithoutYear(monthIndex(m[1]!), Number(m[2]), p),
  },
  {
    regex: new RegExp(
      `\\b(?:in|since|until|till|by|from|to|during|early|late|mid|of|last)[-\\s]+${MONTH}\\b(?![\\s,]+\\d)`,
      'g',
    ),
    read: (m, p) => {
      const month = monthIndex(m[1]!);
      if (p === null) return { date: null, relative: true, note: "month without a year; the text's date is not known" };
      const year =
        Date.UTC(p.last.getUTCFullYear(), month, 1) > p.last.getTime()
          ? p.last.getUTCFullYear() - 1
          : p.last.getUTCFullYear();
      return {
        date: { value: `${year}-${pad(month + 1)}`, precision: 'MONTH' },
        relative: true,
        note: 'the latest such month up to the text',
      };
    },
  },
  {
    regex:
      /\b(?:in|since|until|till|by|from|during|early|late|mid|of|summer|winter|spring|autumn|fall|end of)[-\s]+((?:19|20)\d{2})\b/gi,
    read: (m) => ({ date: { value: m[1]!, precision: 'YEAR' }, relative: false, note: null }),
  },
  {
    regex: /\b(?:earlier|later)\s+this\s+week\b|\bthis\s+week\b/gi,
    read: (_, p) => shifted(p, -6, 0, 'this week: the seven days up to the text'),
  },
  { regex: /\blast\s+week\b/gi, read: (_, p) => shifted(p, -13, -7, 'last week: the week before the text') },
  { regex: /\b(?:earlier\s+)?this\s+month\b/gi, read: (_, p) => monthShift(p, 0, "the text's month") },
  { regex: /\blast\s+month\b/gi, read: (_, p) => monthShift(p, -1, 'the month before the text') },
  { regex: /\b(?:earlier\s+)?this\s+year\b/gi, read: (_, p) => yearShift(p, 0, "the text's year") },
  { regex: /\blast\s+year\b/gi, read: (_, p) => yearShift(p, -1, 'the year before the text') },
  { regex: /\byesterday\b/gi, read: (_, p) => shifted(p, -1, -1, 'the day before the text') },
  {
    regex: /\b(?:today|this\s+morning|tonight|this\s+evening)\b/gi,
    read: (_, p) => shifted(p, 0, 0, "the text's day"),
  },
  {
    regex: /\b(one|two|three|four|five|six|seven|eight|nine|ten|a|\d{1,2})\s+days?\s+ago\b/gi,
    read: (m, p) => {
      const n = NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]);
      return shifted(p, -n, -n, `${n} days before the text`);
    },
  },
  {
    regex: new RegExp(`\\b(?:on\\s+|last\\s+)?${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'g'),
    read: (m, p) => {
      if (p === null) return { date: null, relative: true, note: "a weekday; the text's date is not known" };
      const weekday = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      // The latest such weekday up to the text's date, for every day the published date allows.
      const back = (d: Date) => addDays(d, -((d.getUTCDay() - weekday + 7) % 7));
      const date = coveringDate(back(p.first), back(p.last));
      return { date, relative: true, note: 'the latest such weekday up to the text' };
    },
  },
];

function dayWithoutYear(month: number, day: number, published: Day | null) {
  if (published === null)
    return { date: null, relative: true, note: "day and month without a year; the text's date is not known" };
  const date = validDay(yearFor(month, day, published), month, day);
  return { date, relative: true, note: 'the year of the text (or the one before, if the day would fall after it)' };
}

/** Every date in the text, in order of position. `published` is the text's own date, if known. */
export function findDates(text: string, published: FuzzyDate | null): TextDate[] {
  const day: Day | null =
    published === null
      ? null
      : { first: utc(earliestDay(published)), last: utc(latestDay(published)), value: published.value };
  const taken: { start: number; end: number }[] = [];
  const found: TextDate[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (const m of text.matchAll(pattern.regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      const read = pattern.read(m, day);
      if (read === null) continue;
      taken.push({ start, end });
      found.push({ start, end, text: m[0], date: read.date, relative: read.relative, note: read.note });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
