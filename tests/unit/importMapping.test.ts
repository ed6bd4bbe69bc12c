import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acledDates, acledKind, ACLED, parseAcledDate } from '../../src/import/acled.js';
import { readCsv, type CsvItem } from '../../src/import/csvRecords.js';
import { fuzzySpan, RowRejected, slug } from '../../src/import/events.js';
import { actorNameForms, choosePlace, distanceKm, placeNameForms, regionKey } from '../../src/import/matching.js';
import { suggestionScore } from '../../src/import/review.js';
import { ucdpDates, UCDP_GED } from '../../src/import/ucdpGed.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aleppo-unit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readAll(text: string): Promise<CsvItem[]> {
  const file = path.join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, text);
  const items: CsvItem[] = [];
  for await (const item of readCsv(file, () => undefined)) items.push(item);
  return items;
}

const lineOf = (items: CsvItem[]) => items.map((i) => ('reason' in i ? `${i.line}!` : `${i.line}`));

describe('readCsv: line numbers and broken rows', () => {
  it('reads a file whose line endings change midway (LF, then CRLF) row for row, with line numbers', async () => {
    const items = await readAll('a,b\n1,2\r\n\r\n3,4\n5,6\r\n');
    expect(items.map((i) => ('record' in i ? [i.line, i.record['b']] : [i.line, i.reason]))).toEqual([
      [2, '2'],
      [4, '4'],
      [5, '6'],
    ]);
  });

  it('numbers rows by their first physical line, across quoted line breaks and blank lines', async () => {
    const items = await readAll('a,b\n1,2\n"multi\nline",3\n\n4,5\n');
    expect(lineOf(items)).toEqual(['2', '3', '6']);
  });

  it('counts a CR LF inside a quoted field as one line, in CR LF files too', async () => {
    const items = await readAll('a,b\r\n1,"x\r\ny\r\nz"\r\n2,3\r\n');
    expect(lineOf(items)).toEqual(['2', '5']);
  });

  it('reports a stray quote, a wrong field count and the lines an unclosed quote swallows, and reads on', async () => {
    const items = await readAll('a,b\n1,"x "y" z"\n2\n3,"open\n4,5\n6,"q"\n7,8\n');
    expect(lineOf(items)).toEqual(['2!', '3!', '4!', '5!', '6!', '7']);
    const reasons = items.filter((i) => 'reason' in i).map((i) => (i as { reason: string }).reason);
    expect(reasons[0]).toMatch(/stray quote/);
    expect(reasons[1]).toBe('wrong number of fields: 1 instead of 2');
    expect(reasons[3]).toBe('broken quoting: inside the quote opened on line 4 that does not close before line 6');
  });

  it('stops before the first row when the header is refused', async () => {
    await expect(
      (async () => {
        const file = path.join(dir, 'header.csv');
        fs.writeFileSync(file, 'x,y\n1,2\n');
        for await (const item of readCsv(file, () => {
          throw new Error('no a column');
        }))
          void item;
      })(),
    ).rejects.toThrow('no a column');
  });
});

describe('dates', () => {
  it('reads ACLED dates in ISO and day-month-year forms, and refuses impossible days', () => {
    expect(parseAcledDate('2016-05-06')).toBe('2016-05-06');
    expect(parseAcledDate('06 May 2016')).toBe('2016-05-06');
    expect(parseAcledDate('6-September-2016')).toBe('2016-09-06');
    expect(parseAcledDate('06/05/2016')).toBe('2016-05-06');
    expect(() => parseAcledDate('2016-02-30')).toThrow(RowRejected);
    expect(() => parseAcledDate('May 6 2016')).toThrow(/not a date/);
  });

  it('never claims a finer date than ACLED time_precision allows', () => {
    expect(acledDates('2020-02-10', '1')).toEqual({ start: '2020-02-10', end: null, dateNote: null });
    expect(acledDates('2020-02-10', '2')).toMatchObject({ start: '2020-02', end: null });
    expect(acledDates('2020-02-27', '2')).toMatchObject({ start: '2020-02', end: '2020-03' });
    expect(acledDates('2020-06-15', '3')).toMatchObject({ start: '2020', end: null });
    expect(acledDates('2020-12-20', '3')).toMatchObject({ start: '2020', end: '2021' });
    expect(() => acledDates('2020-02-10', '4')).toThrow(RowRejected);
  });

  it('reads UCDP date_start..date_end at the precision date_prec gives', () => {
    expect(ucdpDates('2016-05-05', '2016-05-05', '1')).toEqual({ start: '2016-05-05', end: null, dateNote: null });
    expect(ucdpDates('2016-06-03', '2016-06-05', '2')).toMatchObject({ start: '2016-06', end: null });
    expect(ucdpDates('2016-05-20', '2016-06-10', '4')).toMatchObject({ start: '2016-05', end: '2016-06' });
    expect(ucdpDates('2016-01-01', '2016-12-31', '5')).toMatchObject({ start: '2016', end: null });
    expect(ucdpDates('2016-01-01', '2016-12-31', '5').dateNote).toMatch(/between 2016-01-01 and 2016-12-31/);
  });

  it('cuts a span to a precision so that it still contains both days', () => {
    expect(fuzzySpan('2016-12-30', '2017-01-02', 'MONTH')).toEqual({ start: '2016-12', end: '2017-01' });
    expect(fuzzySpan('2016-12-30', '2016-12-31', 'YEAR')).toEqual({ start: '2016', end: null });
  });
});

describe('names', () => {
  it("reads ACLED's and UCDP's conventions for actor names", () => {
    expect(actorNameForms('Military Forces of Syria (2000-)')).toEqual({
      spellings: ['Military Forces of Syria (2000-)', 'Military Forces of Syria'],
      state: 'Syria',
    });
    expect(actorNameForms('NDF: National Defence Forces')).toEqual({
      spellings: ['NDF: National Defence Forces', 'National Defence Forces', 'NDF'],
      state: null,
    });
    expect(actorNameForms('Government of Syria').state).toBe('Syria');
    expect(actorNameForms('Islamic State (Syria)').spellings).toEqual(['Islamic State (Syria)', 'Islamic State']);
  });

  it('drops the settlement word of a gazetteer name, not the governorate word', () => {
    expect(placeNameForms('Khan Tuman town')).toEqual({
      lookupNames: ['Khan Tuman town', 'Khan Tuman'],
      displayName: 'Khan Tuman',
    });
    expect(placeNameForms('Aleppo Governorate').displayName).toBe('Aleppo Governorate');
    expect(regionKey('Aleppo Governorate')).toBe(regionKey('Aleppo'));
    expect(regionKey('Idleb')).toBe(regionKey('Idlib Governorate'));
  });

  it('slugs names into ids, and gives Arabic script a stable hash', () => {
    expect(slug("Hay'at Tahrir al-Sham")).toBe('hayat-tahrir-al-sham');
    expect(slug('هيئة تحرير الشام')).toMatch(/^x[0-9a-f]{10}$/);
    expect(slug('هيئة تحرير الشام')).toBe(slug('هيئة تحرير الشام'));
  });
});

describe('choosePlace', () => {
  const bashkoy = { placeId: 'bashkoy', kind: 'VILLAGE', latitude: 36.32792, longitude: 37.12265, regions: ['alapa'] };

  it('takes a same-named place within about 10 km', () => {
    expect(choosePlace({ latitude: 36.33, longitude: 37.12, admin1: null }, [bashkoy])).toBe('bashkoy');
  });

  it('never takes a same-named place 30 km away', () => {
    expect(distanceKm({ latitude: 36.03981, longitude: 37.3075 }, bashkoy)).toBeGreaterThan(30);
    expect(choosePlace({ latitude: 36.03981, longitude: 37.3075, admin1: 'Aleppo Governorate' }, [bashkoy])).toBeNull();
  });

  it('allows more distance for large places, and prefers the closer of two', () => {
    const governorate = { placeId: 'gov', kind: 'GOVERNORATE', latitude: 36.1469, longitude: 37.3952, regions: [] };
    const city = { placeId: 'city', kind: 'CITY', latitude: 36.2012, longitude: 37.1612, regions: [] };
    expect(choosePlace({ latitude: 36.25, longitude: 37.6167, admin1: null }, [governorate])).toBe('gov');
    expect(choosePlace({ latitude: 36.2021, longitude: 37.1343, admin1: null }, [governorate, city])).toBe('city');
  });

  it('takes a place without coordinates only in the governorate the dataset names', () => {
    const unlocated = {
      placeId: 'humayra',
      kind: 'VILLAGE',
      latitude: null,
      longitude: null,
      regions: [regionKey('Aleppo Governorate')],
    };
    expect(choosePlace({ latitude: 36.1, longitude: 37.0, admin1: 'Aleppo' }, [unlocated])).toBe('humayra');
    expect(choosePlace({ latitude: 35.1, longitude: 36.7, admin1: 'Hama' }, [unlocated])).toBeNull();
    expect(choosePlace({ latitude: 36.1, longitude: 37.0, admin1: null }, [unlocated])).toBeNull();
  });
});

describe('row mapping', () => {
  const acledRow = {
    event_id_cnty: 'SYR1',
    event_date: '2020-02-09',
    year: '2020',
    time_precision: '1',
    event_type: 'Battles',
    sub_event_type: 'Government regains territory',
    actor1: 'Military Forces of Syria (2000-)',
    assoc_actor_1: 'Liwa al Quds; Hezbollah',
    inter1: '1',
    actor2: 'Civilians (Syria)',
    inter2: '7',
    admin1: 'Aleppo',
    location: 'Khan Tuman',
    latitude: '36.117',
    longitude: '37.051',
    notes: 'Regime forces took Khan Tuman.',
    fatalities: '2',
  };

  it('maps an ACLED territory change to a RECAPTURE with control, dropping civilians', () => {
    const event = ACLED.toEvent(acledRow);
    expect(event).toMatchObject({
      engagementId: 'acled-syr1',
      kind: 'RECAPTURE',
      outcome: 'ATTACKER_GAINS',
      control: { participant: 0 },
      citation: { quote: 'Regime forces took Khan Tuman.' },
    });
    expect(event.participants.map((p) => [p.name, p.side, p.role, p.kind])).toEqual([
      ['Military Forces of Syria (2000-)', 'ATTACKER', null, 'STATE_FORCE'],
      ['Liwa al Quds', 'ATTACKER', 'SUPPORT', 'STATE_FORCE'],
      ['Hezbollah', 'ATTACKER', 'SUPPORT', 'STATE_FORCE'],
    ]);
  });

  it('accepts an ACLED file without the optional columns', () => {
    const minimal = Object.fromEntries(
      ACLED.requiredColumns.map((c) => [c, (acledRow as Record<string, string>)[c] ?? '']),
    );
    expect(ACLED.toEvent(minimal)).toMatchObject({ start: '2020-02-09', casualties: [], kind: 'CLASHES' });
  });

  it.each([
    ['event_date', 'yesterday', /event_date/],
    ['latitude', '123', /latitude "123"/],
    ['longitude', 'east', /longitude "east"/],
    ['event_id_cnty', '', /missing event_id_cnty/],
    ['fatalities', '-1', /fatalities "-1"/],
  ])('rejects an ACLED row whose %s is %j', (column, value, reason) => {
    expect(() => ACLED.toEvent({ ...acledRow, [column]: value })).toThrow(reason);
  });

  it('maps a UCDP coalition side to one participant per group, and drops civilians in one-sided violence', () => {
    const row = {
      id: '1',
      type_of_violence: '3',
      side_a: 'Ahrar al-Sham, Jabhat Fateh al-Sham',
      side_b: 'Civilians',
      where_coordinates: 'Tanab village',
      latitude: '36.46',
      longitude: '37.07',
      date_start: '2016-01-01',
      date_end: '2016-01-01',
      date_prec: '1',
      deaths_civilians: '3',
      best: '3',
    };
    const event = UCDP_GED.toEvent(row);
    expect(event.participants.map((p) => [p.name, p.side])).toEqual([
      ['Ahrar al-Sham', 'ATTACKER'],
      ['Jabhat Fateh al-Sham', 'ATTACKER'],
    ]);
    expect(event.kind).toBe('ATTACK_ON_CIVILIANS');
    expect(event.place).toMatchObject({ displayName: 'Tanab', kind: 'VILLAGE' });
    expect(event.casualties.map((c) => [c.group, c.killed])).toEqual([
      ['all sides and civilians', 3],
      ['civilians', 3],
    ]);
  });

  it('names engagement kinds from ACLED sub-event types, falling back on the event type', () => {
    expect(acledKind('Explosions/Remote violence', 'Air/drone strike')).toBe('AIR_RAID');
    expect(acledKind('Explosions/Remote violence', 'Grenade')).toBe('REMOTE_VIOLENCE');
    expect(acledKind('Something new', 'Unheard of')).toBe('OTHER');
  });
});

describe('review ranking', () => {
  it('ranks by name first, raised by co-occurrence and, for places, by nearness', () => {
    expect(suggestionScore('Actor', 0.9, 0, null)).toBeCloseTo(0.72);
    expect(suggestionScore('Actor', 0.9, 3, null)).toBeCloseTo(0.92);
    expect(suggestionScore('Place', 0.9, 0, 0)).toBeGreaterThan(suggestionScore('Place', 0.9, 0, 20));
  });
});
