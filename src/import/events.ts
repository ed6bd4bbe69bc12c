/**
 * What an event dataset row becomes before it is matched and written: one engagement with its
 * place, participants, casualties and citation, in the graph's own words. The dataset modules
 * (acled.ts, ucdpGed.ts) build these; the pipeline matches names and writes them.
 */
import { createHash } from 'node:crypto';
import type { ActorKind, EngagementKind, EngagementOutcome, ParticipantSide, PlaceKind } from '../domain/enums.js';
import type { DatePrecision } from '../domain/fuzzyDate.js';

/** A casualty figure in the shape the founding dataset uses (`casualtiesJson`). */
export interface Casualty {
  group: string;
  killed?: number;
  reported: string;
  source: string;
}

/** A place as the dataset names and locates it. */
export interface PlaceMention {
  /** The name as the dataset writes it ("Khan Tuman town"). */
  name: string;
  /** Spellings to look up among known places, most specific first ("Khan Tuman town", "Khan Tuman"). */
  lookupNames: string[];
  /** The name a new place gets ("Khan Tuman"). */
  displayName: string;
  latitude: number;
  longitude: number;
  /** First-order administrative division as the dataset names it ("Aleppo Governorate", "Aleppo"). */
  admin1: string | null;
  /** Kind a new place gets (a guess from the dataset's wording or precision code). */
  kind: PlaceKind;
  /** How exact the dataset's point is, e.g. "UCDP GED where_prec 1 (exact location)". */
  precision: string;
  /** Where the dataset puts it, for a new place's description and citation ("adm_2 Jabal Saman district"). */
  context: string;
}

export type Side = ParticipantSide;

/** An actor named by the event, on a side. */
export interface ParticipantMention {
  /** The actor's name as the dataset writes it. */
  name: string;
  side: Side;
  role: 'SUPPORT' | null;
  /** Kind a new actor gets, guessed from the dataset's actor type code. */
  kind: ActorKind;
  /** Why that kind, for the new actor's description ("ACLED inter1 2: rebel group"). */
  kindReason: string;
  /** Which dataset column named it, kept on the FOUGHT_IN edge ("ACLED actor1 \"...\""). */
  note: string;
}

/** One dataset row as an engagement, not yet matched to known actors and places. */
export interface ImportedEvent {
  /** The dataset's own event id ("SYR12345", "214797"). */
  eventId: string;
  engagementId: string;
  title: string;
  kind: EngagementKind;
  /** Fuzzy dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  start: string;
  end: string | null;
  dateNote: string | null;
  outcome: EngagementOutcome;
  casualties: Casualty[];
  place: PlaceMention;
  participants: ParticipantMention[];
  /** The dataset's own words for the event, and where in the dataset it is. */
  citation: { quote: string | null; note: string };
  /** For territory changes: the participant (index) that took the place, from the event's start. */
  control: { participant: number; note: string } | null;
}

/** An event dataset the pipeline can read: its columns, its source node and its row mapping. */
export interface EventDataset {
  /** Name in messages and on imported engagements (`importSource`): "acled", "ucdp-ged". */
  name: string;
  /** Name for people: "ACLED", "UCDP GED". */
  label: string;
  /** Prefix of the ids of actors and places the import creates: "acled", "ucdp". */
  idPrefix: string;
  /** The DATASET source every imported fact cites; created at import time when missing. */
  source: { id: string; props: Record<string, unknown> };
  /** Columns the header must have; the others are optional. */
  requiredColumns: readonly string[];
  /** Maps one row (column name to text) to an event. @throws RowRejected naming what is wrong. */
  toEvent(row: Readonly<Record<string, string>>): ImportedEvent;
}

/** A row that cannot be imported; the message is the reason written to the rejects file. */
export class RowRejected extends Error {
  override name = 'RowRejected';
}

/** A file that cannot be imported at all (missing columns, unreadable). */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** The value of a column, trimmed; "" when the column is absent (optional columns may be). */
export function column(row: Readonly<Record<string, string>>, name: string): string {
  return (row[name] ?? '').trim();
}

/** A column that must not be empty. @throws RowRejected */
export function requiredColumn(row: Readonly<Record<string, string>>, name: string): string {
  const value = column(row, name);
  if (value === '') throw new RowRejected(`missing ${name}`);
  return value;
}

/** A whole number >= 0 from an optional column; null when empty. @throws RowRejected */
export function countColumn(row: Readonly<Record<string, string>>, name: string): number | null {
  const text = column(row, name);
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new RowRejected(`${name} ${JSON.stringify(text)} is not a whole number`);
  return value;
}

/** Latitude and longitude in WGS84 degrees. @throws RowRejected when missing or out of range */
export function coordinates(
  row: Readonly<Record<string, string>>,
  latitudeColumn = 'latitude',
  longitudeColumn = 'longitude',
): { latitude: number; longitude: number } {
  const latitude = Number(requiredColumn(row, latitudeColumn));
  const longitude = Number(requiredColumn(row, longitudeColumn));
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw new RowRejected(`${latitudeColumn} ${JSON.stringify(column(row, latitudeColumn))} is not between -90 and 90`);
  }
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw new RowRejected(
      `${longitudeColumn} ${JSON.stringify(column(row, longitudeColumn))} is not between -180 and 180`,
    );
  }
  return { latitude, longitude };
}

/** Adds whole days to an ISO day ("2016-02-28" + 2 = "2016-03-01"). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The fuzzy start and end of an event known only to lie between two days, written no finer than
 * `precision`: each end is cut to its month or year, so the span always contains the true day and
 * never claims a day (or month) the dataset does not know. `end` is null when both ends agree.
 */
export function fuzzySpan(
  earliest: string,
  latest: string,
  precision: DatePrecision,
): { start: string; end: string | null } {
  const length = precision === 'DAY' ? 10 : precision === 'MONTH' ? 7 : 4;
  const start = earliest.slice(0, length);
  const end = latest.slice(0, length);
  return { start, end: end === start ? null : end };
}

/**
 * A lower-case ASCII slug for ids ("Hay'at Tahrir al-Sham" → "hayat-tahrir-al-sham"); a name with
 * no Latin letters (Arabic script) gets a short hash instead, so it still has a stable id.
 */
export function slug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼʿʾ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return ascii !== '' ? ascii : `x${createHash('sha256').update(name).digest('hex').slice(0, 10)}`;
}
