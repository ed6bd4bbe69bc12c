/**
 * Matching the names an event dataset uses to the actors and places the graph already knows.
 *
 * Actors: a name is looked up by exact name key (normaliseName) under the spellings the datasets'
 * own naming conventions imply: the name as given, without a trailing qualifier in brackets
 * ("Islamic State (Syria)", "Military Forces of Syria (2000-)"), either half of "NDF: National
 * Defence Forces", and, for a government or its military ("Government of Syria", "Military Forces
 * of Syria"), the state itself (an actor of kind STATE). The first spelling that names one known
 * actor by the domain's policy for shared names (src/domain/nameResolution.ts: one entity, or one
 * reviewed entity among import-created ones) wins; an ambiguous name matches nothing. Any other name becomes a new actor flagged NEEDS_REVIEW: a close but different
 * name is never merged here by a guess; `cli review` ranks such candidates for a person to decide.
 *
 * Places: a name key match counts only when the two places are near each other (within a distance
 * that grows with the known place's size), or, for a known place without coordinates, when the
 * dataset puts the event in a governorate the known place lies in. Place names repeat across Syria
 * (two Bashkuy villages in Aleppo governorate, a Mansoura in Aleppo and one in Hama), so a name
 * alone never matches. Anything else becomes a new place at the dataset's point, flagged
 * NEEDS_REVIEW, and PART_OF its governorate when the graph knows that governorate.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../db/executor.js';
import type { ReviewStatus } from '../domain/enums.js';
import { chooseEntity } from '../domain/nameResolution.js';
import { normaliseName } from '../domain/names.js';
import { slug, type EventDataset, type ParticipantMention, type PlaceMention } from './events.js';

// ---------------------------------------------------------------- actor names

const QUALIFIER = /\s*\([^()]*\)\s*$/;
const ABBREVIATED = /^([^\s:]{2,12}):\s+(.+)$/;
const STATE_NAME = /^(?:Government|Military Forces) of (?:the )?(.+)$/i;

/** The spellings under which a dataset's actor name is looked up, most literal first. */
export interface ActorNameForms {
  spellings: string[];
  /** The state a government or its military stands for ("Syria"), matched only to a STATE actor. */
  state: string | null;
}

/** See the module comment for the rules. */
export function actorNameForms(name: string): ActorNameForms {
  const spellings: string[] = [name.trim()];
  let bare = name.trim();
  while (QUALIFIER.test(bare) && bare.replace(QUALIFIER, '') !== '') bare = bare.replace(QUALIFIER, '');
  spellings.push(bare);
  const abbreviated = ABBREVIATED.exec(bare);
  if (abbreviated !== null) spellings.push(abbreviated[2] ?? '', abbreviated[1] ?? '');
  const state = STATE_NAME.exec(bare)?.[1]?.trim() ?? null;
  return { spellings: [...new Set(spellings.filter((s) => s !== ''))], state };
}

// ---------------------------------------------------------------- place names

const SETTLEMENT_WORD = /\s+(?:town|village|city|suburb|neighbou?rhood|quarter|hamlet)$/i;
const ADMIN_WORD = /^(?:muhafazat|mohafazat)\s+|\s+(?:governorate|province|muhafazah)$/gi;

/** Lookup spellings and display name of a dataset's place name: "Khan Tuman town" is also "Khan Tuman". */
export function placeNameForms(name: string): { lookupNames: string[]; displayName: string } {
  const trimmed = name.trim();
  const displayName = trimmed.replace(SETTLEMENT_WORD, '') || trimmed;
  return { lookupNames: [...new Set([trimmed, displayName])], displayName };
}

/** Key of a governorate's name without the word for governorate: "Aleppo Governorate" = "Aleppo". */
export function regionKey(name: string): string {
  return normaliseName(name.replace(ADMIN_WORD, ''));
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * How far (km) a dataset's point may lie from a known place of this kind and still be that place:
 * about 10 km for a town or village (datasets and gazetteers put the point in different spots),
 * more for places that are themselves large.
 */
export function matchRadiusKm(kind: string): number {
  switch (kind) {
    case 'COUNTRY':
      return 400;
    case 'GOVERNORATE':
      return 100;
    case 'REGION':
      return 40;
    case 'CITY':
      return 20;
    default:
      return 10;
  }
}

/** A known place with the same name key as a mention. */
export interface PlaceCandidate {
  placeId: string;
  kind: string;
  latitude: number | null;
  longitude: number | null;
  /** Region keys of the governorates it lies in (or is). */
  regions: string[];
}

/**
 * The id of the known place a mention refers to, or null: the candidate nearest (relative to its
 * match radius) among those within their radius; failing that, the one candidate without
 * coordinates in the mention's governorate. See the module comment.
 */
export function choosePlace(
  mention: Pick<PlaceMention, 'latitude' | 'longitude' | 'admin1'>,
  candidates: readonly PlaceCandidate[],
): string | null {
  let best: { placeId: string; ratio: number } | null = null;
  for (const c of candidates) {
    if (c.latitude === null || c.longitude === null) continue;
    const ratio = distanceKm(mention, { latitude: c.latitude, longitude: c.longitude }) / matchRadiusKm(c.kind);
    if (ratio <= 1 && (best === null || ratio < best.ratio)) best = { placeId: c.placeId, ratio };
  }
  if (best !== null) return best.placeId;
  if (mention.admin1 === null) return null;
  const region = regionKey(mention.admin1);
  const inRegion = candidates.filter((c) => c.latitude === null && c.regions.includes(region));
  return inRegion.length === 1 ? (inRegion[0]?.placeId ?? null) : null;
}

// ---------------------------------------------------------------- resolvers

/** Entries kept in a resolver's memo before it is emptied, so memory stays bounded on huge files. */
const MEMO_LIMIT = 100_000;

function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 6);
}

/** What an actor name resolved to. Shared by every mention of the name in the run. */
export interface ActorMatch {
  actorId: string;
  /** True when this import creates the actor. */
  created: boolean;
  /** The known name it matched, and the period that name belongs to (earliest/latest days). */
  alias: string | null;
  aliasFrom: string | null;
  aliasTo: string | null;
}

/** An actor this import creates. */
export interface NewActor {
  match: ActorMatch;
  name: string;
  kind: string;
  /** Every spelling it answers to, one alias node each. */
  aliases: string[];
  /** The event that first named it. */
  eventId: string;
  /** Why it got its kind, for its description. */
  kindReason: string;
}

interface ActorRow {
  key: string;
  actorId: string;
  kind: string;
  reviewStatus: ReviewStatus;
  alias: string;
  aliasFrom: string | null;
  aliasTo: string | null;
  /** The sources that name has. */
  sources: string[];
}

/**
 * Resolves the actor names of one batch after another: `prepare` reads every name key not seen
 * before in one query, then `resolve` answers each mention without further reads. Actors created
 * by the run are remembered by key, so later mentions (and later batches) link to them.
 */
export class ActorResolver {
  private readonly byName = new Map<string, ActorMatch>();
  private readonly createdByKey = new Map<string, ActorMatch>();
  private readonly createdIds = new Set<string>();
  /** Known actors' dataset names written or found this run, as `actorId NUL name`. */
  private readonly datasetNames = new Set<string>();
  private known = new Map<string, ActorRow[]>();
  private fresh: NewActor[] = [];

  constructor(
    private readonly executor: Executor,
    private readonly dataset: EventDataset,
  ) {}

  /** Reads the known actors behind every name of `mentions` not resolved before. */
  async prepare(mentions: readonly ParticipantMention[]): Promise<void> {
    // Emptied together: a name not in `byName` is read again, and with it whether the graph has it.
    if (this.byName.size > MEMO_LIMIT || this.datasetNames.size > MEMO_LIMIT) {
      this.byName.clear();
      this.datasetNames.clear();
    }
    const keys = new Set<string>();
    for (const { name } of mentions) {
      if (this.byName.has(name)) continue;
      const forms = actorNameForms(name);
      for (const spelling of [...forms.spellings, ...(forms.state === null ? [] : [forms.state])]) {
        const key = normaliseName(spelling);
        if (key !== '' && !this.createdByKey.has(key)) keys.add(key);
      }
    }
    this.known = new Map();
    if (keys.size === 0) return;
    for (const row of await this.executor.read<ActorRow>('import-actor-matches', { keys: [...keys] })) {
      this.known.set(row.key, [...(this.known.get(row.key) ?? []), row]);
    }
  }

  /** The actor a mention names: a known one, or a new one created by this import. */
  resolve(mention: ParticipantMention, eventId: string): ActorMatch {
    const memo = this.byName.get(mention.name);
    if (memo !== undefined) return memo;
    const forms = actorNameForms(mention.name);
    let match: ActorMatch | null = null;
    for (const spelling of forms.spellings) {
      match = this.lookup(normaliseName(spelling), null);
      if (match !== null) break;
    }
    if (match === null && forms.state !== null) match = this.lookup(normaliseName(forms.state), 'STATE');
    match ??= this.create(mention, forms, eventId);
    this.byName.set(mention.name, match);
    return match;
  }

  /**
   * Whether a known actor still lacks the dataset's `name` for it as a name citing the dataset:
   * false when the graph has that spelling with the dataset among its sources, or when an earlier
   * batch of this run wrote it. Asked once a mention; rewriting a name that is there changes
   * nothing but costs a write per mention.
   */
  lacksDatasetName(match: ActorMatch, name: string): boolean {
    const seen = `${match.actorId}\u0000${name}`;
    if (this.datasetNames.has(seen)) return false;
    this.datasetNames.add(seen);
    const rows = this.known.get(normaliseName(name)) ?? [];
    const source = this.dataset.source.id;
    return !rows.some((r) => r.actorId === match.actorId && r.alias === name && r.sources.includes(source));
  }

  /** The actors created since the last call, to be written with the batch that first names them. */
  takeNew(): NewActor[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }

  /** Gives a new actor another id when its id is taken by a different actor in the graph. */
  renameTaken(actor: NewActor): void {
    this.createdIds.delete(actor.match.actorId);
    actor.match.actorId = `${actor.match.actorId}-${keyHash(normaliseName(actor.name))}`;
    this.createdIds.add(actor.match.actorId);
  }

  private lookup(key: string, kind: string | null): ActorMatch | null {
    if (key === '') return null;
    const created = this.createdByKey.get(key);
    if (created !== undefined) return kind === null ? created : null;
    const candidates = (this.known.get(key) ?? []).filter((row) => kind === null || row.kind === kind);
    const chosen = chooseEntity(
      candidates.map((r) => ({
        entityType: 'Actor',
        id: r.actorId,
        name: r.alias,
        matched: r.alias,
        kind: r.kind,
        reviewStatus: r.reviewStatus,
        partOf: null,
      })),
    );
    // Several known actors answering to one name: not ours to choose.
    if (chosen?.status !== 'found') return null;
    const rows = candidates.filter((r) => r.actorId === chosen.entity.id);
    // A name with a known period is the more telling match: it lets the FOUGHT_IN note say so.
    const row = rows.find((r) => r.aliasFrom !== null || r.aliasTo !== null) ?? rows[0];
    if (row === undefined) return null;
    return { actorId: row.actorId, created: false, alias: row.alias, aliasFrom: row.aliasFrom, aliasTo: row.aliasTo };
  }

  private create(mention: ParticipantMention, forms: ActorNameForms, eventId: string): ActorMatch {
    const name = mention.name.trim();
    let id = `${this.dataset.idPrefix}-actor-${slug(name)}`;
    if (this.createdIds.has(id)) id = `${id}-${keyHash(normaliseName(name))}`;
    this.createdIds.add(id);
    const match: ActorMatch = { actorId: id, created: true, alias: null, aliasFrom: null, aliasTo: null };
    for (const spelling of forms.spellings) {
      const key = normaliseName(spelling);
      if (key !== '' && !this.createdByKey.has(key)) this.createdByKey.set(key, match);
    }
    this.fresh.push({
      match,
      name,
      kind: mention.kind,
      aliases: forms.spellings,
      eventId,
      kindReason: mention.kindReason,
    });
    return match;
  }
}

/** What a place mention resolved to. Shared by every mention of the place in the run. */
export interface PlaceMatch {
  placeId: string;
  /** True when this import creates the place. */
  created: boolean;
}

/** A place this import creates. */
export interface NewPlace {
  match: PlaceMatch;
  mention: PlaceMention;
  /** The known governorate it lies in, when the graph has it. */
  partOf: string | null;
  eventId: string;
}

interface PlaceRow {
  key: string;
  placeId: string;
  kind: string;
  latitude: number | null;
  longitude: number | null;
  regions: string[];
}

/** Resolves place mentions batch by batch, like ActorResolver (see the module comment for the rules). */
export class PlaceResolver {
  private readonly byMention = new Map<string, PlaceMatch>();
  private readonly createdByKey = new Map<string, (PlaceCandidate & { match: PlaceMatch })[]>();
  private readonly createdIds = new Set<string>();
  private known = new Map<string, PlaceCandidate[]>();
  private fresh: NewPlace[] = [];

  constructor(
    private readonly executor: Executor,
    private readonly dataset: EventDataset,
  ) {}

  /** Reads the known places behind every place name (and governorate) of `mentions` not resolved before. */
  async prepare(mentions: readonly PlaceMention[]): Promise<void> {
    if (this.byMention.size > MEMO_LIMIT) this.byMention.clear();
    const keys = new Set<string>();
    for (const mention of mentions) {
      if (this.byMention.has(memoKey(mention))) continue;
      for (const name of [...mention.lookupNames, ...governorateSpellings(mention.admin1)]) {
        const key = normaliseName(name);
        if (key !== '') keys.add(key);
      }
    }
    this.known = new Map();
    if (keys.size === 0) return;
    for (const row of await this.executor.read<PlaceRow>('import-place-matches', { keys: [...keys] })) {
      const candidate: PlaceCandidate = { ...row, regions: row.regions.map(regionKey) };
      this.known.set(row.key, [...(this.known.get(row.key) ?? []), candidate]);
    }
  }

  /** The place a mention names: a known one, or a new one created by this import. */
  resolve(mention: PlaceMention, eventId: string): PlaceMatch {
    const memo = this.byMention.get(memoKey(mention));
    if (memo !== undefined) return memo;
    const keys = mention.lookupNames.map(normaliseName).filter((key) => key !== '');
    let match: PlaceMatch | null = null;
    for (const key of keys) {
      const created = this.createdByKey.get(key) ?? [];
      const chosen = choosePlace(mention, [...created, ...(this.known.get(key) ?? [])]);
      if (chosen !== null) {
        match = created.find((c) => c.placeId === chosen)?.match ?? { placeId: chosen, created: false };
        break;
      }
    }
    match ??= this.create(mention, keys, eventId);
    this.byMention.set(memoKey(mention), match);
    return match;
  }

  /** The places created since the last call, to be written with the batch that first names them. */
  takeNew(): NewPlace[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }

  /** Gives a new place another id when its id is taken by a different place in the graph. */
  renameTaken(place: NewPlace): void {
    this.createdIds.delete(place.match.placeId);
    place.match.placeId = `${place.match.placeId}-${keyHash(normaliseName(place.mention.name))}`;
    this.createdIds.add(place.match.placeId);
  }

  private create(mention: PlaceMention, keys: readonly string[], eventId: string): PlaceMatch {
    const { latitude, longitude } = mention;
    const point = `${Math.abs(latitude).toFixed(4)}${latitude < 0 ? 's' : 'n'}-${Math.abs(longitude).toFixed(4)}${longitude < 0 ? 'w' : 'e'}`;
    let id = `${this.dataset.idPrefix}-place-${slug(mention.displayName)}-${point}`;
    if (this.createdIds.has(id)) id = `${id}-${keyHash(keys[0] ?? mention.name)}`;
    this.createdIds.add(id);
    const match: PlaceMatch = { placeId: id, created: true };
    const candidate = { placeId: id, kind: mention.kind, latitude, longitude, regions: [], match };
    for (const key of keys) this.createdByKey.set(key, [...(this.createdByKey.get(key) ?? []), candidate]);
    this.fresh.push({ match, mention, partOf: this.governorateOf(mention), eventId });
    return match;
  }

  /** The known governorate a dataset's admin1 names, when exactly one answers to it. */
  private governorateOf(mention: PlaceMention): string | null {
    if (mention.admin1 === null || mention.kind === 'GOVERNORATE' || mention.kind === 'COUNTRY') return null;
    const ids = new Set<string>();
    for (const name of governorateSpellings(mention.admin1)) {
      for (const c of this.known.get(normaliseName(name)) ?? []) if (c.kind === 'GOVERNORATE') ids.add(c.placeId);
    }
    return ids.size === 1 ? ([...ids][0] ?? null) : null;
  }
}

function memoKey(mention: PlaceMention): string {
  return `${mention.name}\u0000${mention.latitude}\u0000${mention.longitude}\u0000${mention.admin1 ?? ''}`;
}

/** How a governorate named by a dataset may be written in the graph ("Aleppo" → "Aleppo Governorate"). */
function governorateSpellings(admin1: string | null): string[] {
  if (admin1 === null) return [];
  const bare = admin1.replace(ADMIN_WORD, '').trim();
  return [...new Set([admin1, bare, `${bare} Governorate`])];
}
