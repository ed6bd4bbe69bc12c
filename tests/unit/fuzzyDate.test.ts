import { describe, expect, it } from 'vitest';
import {
  InvalidDateError,
  compareFuzzyDates,
  earliestDay,
  latestDay,
  parseCalendarDate,
  parseFuzzyDate,
  periodMayInclude,
  periodMayOverlap,
  type FuzzyDate,
} from '../../src/domain/fuzzyDate.js';

const d = parseFuzzyDate;

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parseFuzzyDate', () => {
  it('reads the precision from the form', () => {
    expect(d('2016')).toEqual({ value: '2016', precision: 'YEAR' });
    expect(d('2016-07')).toEqual({ value: '2016-07', precision: 'MONTH' });
    expect(d('2016-07-28')).toEqual({ value: '2016-07-28', precision: 'DAY' });
  });

  it('accepts 29 February in leap years, including 2000', () => {
    expect(d('2016-02-29').precision).toBe('DAY');
    expect(d('2000-02-29').precision).toBe('DAY');
  });

  it.each([
    ['2015-02-29', /day 29 does not exist in 2015-02/],
    ['1900-02-29', /day 29 does not exist in 1900-02/], // divisible by 100, not by 400
    ['2016-02-30', /day 30 does not exist in 2016-02/],
    ['2016-04-31', /day 31 does not exist in 2016-04/],
    ['2016-07-00', /day 00 does not exist/],
    ['2016-00', /month 00 does not exist/],
    ['2016-13', /month 13 does not exist/],
    ['2016-13-01', /month 13 does not exist/],
    ['1899', /year 1899 is outside 1900\.\.2100/],
    ['2101-01-01', /year 2101 is outside 1900\.\.2100/],
  ])('rejects the impossible date %s and says why', (value, reason) => {
    const error = errorOf(() => d(value));
    expect(error).toBeInstanceOf(InvalidDateError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain(`"${value}"`);
    expect((error as Error).message).toContain('expected YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it.each([
    '',
    '16',
    '20160',
    '2016-7',
    '2016-07-1',
    '2016/07/28',
    '28-07-2016',
    ' 2016',
    '2016-07-28T00:00',
    'July 2016',
    '２０１６',
  ])('rejects the malformed value %j naming it and the expected form', (value) => {
    const error = errorOf(() => d(value));
    expect(error).toBeInstanceOf(InvalidDateError);
    expect((error as Error).message).toBe(
      `Invalid date ${JSON.stringify(value)}: expected YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  });

  it('gives its errors the name InvalidDateError', () => {
    expect(errorOf(() => d('x'))).toMatchObject({ name: 'InvalidDateError' });
  });
});

describe('earliestDay / latestDay', () => {
  it.each([
    ['2016', '2016-01-01', '2016-12-31'],
    ['2016-07', '2016-07-01', '2016-07-31'],
    ['2016-04', '2016-04-01', '2016-04-30'],
    ['2016-02', '2016-02-01', '2016-02-29'],
    ['2015-02', '2015-02-01', '2015-02-28'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2100-02', '2100-02-01', '2100-02-28'],
    ['2016-07-28', '2016-07-28', '2016-07-28'],
  ])('%s spans %s .. %s', (value, earliest, latest) => {
    expect(earliestDay(d(value))).toBe(earliest);
    expect(latestDay(d(value))).toBe(latest);
  });

  it('rejects a hand-built fuzzy date whose precision does not match its form', () => {
    const wrong: FuzzyDate = { value: '2016-07', precision: 'YEAR' };
    expect(() => latestDay(wrong)).toThrow(InvalidDateError);
    expect(() => earliestDay({ value: '2016-02-30', precision: 'DAY' })).toThrow(/day 30/);
  });
});

describe('parseCalendarDate', () => {
  it('returns a valid calendar date unchanged', () => {
    expect(parseCalendarDate('2016-06-03')).toBe('2016-06-03');
    expect(parseCalendarDate('2016-02-29')).toBe('2016-02-29');
  });

  it.each(['2016', '2016-06', '2016-6-3', '2016-06-03 ', '2015-02-29', '2016-13-01', '2016-06-31', 'today'])(
    'rejects %j with a message naming it and the expected form',
    (value) => {
      const error = errorOf(() => parseCalendarDate(value));
      expect(error).toBeInstanceOf(InvalidDateError);
      expect((error as Error).message).toContain(JSON.stringify(value));
      expect((error as Error).message).toContain('expected a calendar date YYYY-MM-DD');
    },
  );
});

describe('periodMayInclude', () => {
  it('an alliance from 2015-03 to 2017-01 is active on 2016-06-03', () => {
    expect(periodMayInclude(d('2015-03'), d('2017-01'), '2016-06-03')).toBe(true);
  });

  it('the same alliance is not active before March 2015 or after January 2017', () => {
    expect(periodMayInclude(d('2015-03'), d('2017-01'), '2015-02-28')).toBe(false);
    expect(periodMayInclude(d('2015-03'), d('2017-01'), '2017-02-01')).toBe(false);
  });

  it('includes both boundary days of a month-precision end', () => {
    expect(periodMayInclude(d('2016-07'), d('2016-07'), '2016-07-01')).toBe(true);
    expect(periodMayInclude(d('2016-07'), d('2016-07'), '2016-07-31')).toBe(true);
    expect(periodMayInclude(d('2016-07'), d('2016-07'), '2016-08-01')).toBe(false);
    expect(periodMayInclude(d('2016-07'), d('2016-07'), '2016-06-30')).toBe(false);
  });

  it('reads a year-precision end as the whole year', () => {
    expect(periodMayInclude(d('2014'), d('2016'), '2016-12-31')).toBe(true);
    expect(periodMayInclude(d('2014'), d('2016'), '2017-01-01')).toBe(false);
    expect(periodMayInclude(d('2014'), d('2016'), '2014-01-01')).toBe(true);
  });

  it('includes the end days of a day-precision period and nothing beyond', () => {
    expect(periodMayInclude(d('2016-07-28'), d('2016-08-02'), '2016-07-28')).toBe(true);
    expect(periodMayInclude(d('2016-07-28'), d('2016-08-02'), '2016-08-02')).toBe(true);
    expect(periodMayInclude(d('2016-07-28'), d('2016-08-02'), '2016-08-03')).toBe(false);
    expect(periodMayInclude(d('2016-07-28'), d('2016-08-02'), '2016-07-27')).toBe(false);
  });

  it('treats a missing start or end as unbounded', () => {
    expect(periodMayInclude(null, d('2016'), '1950-01-01')).toBe(true);
    expect(periodMayInclude(undefined, d('2016'), '2017-01-01')).toBe(false);
    expect(periodMayInclude(d('2016'), null, '2099-12-31')).toBe(true);
    expect(periodMayInclude(d('2016'), undefined, '2015-12-31')).toBe(false);
    expect(periodMayInclude(null, null, '2016-06-03')).toBe(true);
  });

  it('rejects an invalid asOf day', () => {
    expect(() => periodMayInclude(null, null, '2016-06')).toThrow(InvalidDateError);
  });
});

describe('periodMayOverlap', () => {
  const alliance = [d('2015-03'), d('2017-01')] as const;

  it('is true for a range inside, across either end of, or around the period', () => {
    expect(periodMayOverlap(...alliance, '2016-01-01', '2016-02-01')).toBe(true);
    expect(periodMayOverlap(...alliance, '2014-01-01', '2015-03-01')).toBe(true);
    expect(periodMayOverlap(...alliance, '2017-01-31', '2018-01-01')).toBe(true);
    expect(periodMayOverlap(...alliance, '2010-01-01', '2020-01-01')).toBe(true);
  });

  it('is false for a range wholly before or after the period', () => {
    expect(periodMayOverlap(...alliance, '2014-01-01', '2015-02-28')).toBe(false);
    expect(periodMayOverlap(...alliance, '2017-02-01', '2018-01-01')).toBe(false);
  });

  it('treats missing range ends as unbounded', () => {
    expect(periodMayOverlap(...alliance, null, '2015-03-01')).toBe(true);
    expect(periodMayOverlap(...alliance, null, '2015-02-28')).toBe(false);
    expect(periodMayOverlap(...alliance, '2017-01-31', null)).toBe(true);
    expect(periodMayOverlap(...alliance, '2017-02-01', undefined)).toBe(false);
    expect(periodMayOverlap(...alliance)).toBe(true);
  });

  it('treats missing period ends as unbounded', () => {
    expect(periodMayOverlap(null, d('2016'), '1990-01-01', '1990-12-31')).toBe(true);
    expect(periodMayOverlap(null, d('2016'), '2017-01-01', '2017-12-31')).toBe(false);
    expect(periodMayOverlap(d('2016'), null, '2030-01-01', '2030-01-02')).toBe(true);
    expect(periodMayOverlap(d('2016'), null, '2015-01-01', '2015-12-31')).toBe(false);
    expect(periodMayOverlap(null, null, '2015-01-01', '2015-12-31')).toBe(true);
  });

  it('rejects an invalid range end', () => {
    expect(() => periodMayOverlap(null, null, '2016-02-30', null)).toThrow(InvalidDateError);
  });
});

describe('compareFuzzyDates', () => {
  it('orders by earliest day, then year before month before day', () => {
    const values = ['2016-07-28', '2016-07', '2015', '2016', '2016-01-01', '2016-01', '2016-08-01', '2016-07-01'];
    const sorted = values
      .map(d)
      .sort(compareFuzzyDates)
      .map((x) => x.value);
    expect(sorted).toEqual([
      '2015',
      '2016',
      '2016-01',
      '2016-01-01',
      '2016-07',
      '2016-07-01',
      '2016-07-28',
      '2016-08-01',
    ]);
  });

  it('returns 0 for equal dates and opposite signs when swapped', () => {
    expect(compareFuzzyDates(d('2016-07'), d('2016-07'))).toBe(0);
    expect(Math.sign(compareFuzzyDates(d('2016'), d('2016-01')))).toBe(-1);
    expect(Math.sign(compareFuzzyDates(d('2016-01'), d('2016')))).toBe(1);
  });
});
