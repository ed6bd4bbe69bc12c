/**
 * The one name resolver: what a name typed by a person (a query argument, a filter, a CLI option)
 * or brought by a dataset stands for. Every caller goes through `resolveName`, so the policy below
 * holds everywhere a name is accepted.
 *
 * The policy for a name shared by several entities (documented in docs/names.md):
 *  0. An entity's exact id (a lower-case slug such as "khan-touman") names it, and nothing else.
 *  1. Otherwise only exact name matches count: the name's normalised key (normaliseName) equals the key of one of
 *     the entity's names (canonical, alias, dataset name). `within` narrows the candidates to the
 *     places that are, or lie in, the given place.
 *  2. One entity answers: it is the answer.
 *  3. Several answer, and exactly one of them is REVIEWED while the others were created by an import
 *     (NEEDS_REVIEW): the reviewed one is the answer, because an import's entity with a known
 *     entity's name is a duplicate awaiting review (`npm run cli -- review`), not another meaning.
 *     The others are reported as `passedOver`.
 *  4. Otherwise the name is ambiguous: nothing is chosen, and the caller answers with every
 *     candidate (id, kind, the place it lies in, review status), so the person can pass an id or a
 *     `within` place.
 *  5. None answers: nothing is chosen either; the closest names are offered as suggestions.
 * Nothing is ever picked by order or chance.
 */
import type { EntityType, ReviewStatus } from './enums.js';
import { normaliseName, rankNameMatches, type NameCandidate } from './names.js';

/** An entity one of whose names matched exactly, with what a person needs to tell it apart. */
export interface NamedEntityMatch {
  entityType: EntityType;
  id: string;
  /** Its canonical name. */
  name: string;
  /** The name of it that matched. */
  matched: string;
  kind: string;
  reviewStatus: ReviewStatus;
  /** For a place: the place it lies in directly. */
  partOf: { id: string; name: string } | null;
}

/** Where the resolver reads names from: the graph, through the executor (src/db/nameDirectory.ts). */
export interface NameDirectory {
  /** Entities of `type` with a name of normalised `key`; only places in `withinId`'s subtree when given. */
  exact(type: EntityType, key: string, withinId: string | null): Promise<NamedEntityMatch[]>;
  /** The entity of `type` with this exact id (in `withinId`'s subtree when given), or null. */
  byId(type: EntityType, id: string, withinId: string | null): Promise<NamedEntityMatch | null>;
  /** Names of the given types that `name` could be a spelling of (a superset of the close ones), for suggestions. */
  candidates(types: readonly EntityType[], name: string): Promise<NameCandidate[]>;
}

export type NameResolution =
  | { status: 'found'; entity: NamedEntityMatch; passedOver: NamedEntityMatch[] }
  | { status: 'ambiguous'; candidates: NamedEntityMatch[] }
  | { status: 'unknown'; suggestions: string[] };

/** Rule 2-4 of the policy over the exact matches of one name (deduplicated by entity id). */
export function chooseEntity(
  matches: readonly NamedEntityMatch[],
): Exclude<NameResolution, { status: 'unknown' }> | null {
  const byId = new Map<string, NamedEntityMatch>();
  for (const m of matches) if (!byId.has(m.id)) byId.set(m.id, m);
  const entities = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (entities.length === 0) return null;
  const [only] = entities;
  if (entities.length === 1 && only !== undefined) return { status: 'found', entity: only, passedOver: [] };
  const reviewed = entities.filter((e) => e.reviewStatus === 'REVIEWED');
  const [curated] = reviewed;
  if (reviewed.length === 1 && curated !== undefined) {
    return { status: 'found', entity: curated, passedOver: entities.filter((e) => e !== curated) };
  }
  return { status: 'ambiguous', candidates: entities };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `name` has the form of an id, which resolution then tries first. */
export function mayBeId(name: string): boolean {
  return SLUG.test(name);
}

/** How many suggestions an unknown name gets. */
const SUGGESTIONS = 5;

/**
 * Resolves `name` to one entity of `type` by the policy in the module comment; `withinId` (a place
 * id) restricts places to that place and the places lying in it.
 */
export async function resolveName(
  directory: NameDirectory,
  type: EntityType,
  name: string,
  options: { withinId?: string | null } = {},
): Promise<NameResolution> {
  const withinId = options.withinId ?? null;
  if (mayBeId(name)) {
    const entity = await directory.byId(type, name, withinId);
    if (entity !== null) return { status: 'found', entity, passedOver: [] };
  }
  const key = normaliseName(name);
  const chosen = key === '' ? null : chooseEntity(await directory.exact(type, key, withinId));
  if (chosen !== null) return chosen;
  const suggestions = rankNameMatches(name, await directory.candidates([type], name), { limit: SUGGESTIONS });
  return { status: 'unknown', suggestions: [...new Set(suggestions.map((m) => m.candidate.name))] };
}

/** One candidate as a person reads it: `Mansoura (mansoura-raqqa, VILLAGE in Raqqa Governorate, REVIEWED)`. */
export function describeCandidate(c: NamedEntityMatch): string {
  const where = c.partOf === null ? '' : ` in ${c.partOf.name}`;
  return `${c.name} (${c.id}, ${c.kind}${where}, ${c.reviewStatus})`;
}

/** The message for a name that is not one entity's, naming every candidate or the suggestions. */
export function unresolvedMessage(
  type: EntityType,
  name: string,
  resolution: Exclude<NameResolution, { status: 'found' }>,
): string {
  const what = type.toLowerCase();
  if (resolution.status === 'ambiguous') {
    return (
      `"${name}" names ${resolution.candidates.length} ${what}s: ` +
      `${resolution.candidates.map(describeCandidate).join('; ')}. ` +
      `Give the id${type === 'Place' ? ', or a place it lies in (within)' : ''}.`
    );
  }
  const hint = resolution.suggestions.length > 0 ? ` Did you mean: ${resolution.suggestions.join(', ')}?` : '';
  return `no ${what} is named "${name}".${hint}`;
}
