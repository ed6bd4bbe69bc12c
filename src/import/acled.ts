/**
 * ACLED event exports (CSV, one row per event) as engagements.
 *
 * Columns: event_id_cnty, event_date, year, time_precision, disorder_type, event_type,
 * sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction,
 * civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude,
 * geo_precision, source, source_scale, notes, fatalities, tags, timestamp. Required: event_id_cnty,
 * event_date, event_type, actor1, location, latitude, longitude; the others may be missing.
 *
 * Mapping, and why:
 *  - id `acled-<event_id_cnty>` (lower case): re-importing an event updates the same engagement,
 *    as ACLED itself keeps event_id_cnty when it revises an event.
 *  - Dates (ACLED codebook, time_precision): 1 = the source gives the day → DAY; 2 = only the week
 *    or weekend → the month of the coded date (both months when the week around it straddles
 *    two); 3 = only the month or a longer period → the year (both years at a year boundary). The
 *    coded date goes into dateNote; no day is claimed that ACLED does not know.
 *  - Sides: ACLED says actor1/actor2 "do not imply directionality". The graph needs a side, so
 *    actor1 is ATTACKER and actor2 DEFENDER by order (for territory changes actor1 is the actor
 *    that took the place, so there it is meaningful); assoc_actor_1/2 (";"-separated) join their
 *    actor's side as SUPPORT. Civilians (inter 7) are victims, not participants: they appear only
 *    in the casualty figure.
 *  - Kinds of new actors follow the inter codes (1 state forces, 2 rebel group, 3/4 militia, ...).
 *  - Territory changes ("Government regains territory", "Non-state actor overtakes territory",
 *    "Non-violent transfer of territory") also give actor1 CONTROLLED the place from the date.
 */
import type { ActorKind, EngagementKind } from '../domain/enums.js';
import { parseFuzzyDate } from '../domain/fuzzyDate.js';
import {
  addDays,
  column,
  coordinates,
  countColumn,
  fuzzySpan,
  requiredColumn,
  RowRejected,
  type EventDataset,
  type ImportedEvent,
  type ParticipantMention,
  type Side,
} from './events.js';
import { placeNameForms } from './matching.js';

const SOURCE_ID = 'acled';

/** Engagement kind by ACLED sub_event_type, where the graph has a word for it. */
const SUB_EVENT_KINDS: Readonly<Record<string, EngagementKind>> = {
  'armed clash': 'CLASHES',
  'government regains territory': 'RECAPTURE',
  'non-state actor overtakes territory': 'CAPTURE',
  'non-violent transfer of territory': 'TERRITORY_TRANSFER',
  'air/drone strike': 'AIR_RAID',
  'shelling/artillery/missile attack': 'SHELLING',
  'suicide bomb': 'SUICIDE_BOMBING',
  'remote explosive/landmine/ied': 'EXPLOSIVE_DEVICE',
};

/** Engagement kind by ACLED event_type, for the other sub-event types. */
const EVENT_KINDS: Readonly<Record<string, EngagementKind>> = {
  battles: 'CLASHES',
  'explosions/remote violence': 'REMOTE_VIOLENCE',
  'violence against civilians': 'ATTACK_ON_CIVILIANS',
  'strategic developments': 'STRATEGIC_DEVELOPMENT',
  protests: 'PROTEST',
  riots: 'RIOT',
};

const TERRITORY_CHANGES = new Set([
  'government regains territory',
  'non-state actor overtakes territory',
  'non-violent transfer of territory',
]);

/** ACLED actor types (inter1/inter2), as codes (older exports) or words (newer ones). */
const ACTOR_TYPES: readonly { code: string; words: string; kind: ActorKind | null }[] = [
  { code: '1', words: 'state forces', kind: 'STATE_FORCE' },
  { code: '2', words: 'rebel group', kind: 'ARMED_GROUP' },
  { code: '3', words: 'political militia', kind: 'MILITIA' },
  { code: '4', words: 'identity militia', kind: 'MILITIA' },
  { code: '5', words: 'rioters', kind: 'RIOTERS' },
  { code: '6', words: 'protesters', kind: 'PROTESTERS' },
  { code: '7', words: 'civilians', kind: null },
  { code: '8', words: 'external/other forces', kind: 'EXTERNAL_FORCE' },
];

const STATE_FORCE_NAME = /^(?:military|police) forces of /i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * ACLED's event_date as an ISO day. Exports write "2016-05-06" or "06 May 2016" (older ones also
 * "06-May-2016" or "06/05/2016", day first).
 * @throws RowRejected for anything else, or a day that does not exist.
 */
export function parseAcledDate(text: string): string {
  let iso: string | null = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
  const named = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{4})$/.exec(text);
  const numeric = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (named !== null) {
    const month = MONTHS.indexOf((named[2] ?? '').slice(0, 3).toLowerCase()) + 1;
    if (month > 0) iso = `${named[3]}-${String(month).padStart(2, '0')}-${(named[1] ?? '').padStart(2, '0')}`;
  } else if (numeric !== null) {
    iso = `${numeric[3]}-${(numeric[2] ?? '').padStart(2, '0')}-${(numeric[1] ?? '').padStart(2, '0')}`;
  }
  if (iso === null) throw new RowRejected(`event_date ${JSON.stringify(text)} is not a date (expected YYYY-MM-DD)`);
  try {
    parseFuzzyDate(iso);
  } catch {
    throw new RowRejected(`event_date ${JSON.stringify(text)} is not a real day`);
  }
  return iso;
}

/** The engagement's dates from the coded day and ACLED's time_precision (see the module comment). */
export function acledDates(day: string, timePrecision: string): Pick<ImportedEvent, 'start' | 'end' | 'dateNote'> {
  switch (timePrecision) {
    case '':
    case '1':
      return { start: day, end: null, dateNote: null };
    case '2':
      return {
        ...fuzzySpan(addDays(day, -6), addDays(day, 6), 'MONTH'),
        dateNote: `ACLED time_precision 2: the source dates the event only to a week or weekend; ACLED codes it ${day}.`,
      };
    case '3':
      return {
        ...fuzzySpan(addDays(day, -31), addDays(day, 31), 'YEAR'),
        dateNote: `ACLED time_precision 3: the source dates the event only to a month or a longer period; ACLED codes it ${day}.`,
      };
    default:
      throw new RowRejected(`time_precision ${JSON.stringify(timePrecision)} is not 1, 2 or 3`);
  }
}

/** The engagement kind of an ACLED event and sub-event type. */
export function acledKind(eventType: string, subEventType: string): EngagementKind {
  return SUB_EVENT_KINDS[subEventType.toLowerCase()] ?? EVENT_KINDS[eventType.toLowerCase()] ?? 'OTHER';
}

function actorType(inter: string): { kind: ActorKind | null; reason: string } {
  const text = inter.toLowerCase();
  const type = ACTOR_TYPES.find((t) => t.code === text || t.words === text);
  return type === undefined
    ? { kind: 'ARMED_GROUP', reason: `no ACLED actor type given (inter ${JSON.stringify(inter)})` }
    : { kind: type.kind, reason: `ACLED actor type ${type.code} (${type.words})` };
}

/** actor1 or actor2 with its associated actors; none when the actor is civilians. */
function sideOf(row: Readonly<Record<string, string>>, n: 1 | 2, side: Side): ParticipantMention[] {
  const name = column(row, `actor${n}`);
  if (name === '') return [];
  const type = actorType(column(row, `inter${n}`));
  if (type.kind === null) return [];
  const kindOf = (actor: string): ActorKind =>
    STATE_FORCE_NAME.test(actor) ? 'STATE_FORCE' : (type.kind ?? 'ARMED_GROUP');
  const associated = column(row, `assoc_actor_${n}`)
    .split(';')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  return [
    { name, side, role: null, kind: kindOf(name), kindReason: type.reason, note: `ACLED actor${n}: ${name}` },
    ...associated.map((a) => ({
      name: a,
      side,
      role: 'SUPPORT' as const,
      kind: kindOf(a),
      kindReason: `associated with actor${n}, ${type.reason}`,
      note: `ACLED assoc_actor_${n}: ${a}`,
    })),
  ];
}

const GEO_PRECISION: Readonly<Record<string, string>> = {
  '1': 'ACLED geo_precision 1 (the named location itself)',
  '2': 'ACLED geo_precision 2 (near the named location, or part of a region; the point is that location)',
  '3': 'ACLED geo_precision 3 (a larger region; the point is its centre)',
};

function toEvent(row: Readonly<Record<string, string>>): ImportedEvent {
  const eventId = requiredColumn(row, 'event_id_cnty');
  if (!/^[A-Za-z0-9_-]+$/.test(eventId)) throw new RowRejected(`event_id_cnty ${JSON.stringify(eventId)} is not an id`);
  const day = parseAcledDate(requiredColumn(row, 'event_date'));
  const year = column(row, 'year');
  if (year !== '' && year !== day.slice(0, 4)) throw new RowRejected(`event_date ${day} is not in year ${year}`);
  const dates = acledDates(day, column(row, 'time_precision'));
  const eventType = requiredColumn(row, 'event_type');
  const subEventType = column(row, 'sub_event_type');
  requiredColumn(row, 'actor1');
  const location = requiredColumn(row, 'location');
  const point = coordinates(row);
  const fatalities = countColumn(row, 'fatalities');

  const firstSide = sideOf(row, 1, 'ATTACKER');
  const participants = [...firstSide, ...sideOf(row, 2, 'DEFENDER')];
  const actor1Takes = TERRITORY_CHANGES.has(subEventType.toLowerCase()) && firstSide.length > 0;
  const actors = [column(row, 'actor1'), column(row, 'actor2')].filter((a) => a !== '').join(' vs ');
  const admin = ['admin1', 'admin2', 'admin3'].map((c) => column(row, c)).filter((a) => a !== '');
  const provenance = [
    `ACLED event ${eventId}`,
    ...['source', 'source_scale', 'tags'].map((c) => column(row, c) && `${c}: ${column(row, c)}`),
  ];
  const geoPrecision = column(row, 'geo_precision');

  return {
    eventId,
    engagementId: `acled-${eventId.toLowerCase()}`,
    title: `${subEventType || eventType}: ${actors} at ${location} (${day})`,
    kind: acledKind(eventType, subEventType),
    ...dates,
    outcome: actor1Takes ? 'ATTACKER_GAINS' : 'UNKNOWN',
    casualties:
      fatalities === null
        ? []
        : [
            {
              group: 'all sides and civilians',
              killed: fatalities,
              reported: `ACLED fatalities: ${fatalities}`,
              source: SOURCE_ID,
            },
          ],
    place: {
      name: location,
      ...placeNameForms(location),
      ...point,
      admin1: column(row, 'admin1') || null,
      kind: 'LOCALITY',
      precision: GEO_PRECISION[geoPrecision] ?? `ACLED geo_precision ${geoPrecision || 'not given'}`,
      context: admin.length > 0 ? `ACLED admin1-3: ${admin.join(' / ')}` : 'ACLED gives no administrative division',
    },
    participants,
    citation: {
      quote: column(row, 'notes') || null,
      note: provenance.filter((part) => part !== '').join('; '),
    },
    control: actor1Takes ? { participant: 0, note: `ACLED ${subEventType} (event ${eventId})` } : null,
  };
}

/** The ACLED importer: see the module comment for the mapping. */
export const ACLED: EventDataset = {
  name: 'acled',
  label: 'ACLED',
  idPrefix: 'acled',
  source: {
    id: SOURCE_ID,
    props: {
      kind: 'DATASET',
      title: 'ACLED event export',
      publisher: 'Armed Conflict Location & Event Data Project (ACLED)',
      url: 'https://acleddata.com/',
      language: 'en',
      licence:
        'ACLED Terms of Use: attribution required ("Armed Conflict Location & Event Data Project (ACLED); www.acleddata.com")',
      note:
        'Events imported with `npm run cli -- import acled FILE`; each imported engagement cites its event_id_cnty ' +
        "and quotes the event's notes. ACLED's actor1/actor2 order does not say who attacked: the import puts " +
        'actor1 as ATTACKER and actor2 as DEFENDER (for territory changes actor1 is the actor that took the place).',
    },
  },
  requiredColumns: ['event_id_cnty', 'event_date', 'event_type', 'actor1', 'location', 'latitude', 'longitude'],
  toEvent,
};
