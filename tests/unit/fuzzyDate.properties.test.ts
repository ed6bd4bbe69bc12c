/**
 * Properties of fuzzy dates over every day of the years the graph allows and over arbitrary
 * text: the rules in src/domain/fuzzyDate.ts, for all inputs rather than examples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareFuzzyDates,
  earliestDay,
  InvalidDateError,
  latestDay,
  parseCalendarDate,
  parseFuzzyDate,
  periodMayInclude,
  type FuzzyDate,
} from '../../src/domain/fuzzyDate.js';

/** A real day from 1900 to 2100 as a Date in UTC. */
const day = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2100-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const shift = (dayText: string, days: number): string =>
  iso(new Date(Date.parse(`${dayText}T00:00:00Z`) + days * 86_400_000));

/** A valid fuzzy date written at a random precision. */
const fuzzyText = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, length]) => iso(d).slice(0, length));

describe('fuzzy dates: properties', () => {
  it('parses every real day, month and year, with the precision its form says', () => {
    fc.assert(
      fc.property(fuzzyText, (text) => {
        const parsed = parseFuzzyDate(text);
        expect(parsed.value).toBe(text);
        expect(parsed.precision).toBe({ 4: 'YEAR', 7: 'MONTH', 10: 'DAY' }[text.length]);
      }),
      { numRuns: 1000 },
    );
  });

  it('spans from its earliest to its latest day: both real days, in order, written with the date as prefix', () => {
    fc.assert(
      fc.property(fuzzyText, (text) => {
        const date = parseFuzzyDate(text);
        const [earliest, latest] = [earliestDay(date), latestDay(date)];
        expect(parseCalendarDate(earliest)).toBe(earliest);
        expect(parseCalendarDate(latest)).toBe(latest);
        expect(earliest <= latest).toBe(true);
        expect(earliest.startsWith(text)).toBe(true);
        expect(latest.startsWith(text)).toBe(true);
        // The day before the earliest and the day after the latest are outside the date.
        expect(shift(earliest, -1).startsWith(text)).toBe(false);
        expect(shift(latest, 1).startsWith(text)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips: a day parsed and read back is the same day', () => {
    fc.assert(
      fc.property(day, (d) => {
        const date = parseFuzzyDate(iso(d));
        expect(earliestDay(date)).toBe(iso(d));
        expect(latestDay(date)).toBe(iso(d));
      }),
    );
  });

  it('a period from a fuzzy date to itself may include exactly the days it spans', () => {
    fc.assert(
      fc.property(fuzzyText, fc.integer({ min: -40, max: 400 }), (text, offset) => {
        const date = parseFuzzyDate(text);
        const asOf = shift(earliestDay(date), offset);
        const inside = asOf >= earliestDay(date) && asOf <= latestDay(date);
        expect(periodMayInclude(date, date, asOf)).toBe(inside);
      }),
    );
  });

  it('orders dates by earliest day, the coarser first on a tie, antisymmetrically', () => {
    fc.assert(
      fc.property(fuzzyText, fuzzyText, (a, b) => {
        const [da, db] = [parseFuzzyDate(a), parseFuzzyDate(b)];
        const ab = compareFuzzyDates(da, db);
        expect(Math.sign(ab) + Math.sign(compareFuzzyDates(db, da))).toBe(0);
        if (earliestDay(da) < earliestDay(db)) expect(ab).toBeLessThan(0);
        if (a === b) expect(ab).toBe(0);
        if (earliestDay(da) === earliestDay(db) && a.length < b.length) expect(ab).toBeLessThan(0);
      }),
    );
  });

  it('refuses any other text with an InvalidDateError that names it, and never throws anything else', () => {
    const nearMisses = fc.oneof(
      fc.string({ maxLength: 14 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.stringMatching(/^\d{1,5}(-\d{1,3}){0,3}$/),
      fuzzyText.map((t) => ` ${t}`),
      fuzzyText.map((t) => `${t}T00:00`),
    );
    fc.assert(
      fc.property(nearMisses, (text) => {
        let parsed: FuzzyDate | undefined;
        try {
          parsed = parseFuzzyDate(text);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidDateError);
          expect((error as Error).message).toContain(JSON.stringify(text));
          return;
        }
        // Accepted: then it is one of the forms, naming a real date.
        expect(text).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        expect(earliestDay(parsed) <= latestDay(parsed)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses non-string values from untyped callers (YAML, JSON) with an InvalidDateError', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
        (value) => {
          fc.pre(typeof value !== 'string');
          expect(() => parseFuzzyDate(value as string)).toThrow(InvalidDateError);
          expect(() => parseCalendarDate(value as string)).toThrow(InvalidDateError);
        },
      ),
    );
  });

  it('refuses days that do not exist, for every month of every year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const mm = String(month).padStart(2, '0');
        const last = Number(latestDay(parseFuzzyDate(`${year}-${mm}`)).slice(8));
        expect(() => parseFuzzyDate(`${year}-${mm}-${last + 1}`)).toThrow(InvalidDateError);
        expect(parseFuzzyDate(`${year}-${mm}-${last}`).precision).toBe('DAY');
      }),
    );
  });
});
