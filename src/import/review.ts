/**
 * The review list: actors and places an import created (reviewStatus NEEDS_REVIEW) that may be
 * actors or places the graph already has under another spelling. Imports never merge on a close
 * name; this list puts the close names before a person, ranked, with the mutation that merges
 * them once the person agrees.
 *
 * Ranking: name similarity (rankNameMatches over every name of both, so "Nour al-Din al-Zenki"
 * meets "Nour al-Din al-Zenki Movement") weighs most; co-occurrence adds to it: for actors the
 * places both fought at, for places the actors who fought at both and how close their points are.
 * Some pairs are ruled out instead: two actors that fought each other in one engagement are two,
 * and two places whose points lie more than 25 km apart are two places that share a name (Syria
 * has many). Engagements both actors fought in on one side are shown, not counted.
 */
import type { Executor } from '../db/executor.js';
import { rankNameMatches, type NameCandidate } from '../domain/names.js';
import { ACLED } from './acled.js';
import { distanceKm } from './matching.js';
import { UCDP_GED } from './ucdpGed.js';

export type ReviewEntityType = 'Actor' | 'Place';

/** Names below this similarity are not offered (rankNameMatches' own floor, 0.6, offers too much noise here). */
export const DEFAULT_MIN_NAME_SCORE = 0.8;
/** Candidates looked at per pending entity. */
const CANDIDATES_PER_ENTITY = 5;
/** Co-occurrence counts at which the bonus is full. */
const FULL_SHARED = 3;
/** Distance at which two places' points no longer count as close; beyond it they are two places. */
const CLOSE_KM = 25;

/** One suggested merge: `remove` may be `keep` under another name. */
export interface MergeSuggestion {
  entityType: ReviewEntityType;
  keep: { id: string; name: string; status: string; engagements: number };
  remove: { id: string; name: string; status: string; engagements: number; importSource: string | null };
  /** 0..1: the ranking (name similarity, plus co-occurrence). */
  score: number;
  nameScore: number;
  /** The names that matched best: keep's, then remove's. */
  matchedNames: [string, string];
  /** Engagements both actors fought in on one side, or engagements at both places. */
  sharedEngagements: number;
  /** Places both actors fought at, or actors who fought at both places. */
  sharedNeighbours: number;
  distanceKm: number | null;
}

interface PendingRow {
  entityId: string;
  name: string;
  importSource: string | null;
  reviewStatus: string;
  engagements: number;
}

interface CooccurrenceRow {
  pending: string;
  candidate: string;
  candidateName: string;
  candidateStatus: string;
  candidateEngagements: number;
  sharedEngagements: number;
  opposedEngagements: number;
  sharedNeighbours: number;
  distanceMeters: number | null;
}

/** The ranking score of a pair (see the module comment). */
export function suggestionScore(
  entityType: ReviewEntityType,
  nameScore: number,
  sharedNeighbours: number,
  kmApart: number | null,
): number {
  const shared = Math.min(1, sharedNeighbours / FULL_SHARED);
  if (entityType === 'Actor') return 0.8 * nameScore + 0.2 * shared;
  const closeness = kmApart === null ? 0 : Math.max(0, 1 - kmApart / CLOSE_KM);
  return 0.7 * nameScore + 0.15 * closeness + 0.15 * shared;
}

/** The source each import cites, by the importSource it leaves on what it creates. */
const DATASET_SOURCES = new Map([ACLED, UCDP_GED].map((dataset) => [dataset.name, dataset.source.id]));

/**
 * The merge mutation to run for a suggestion, as the API takes it (mergeActors / mergePlaces with
 * keep, remove, reason and citations). The citation offered is the dataset that named the removed
 * entity; a reviewer who knows a source saying the two are one should cite it instead.
 */
export function mergeMutation(s: MergeSuggestion): string {
  const field = s.entityType === 'Actor' ? 'mergeActors' : 'mergePlaces';
  const dataset = s.remove.importSource ?? 'import';
  const reason =
    `Review of imported names: "${s.remove.name}" (${dataset}) is ${s.keep.name} ` +
    `(name similarity ${s.nameScore.toFixed(2)}, ${s.sharedNeighbours} shared ${s.entityType === 'Actor' ? 'places' : 'actors'})`;
  const source = DATASET_SOURCES.get(dataset);
  const citation =
    source === undefined
      ? ''
      : `, citations: [{source: ${JSON.stringify(source)}, note: ${JSON.stringify(`${dataset} names it "${s.remove.name}"`)}}]`;
  return `mutation { ${field}(keep: ${JSON.stringify(s.keep.id)}, remove: ${JSON.stringify(s.remove.id)}, reason: ${JSON.stringify(reason)}${citation}) { id } }`;
}

export interface ReviewOptions {
  entityTypes?: readonly ReviewEntityType[];
  /** Lowest name similarity offered; default 0.8. */
  minNameScore?: number;
  /** Told after each pending entity is ranked. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * For places: whether two may be one by distance, so names are only ranked against places close
 * enough to count (those farther apart are ruled out anyway, and ranking every name in Syria
 * against every other is what makes a review of thousands of places slow).
 */
async function nearEnough(
  executor: Executor,
  names: readonly NameCandidate[],
): Promise<(pendingId: string, candidateId: string) => boolean> {
  const ids = [...new Set(names.map((n) => n.entityId))];
  const rows = await executor.read<{ place: { id: string; latitude: number | null; longitude: number | null } }>(
    'places-by-id',
    { ids },
  );
  const points = new Map(
    rows.map(({ place }) => [
      place.id,
      place.latitude === null || place.longitude === null
        ? null
        : { latitude: place.latitude, longitude: place.longitude },
    ]),
  );
  return (pendingId, candidateId) => {
    const [a, b] = [points.get(pendingId), points.get(candidateId)];
    return a === undefined || b === undefined || a === null || b === null || distanceKm(a, b) <= CLOSE_KM;
  };
}

/** Pairs per co-occurrence query. */
const PAIRS_PER_QUERY = 500;

interface Candidate {
  pending: PendingRow;
  candidate: string;
  score: number;
  /** The pending entity's name, then the candidate's. */
  names: [string, string];
}

/** Ranks every other name against every name of each pending entity: the best few per entity. */
function nameCandidates(
  pending: readonly PendingRow[],
  candidates: readonly NameCandidate[],
  minScore: number,
  mayBeSame: (pendingId: string, candidateId: string) => boolean,
  onRanked: () => void,
): Candidate[] {
  const namesOf = new Map<string, string[]>();
  for (const c of candidates) namesOf.set(c.entityId, [...(namesOf.get(c.entityId) ?? []), c.name]);
  const found: Candidate[] = [];
  for (const entity of pending) {
    const best = new Map<string, Candidate>();
    const others = candidates.filter((c) => c.entityId !== entity.entityId && mayBeSame(entity.entityId, c.entityId));
    for (const name of namesOf.get(entity.entityId) ?? [entity.name]) {
      for (const match of rankNameMatches(name, others, { limit: CANDIDATES_PER_ENTITY, minScore })) {
        const known = best.get(match.candidate.entityId);
        if (known === undefined || match.score > known.score) {
          best.set(match.candidate.entityId, {
            pending: entity,
            candidate: match.candidate.entityId,
            score: match.score,
            names: [name, match.candidate.name],
          });
        }
      }
    }
    found.push(...best.values());
    onRanked();
  }
  return found;
}

/** The suggestion a pair makes, or null when co-occurrence rules it out (see the module comment). */
function suggestion(
  entityType: ReviewEntityType,
  match: Candidate,
  row: CooccurrenceRow,
  pendingById: ReadonlyMap<string, PendingRow>,
): MergeSuggestion | null {
  const distanceKm = row.distanceMeters === null ? null : row.distanceMeters / 1000;
  if (row.opposedEngagements > 0 || (distanceKm !== null && distanceKm > CLOSE_KM)) return null;
  const entity = match.pending;
  const other = pendingById.get(row.candidate);
  const self = {
    id: entity.entityId,
    name: entity.name,
    status: entity.reviewStatus,
    engagements: entity.engagements,
    importSource: entity.importSource,
  };
  const candidate = {
    id: row.candidate,
    name: row.candidateName,
    status: row.candidateStatus,
    engagements: row.candidateEngagements,
    importSource: other?.importSource ?? null,
  };
  // Two pending entities: keep the one used more (then the smaller id), so the pair reads the same from both sides.
  const keepSelf =
    other !== undefined &&
    (self.engagements > candidate.engagements ||
      (self.engagements === candidate.engagements && self.id < candidate.id));
  const [keep, remove] = keepSelf ? [self, candidate] : [candidate, self];
  return {
    entityType,
    keep: { id: keep.id, name: keep.name, status: keep.status, engagements: keep.engagements },
    remove,
    score: suggestionScore(entityType, match.score, row.sharedNeighbours, distanceKm),
    nameScore: match.score,
    matchedNames: keepSelf ? match.names : [match.names[1], match.names[0]],
    sharedEngagements: row.sharedEngagements,
    sharedNeighbours: row.sharedNeighbours,
    distanceKm,
  };
}

/**
 * Every pending actor and place with the known ones it may duplicate, best first. A pair of two
 * pending entities is listed once, keeping the one used more.
 */
export async function reviewSuggestions(executor: Executor, options: ReviewOptions = {}): Promise<MergeSuggestion[]> {
  const suggestions = new Map<string, MergeSuggestion>();
  const types = options.entityTypes ?? ['Actor', 'Place'];
  const minScore = options.minNameScore ?? DEFAULT_MIN_NAME_SCORE;
  const pendingByType = await Promise.all(
    types.map((entityType) => executor.read<PendingRow>('review-pending', { entityType })),
  );
  const total = pendingByType.reduce((sum, rows) => sum + rows.length, 0);
  let done = 0;
  for (const [index, entityType] of types.entries()) {
    const pending = pendingByType[index] ?? [];
    if (pending.length === 0) continue;
    const names = await executor.read<NameCandidate>('name-candidates', { entityTypes: [entityType] });
    const mayBeSame = entityType === 'Place' ? await nearEnough(executor, names) : () => true;
    const matches = nameCandidates(pending, names, minScore, mayBeSame, () => options.onProgress?.(++done, total));
    const pendingById = new Map(pending.map((p) => [p.entityId, p]));
    const byPair = new Map(matches.map((m) => [`${m.pending.entityId}\u0000${m.candidate}`, m]));
    for (let start = 0; start < matches.length; start += PAIRS_PER_QUERY) {
      const pairs = matches
        .slice(start, start + PAIRS_PER_QUERY)
        .map((m) => ({ pending: m.pending.entityId, candidate: m.candidate }));
      for (const row of await executor.read<CooccurrenceRow>('review-cooccurrence', { entityType, pairs })) {
        const match = byPair.get(`${row.pending}\u0000${row.candidate}`);
        const made = match === undefined ? null : suggestion(entityType, match, row, pendingById);
        if (made === null) continue;
        const pairKey = [entityType, ...[made.keep.id, made.remove.id].sort()].join('\u0000');
        const listed = suggestions.get(pairKey);
        if (listed === undefined || made.score > listed.score) suggestions.set(pairKey, made);
      }
    }
  }
  return [...suggestions.values()].sort((a, b) => b.score - a.score || a.remove.id.localeCompare(b.remove.id));
}
