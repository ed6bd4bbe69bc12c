/**
 * Properties of the importers' row parsing over random rows: a row either becomes an event that
 * keeps the graph's rules (real fuzzy dates in order, coordinates in range, sides, counts) or is
 * rejected with RowRejected and a reason. Nothing else is ever thrown, so one bad row can never
 * stop an import. And any CSV a spreadsheet writes reads back row for row, with its line numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compareFuzzyDates, parseFuzzyDate } from '../../src/domain/fuzzyDate.js';
import { ACLED, parseAcledDate } from '../../src/import/acled.js';
import { readCsv, type CsvItem } from '../../src/import/csvRecords.js';
import { RowRejected, type EventDataset, type ImportedEvent } from '../../src/import/events.js';
import { UCDP_GED } from '../../src/import/ucdpGed.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aleppo-unit-props-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const day = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const garbage = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('-1', '1e9', 'NaN', 'Infinity', '0x10', ' 3 ', '2016-02-30', '31 Foo 2016', '999', '4.5', '-0'),
);
const count = fc.integer({ min: 0, max: 5000 }).map(String);

/** Columns with a plausible value each; a row takes each value, garbage, or leaves the column out. */
const ACLED_VALUES: Record<string, fc.Arbitrary<string>> = {
  event_id_cnty: fc.stringMatching(/^SYR\d{1,6}$/),
  event_date: fc.oneof(
    day,
    day.map((d) => {
      const [y, m, dd] = d.split('-');
      return `${dd} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}`;
    }),
  ),
  time_precision: fc.constantFrom('1', '2', '3'),
  event_type: fc.constantFrom('Battles', 'Explosions/Remote violence', 'Strategic developments', 'Riots'),
  sub_event_type: fc.constantFrom('Armed clash', 'Government regains territory', 'Air/drone strike', 'Looting'),
  actor1: fc.constantFrom('Military Forces of Syria (2000-)', 'Hayat Tahrir al Sham', 'Ahrar al Sham'),
  assoc_actor_1: fc.constantFrom('', 'Hezbollah; Liwa al Quds', ';;'),
  inter1: fc.constantFrom('1', '2', '3', '7', '8', 'Rebel group', 'State forces'),
  actor2: fc.constantFrom('', 'Civilians (Syria)', 'Islamic State (Syria)'),
  inter2: fc.constantFrom('', '2', '7', 'Civilians'),
  location: fc.constantFrom('Khan Tuman', 'Aleppo', 'Al Rashidin', 'حلب'),
  latitude: fc.double({ min: -90, max: 90, noNaN: true }).map(String),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }).map(String),
  geo_precision: fc.constantFrom('1', '2', '3'),
  fatalities: count,
  notes: fc.string({ maxLength: 40 }),
  admin1: fc.constantFrom('Aleppo', 'Idleb'),
};

const UCDP_VALUES: Record<string, fc.Arbitrary<string>> = {
  id: fc.integer({ min: 1, max: 999_999 }).map(String),
  type_of_violence: fc.constantFrom('1', '2', '3'),
  side_a: fc.constantFrom('Government of Syria', 'IS', 'Jabhat Fateh al-Sham, Ahrar al-Sham'),
  side_b: fc.constantFrom('Civilians', 'Syrian insurgents', 'Government of Russia (Soviet Union)'),
  where_coordinates: fc.constantFrom('Khan Tuman town', 'Aleppo city', 'Syria'),
  latitude: fc.double({ min: -90, max: 90, noNaN: true }).map(String),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }).map(String),
  date_start: day,
  date_end: day,
  date_prec: fc.constantFrom('', '1', '2', '3', '4', '5'),
  where_prec: fc.constantFrom('1', '2', '6'),
  best: count,
  low: count,
  high: count,
  deaths_a: count,
  deaths_civilians: count,
  source_headline: fc.string({ maxLength: 30 }),
};

function rows(values: Record<string, fc.Arbitrary<string>>, garbageRate: number): fc.Arbitrary<Record<string, string>> {
  const entries = Object.entries(values).map(([name, valid]) =>
    fc
      .oneof(
        { weight: 100 - garbageRate, arbitrary: valid.map((v) => [name, v] as const) },
        { weight: garbageRate, arbitrary: garbage.map((v) => [name, v] as const) },
        { weight: Math.max(1, Math.round(garbageRate / 4)), arbitrary: fc.constant(null) },
      )
      .map((entry) => entry),
  );
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p) => p !== null)));
}

/** What every imported event must satisfy, whatever row it came from. */
function expectWellFormed(event: ImportedEvent, prefix: string): void {
  expect(event.engagementId.startsWith(prefix)).toBe(true);
  const start = parseFuzzyDate(event.start);
  if (event.end !== null) expect(compareFuzzyDates(start, parseFuzzyDate(event.end))).toBeLessThan(0);
  expect(Math.abs(event.place.latitude)).toBeLessThanOrEqual(90);
  expect(Math.abs(event.place.longitude)).toBeLessThanOrEqual(180);
  expect(event.place.name).not.toBe('');
  for (const p of event.participants) {
    expect(['ATTACKER', 'DEFENDER']).toContain(p.side);
    expect(p.name.trim()).toBe(p.name);
    expect(p.name).not.toBe('');
  }
  for (const c of event.casualties)
    if (c.killed !== undefined) expect(Number.isInteger(c.killed) && c.killed >= 0).toBe(true);
}

function importsOrRejects(dataset: EventDataset, prefix: string, row: Record<string, string>): 'imported' | 'rejected' {
  let event: ImportedEvent;
  try {
    event = dataset.toEvent(row);
  } catch (error) {
    expect(error).toBeInstanceOf(RowRejected);
    expect((error as Error).message.length).toBeGreaterThan(0);
    return 'rejected';
  }
  expectWellFormed(event, prefix);
  return 'imported';
}

describe.each([
  ['ACLED', ACLED, ACLED_VALUES, 'acled-'],
  ['UCDP GED', UCDP_GED, UCDP_VALUES, 'ucdp-ged-'],
])('%s rows: properties', (_, dataset, values, prefix) => {
  it('a random row is imported well-formed or rejected with a reason, never anything else', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(rows(values, 15), (row) => {
        seen.add(importsOrRejects(dataset, prefix, row));
      }),
      { numRuns: 1000 },
    );
    expect([...seen].sort()).toEqual(['imported', 'rejected']);
  });

  it('a row of arbitrary text in every column is rejected with a reason or imported well-formed', () => {
    const anything = fc.dictionary(fc.constantFrom(...Object.keys(values), 'extra'), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(anything, (row) => {
        importsOrRejects(dataset, prefix, row);
      }),
      { numRuns: 1000 },
    );
  });

  it('a row with every required column valid is imported', () => {
    fc.assert(
      fc.property(rows(values, 0), (row) => {
        fc.pre(dataset !== UCDP_GED || (row['date_start'] ?? '') <= (row['date_end'] ?? ''));
        fc.pre(Object.keys(row).length === Object.keys(values).length);
        fc.pre(!('year' in row));
        expect(importsOrRejects(dataset, prefix, row)).toBe('imported');
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseAcledDate: properties', () => {
  it('reads the three spellings of a day as that day, and refuses other text with RowRejected', () => {
    fc.assert(
      fc.property(day, (d) => {
        const [y, m, dd] = d.split('-');
        const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
          Number(m) - 1
        ];
        for (const text of [d, `${dd} ${month} ${y}`, `${dd}-${month}-${y}`, `${dd}/${m}/${y}`])
          expect(parseAcledDate(text)).toBe(d);
      }),
    );
    fc.assert(
      fc.property(garbage, (text) => {
        try {
          expect(parseFuzzyDate(parseAcledDate(text)).precision).toBe('DAY');
        } catch (error) {
          expect(error).toBeInstanceOf(RowRejected);
        }
      }),
    );
  });
});

describe('readCsv: properties', () => {
  it('reads back, row for row and with their first line numbers, any records written as CSV', async () => {
    const field = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', '  padded  ', 'حلب', ''),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(field, field, field), { minLength: 1, maxLength: 20 }), async (records) => {
        // csv-parse skips rows that are entirely empty, as a spreadsheet's blank line.
        fc.pre(records.every((r) => r.some((f) => f.trim() !== '')));
        const text = stringify([['a', 'b', 'c'], ...records]);
        const file = path.join(dir, `r${run++}.csv`);
        fs.writeFileSync(file, text);
        const items: CsvItem[] = [];
        for await (const item of readCsv(file, () => undefined)) items.push(item);
        expect(items.every((i) => 'record' in i)).toBe(true);
        expect(items.map((i) => ('record' in i ? [i.record['a'], i.record['b'], i.record['c']] : null))).toEqual(
          records,
        );
        // Each row starts on the line after the lines the rows before it take.
        let line = 2;
        items.forEach((item, index) => {
          expect(item.line).toBe(line);
          line += (stringify([records[index]!]).match(/\r\n|\r|\n/g) ?? []).length;
        });
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on random bytes: every line is a row or a problem with a reason', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', ',', '\n', '\r\n', '""', 'x"y')), {
          maxLength: 40,
        }),
        async (pieces) => {
          const file = path.join(dir, `g${run++}.csv`);
          fs.writeFileSync(file, `a,b\n${pieces.join('')}`);
          const lines = `a,b\n${pieces.join('')}`.split(/\r\n|\r|\n/).length;
          for await (const item of readCsv(file, () => undefined)) {
            expect(item.line).toBeGreaterThanOrEqual(2);
            expect(item.line).toBeLessThanOrEqual(lines);
            if ('reason' in item) expect(item.reason).not.toBe('');
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
