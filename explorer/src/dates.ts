/** Fuzzy dates as the API gives them: a value, its precision, and the first and last day it allows. */
import type { Day as DayFragment } from './shapes';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "28 Jul 2016", "Jul 2016" or "2016": never more precise than the source. */
export function showDate(date: Pick<DayFragment, 'value' | 'precision'> | null | undefined): string {
  if (!date) return '?';
  const [year, month, day] = date.value.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (date.precision === 'YEAR' || !monthName) return year ?? date.value;
  if (date.precision === 'MONTH' || !day) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

export function showPeriod(from: DayFragment | null | undefined, to: DayFragment | null | undefined): string {
  if (!from && !to) return 'undated';
  return `${from ? showDate(from) : '…'} – ${to ? showDate(to) : '…'}`;
}

/** Days since 1970 of an ISO day, for placing dates on a strip. */
export function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
