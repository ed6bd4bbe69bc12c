/**
 * UCDP Georeferenced Event Dataset (GED) exports (CSV, one row per event) as engagements.
 *
 * Required columns: id, type_of_violence, side_a, side_b, where_coordinates, latitude, longitude,
 * date_start, date_end. Used when present: year, date_prec, where_prec, adm_1, adm_2,
 * where_description, source_article, source_headline, deaths_a, deaths_b, deaths_civilians,
 * deaths_unknown, low, best, high, event_clarity. Others (relid, geom_wkt, ...) are ignored.
 *
 * Mapping, and why (UCDP GED Codebook 19.1):
 *  - id `ucdp-ged-<id>`: re-importing changes nothing.
 *  - Dates: date_start and date_end are the earliest and latest day the event may have happened.
 *    date_prec 1 (exact day) → DAY; 2 (2-6 day range), 3 (a week) and 4 (8-30 days, or only the
 *    month) → MONTH; 5 (longer, up to a year) → YEAR. Each end is cut to that precision, so the
 *    span contains the true day and claims no day UCDP does not know; the exact range goes into
 *    dateNote.
 *  - Sides: side_a and side_b are not attacker and defender (side_a is the government in
 *    state-based conflict, the perpetrator in one-sided violence). The graph needs a side, so
 *    side_a is ATTACKER and side_b DEFENDER, and each FOUGHT_IN edge notes which UCDP side it is.
 *    A side that lists several groups ("Ahrar al-Sham, Jabhat Fateh al-Sham") gives one participant
 *    each. "Government of X" is the state X (see matching.ts). "Civilians" (one-sided violence)
 *    are victims, not participants: they appear in the casualty figures.
 *  - UCDP names a group by its later name back in time ("Jabhat Fateh al-Sham" from January 2016,
 *    before the July 2016 rename). The import links the name as written and does not infer any
 *    lineage; the pipeline notes on the edge when the date falls outside the name's known period.
 *  - Casualties: best (with low and high) for everyone, plus deaths per side, civilians and unknown.
 *  - No territory changes: GED does not code who held a place.
 */
import type { EngagementKind, PlaceKind } from '../domain/enums.js';
import { storedFuzzyDate } from '../db/storedValues.js';
import { parseFuzzyDate, type DatePrecision } from '../domain/fuzzyDate.js';
import {
  column,
  coordinates,
  countColumn,
  fuzzySpan,
  requiredColumn,
  RowRejected,
  type Casualty,
  type EventDataset,
  type ImportedEvent,
  type ParticipantMention,
  type Side,
} from './events.js';
import { placeNameForms } from './matching.js';

/** The founding dataset's source for UCDP GED 19.1 (it gives the gazetteer coordinates too). */
const SOURCE_ID = 'ucdp-ged-syria-19-1';

const VIOLENCE_TYPES: Readonly<Record<string, { label: string; kind: EngagementKind }>> = {
  '1': { label: 'State-based conflict', kind: 'CLASHES' },
  '2': { label: 'Non-state conflict', kind: 'CLASHES' },
  '3': { label: 'One-sided violence', kind: 'ATTACK_ON_CIVILIANS' },
};

const DATE_PRECISIONS: Readonly<Record<string, DatePrecision>> = {
  '1': 'DAY',
  '2': 'MONTH',
  '3': 'MONTH',
  '4': 'MONTH',
  '5': 'YEAR',
};

const WHERE_PRECISIONS: Readonly<Record<string, string>> = {
  '1': 'exact location',
  '2': 'within about 25 km of this point',
  '3': 'a second-order administrative division; the point is its centre',
  '4': 'a first-order administrative division; the point is its centre',
  '5': 'a linear feature or border region',
  '6': 'only the country is known',
  '7': 'international waters or airspace',
};

const PLACE_KIND_WORDS: Readonly<Record<string, PlaceKind>> = {
  town: 'TOWN',
  village: 'VILLAGE',
  city: 'CITY',
  suburb: 'NEIGHBOURHOOD',
  district: 'DISTRICT',
  governorate: 'GOVERNORATE',
};

const GOVERNMENT = /^Government of /i;

function day(row: Readonly<Record<string, string>>, name: string): string {
  const text = requiredColumn(row, name);
  try {
    if (parseFuzzyDate(text).precision === 'DAY') return text;
  } catch {
    // reported below, with the column's name
  }
  throw new RowRejected(`${name} ${JSON.stringify(text)} is not a day (expected YYYY-MM-DD)`);
}

/** The engagement's dates from date_start, date_end and date_prec (see the module comment). */
export function ucdpDates(
  start: string,
  end: string,
  datePrecision: string,
): Pick<ImportedEvent, 'start' | 'end' | 'dateNote'> {
  const precision = datePrecision === '' ? (start === end ? 'DAY' : 'MONTH') : DATE_PRECISIONS[datePrecision];
  if (precision === undefined) throw new RowRejected(`date_prec ${JSON.stringify(datePrecision)} is not 1 to 5`);
  const uncertain = precision !== 'DAY' && start !== end;
  return {
    ...fuzzySpan(start, end, precision),
    dateNote: uncertain
      ? `UCDP GED date_prec ${datePrecision || 'not given'}: the event happened on a day between ${start} and ${end}.`
      : null,
  };
}

function sideOf(
  row: Readonly<Record<string, string>>,
  sideColumn: 'side_a' | 'side_b',
  side: Side,
  violence: string,
): ParticipantMention[] {
  const text = requiredColumn(row, sideColumn);
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(
      (name) => name !== '' && !(violence === '3' && sideColumn === 'side_b' && name.toLowerCase() === 'civilians'),
    )
    .map((name) => {
      const government = GOVERNMENT.test(name);
      const reason = government
        ? 'UCDP names a government'
        : violence === '3'
          ? 'UCDP one-sided violence, the perpetrator'
          : `UCDP ${VIOLENCE_TYPES[violence]?.label.toLowerCase() ?? 'conflict'}, a non-state side`;
      return {
        name,
        side,
        role: null,
        kind: government ? 'STATE' : 'ARMED_GROUP',
        kindReason: reason,
        note: `UCDP ${sideColumn}: ${text}`,
      };
    });
}

function casualties(row: Readonly<Record<string, string>>): Casualty[] {
  const [best, low, high] = [countColumn(row, 'best'), countColumn(row, 'low'), countColumn(row, 'high')];
  const figures: Casualty[] = [];
  if (best !== null) {
    const range = low !== null && high !== null ? ` (low ${low}, high ${high})` : '';
    figures.push({
      group: 'all sides and civilians',
      killed: best,
      reported: `UCDP best estimate ${best}${range}`,
      source: SOURCE_ID,
    });
  }
  const groups = [
    ['deaths_a', column(row, 'side_a')],
    ['deaths_b', column(row, 'side_b')],
    ['deaths_civilians', 'civilians'],
    ['deaths_unknown', 'unknown'],
  ] as const;
  for (const [name, group] of groups) {
    const killed = countColumn(row, name);
    if (killed !== null && killed > 0)
      figures.push({ group, killed, reported: `UCDP ${name}: ${killed}`, source: SOURCE_ID });
  }
  return figures;
}

function toEvent(row: Readonly<Record<string, string>>): ImportedEvent {
  const eventId = requiredColumn(row, 'id');
  if (!/^\d+$/.test(eventId)) throw new RowRejected(`id ${JSON.stringify(eventId)} is not a UCDP event id`);
  const violence = requiredColumn(row, 'type_of_violence');
  const type = VIOLENCE_TYPES[violence];
  if (type === undefined) throw new RowRejected(`type_of_violence ${JSON.stringify(violence)} is not 1, 2 or 3`);
  const [start, end] = [day(row, 'date_start'), day(row, 'date_end')];
  if (end < start) throw new RowRejected(`date_end ${end} is before date_start ${start}`);
  const year = column(row, 'year');
  if (year !== '' && year !== start.slice(0, 4)) throw new RowRejected(`date_start ${start} is not in year ${year}`);
  const where = requiredColumn(row, 'where_coordinates');
  const point = coordinates(row);
  const participants = [...sideOf(row, 'side_a', 'ATTACKER', violence), ...sideOf(row, 'side_b', 'DEFENDER', violence)];

  const wherePrecision = column(row, 'where_prec');
  const kindWord = /\s(\w+)$/.exec(where)?.[1]?.toLowerCase() ?? '';
  const context = ['adm_1', 'adm_2', 'where_description']
    .map((c) => column(row, c) && `${c} ${column(row, c)}`)
    .filter((c) => c !== '');
  const dates = ucdpDates(start, end, column(row, 'date_prec'));
  const versus = violence === '3' ? 'against' : 'vs';
  const sourceArticle = column(row, 'source_article');
  const clarity = column(row, 'event_clarity') === '2' ? 'event_clarity 2 (a summary, or ambiguous reporting)' : '';

  return {
    eventId,
    engagementId: `ucdp-ged-${eventId}`,
    title: `${type.label}: ${column(row, 'side_a')} ${versus} ${column(row, 'side_b')} at ${where} (${start === end ? start : `${start} to ${end}`})`,
    kind: type.kind,
    ...dates,
    outcome: 'UNKNOWN',
    casualties: casualties(row),
    place: {
      name: where,
      ...placeNameForms(where),
      ...point,
      admin1: column(row, 'adm_1') || null,
      kind: wherePrecision === '6' ? 'COUNTRY' : (PLACE_KIND_WORDS[kindWord] ?? 'LOCALITY'),
      precision: `UCDP GED where_prec ${wherePrecision || '?'} (${WHERE_PRECISIONS[wherePrecision] ?? 'not given'})`,
      context: context.length > 0 ? `UCDP ${context.join(', ')}` : 'UCDP gives no administrative division',
    },
    participants,
    citation: {
      quote: column(row, 'source_headline') || sourceArticle || null,
      note: [`UCDP GED event ${eventId}`, sourceArticle && `source_article: ${sourceArticle}`, clarity]
        .filter((part) => part !== '')
        .join('; '),
    },
    control: null,
  };
}

/** The UCDP GED importer: see the module comment for the mapping. */
export const UCDP_GED: EventDataset = {
  name: 'ucdp-ged',
  label: 'UCDP GED',
  idPrefix: 'ucdp',
  source: {
    id: SOURCE_ID,
    // Only used when the graph lacks the founding dataset's source node; never overwrites it.
    props: {
      kind: 'DATASET',
      title: 'UCDP Georeferenced Event Dataset (GED) 19.1',
      publisher: 'Uppsala Conflict Data Program (UCDP), Uppsala University',
      url: 'https://ucdp.uu.se/downloads/',
      ...storedFuzzyDate('published', '2019'),
      language: 'en',
      licence: 'CC BY 4.0',
      note:
        'Cite as: Sundberg, Ralph and Erik Melander (2013), "Introducing the UCDP Georeferenced Event Dataset", ' +
        'Journal of Peace Research 50(4); and the UCDP GED Codebook version 19.1.',
    },
  },
  requiredColumns: [
    'id',
    'type_of_violence',
    'side_a',
    'side_b',
    'where_coordinates',
    'latitude',
    'longitude',
    'date_start',
    'date_end',
  ],
  toEvent,
};
