/**
 * Per-request DataLoaders: every relationship field reads through one of these, so a request
 * sends one query per field level whatever the number of results (no N+1).
 */
import { AffiliationKind } from '../domain/enums.js';
import { isNodeFactType } from '../domain/facts.js';
import DataLoader from 'dataloader';
import type { Executor } from '../db/executor.js';
import type { RequestReads } from './context.js';
import type { QueryName } from '../db/queries.js';
import type {
  ActorRow,
  CitationRow,
  EdgeRow,
  EngagementPage,
  EngagementRow,
  NameRow,
  ParticipationRow,
  PlaceRow,
  SourceRow,
  WeaponRow,
} from '../db/rows.js';

/** Which edges an actor field reads, and in which direction. */
export const ACTOR_RELATION_KINDS = {
  memberships: { types: ['MEMBER_OF'], direction: 'OUT' },
  members: { types: ['MEMBER_OF'], direction: 'IN' },
  alliances: { types: ['ALLIED_WITH'], direction: 'BOTH' },
  sponsors: { types: ['SPONSORED_BY'], direction: 'OUT' },
  sponsoring: { types: ['SPONSORED_BY'], direction: 'IN' },
  affiliations: { types: AffiliationKind.options, direction: 'BOTH' },
  control: { types: ['CONTROLLED'], direction: 'OUT' },
} as const;
export type ActorRelationKind = keyof typeof ACTOR_RELATION_KINDS;

export interface ActorRelationKey {
  id: string;
  kind: ActorRelationKind;
  asOf: string | null;
}

/** One engagement query: the conditions, already resolved to ids, and the page wanted. */
export interface EngagementFilterKey {
  actorIds: string[] | null;
  placeId: string | null;
  near: { latitude: number; longitude: number; meters: number } | null;
  from: string | null;
  to: string | null;
  kinds: string[] | null;
  contested: boolean | null;
  offset: number;
  limit: number;
  /** Whether the request reads the page's places and participants, which then come with the page. */
  withPlaces: boolean;
  withParticipants: boolean;
}

/** A list of an entity's: the first `first` of it, or all when null. */
export interface FirstOfKey {
  id: string;
  first: number | null;
}

/** A list cut to a key's `first`, and how long the whole list is. */
export interface CountedList<T> {
  count: number;
  items: T[];
}

const firstOfKey = (k: FirstOfKey): string => `${k.id}|${k.first ?? 'all'}`;

/** The LIMIT that stands for "all" (LIMIT needs a number): more than a graph holds. */
const ALL_ITEMS = 2 ** 31 - 1;

export interface FactKey {
  factType: string;
  factId: string;
}

function byId<T extends { id: string }>(
  executor: Executor,
  query: QueryName,
  column: string,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await executor.read(query, { ids: [...ids] });
    const found = new Map(rows.map((row) => [(row[column] as T).id, row[column] as T]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * Groups rows of a batched query by one column, in the order the query returned them. `extraParams`
 * is called when a batch runs, so what it reads from the request is current then.
 */
function grouped<T>(
  executor: Executor,
  query: QueryName,
  keyColumn: string,
  value: (row: Record<string, unknown>) => T,
  extraParams: () => Record<string, unknown> = () => ({}),
): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const rows = await executor.read(query, { ids: [...ids], ...extraParams() });
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = row[keyColumn] as string;
      const list = groups.get(key) ?? [];
      list.push(value(row));
      groups.set(key, list);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/**
 * Lists read with their length: `query` takes $ids and $limit and returns, per id, `count` and the
 * first $limit items in `column`. One read per batch, each id once: a page and a count of the same
 * list (a count alone asks for 0 items) are cut from the batch's longest, since LIMIT takes no
 * variable. `seen` is given each item, to prime other loaders.
 */
function countedLists<T>(
  executor: Executor,
  query: QueryName,
  column: string,
  seen: (items: T[]) => void = () => undefined,
  extraParams: () => Record<string, unknown> = () => ({}),
): DataLoader<FirstOfKey, CountedList<T>, string> {
  return new DataLoader(
    async (keys) => {
      const limit = keys.some((k) => k.first === null) ? ALL_ITEMS : Math.max(...keys.map((k) => k.first ?? 0));
      const rows = await executor.read(query, { ids: [...new Set(keys.map((k) => k.id))], limit, ...extraParams() });
      const found = new Map<string, CountedList<T>>();
      for (const row of rows) {
        const items = row[column] as T[];
        seen(items);
        found.set(row['id'] as string, { count: row['count'] as number, items });
      }
      return keys.map((k) => {
        const list = found.get(k.id) ?? { count: 0, items: [] };
        return k.first === null ? list : { count: list.count, items: list.items.slice(0, k.first) };
      });
    },
    { cacheKeyFn: firstOfKey },
  );
}

/** A FOUGHT_IN row as the resolvers read it; absent properties are null. */
function participationOf(row: Record<string, unknown>): ParticipationRow {
  return {
    actorId: row['actorId'] as string,
    side: row['side'] as ParticipationRow['side'],
    role: (row['role'] as ParticipationRow['role']) ?? null,
    note: (row['note'] as string | null) ?? null,
    inferredFrom: (row['inferredFrom'] as string | null) ?? null,
  };
}

/**
 * Rows a statement returned alongside its own answer are put where a later field would look for them.
 * A brief row (cypher/rows/*-brief.cypher) lacks columns of the full one; it is returned only to a
 * request that asks no field of its type needing them (briefRows.ts), so none is read.
 */
function primeAll<T extends { id: string }>(loader: DataLoader<string, T | null>, rows: readonly (T | null)[]): void {
  for (const row of rows) if (row !== null) loader.prime(row.id, row);
}

export function createLoaders(executor: Executor, reads: RequestReads) {
  const actor = byId<ActorRow>(executor, 'actors-by-id', 'actor');
  const place = byId<PlaceRow>(executor, 'places-by-id', 'place');
  const engagement = byId<EngagementRow>(executor, 'engagements-by-id', 'engagement');
  // The rows of the actors and places come with the links, so the fields below them read no further.
  const participants = grouped<ParticipationRow>(
    executor,
    'engagement-participants',
    'engagementId',
    (r) => {
      primeAll(actor, [r['actor'] as ActorRow]);
      return participationOf(r);
    },
    () => ({ brief: reads.brief }),
  );
  const engagementPlaces = grouped<string>(
    executor,
    'engagement-places',
    'engagementId',
    (r) => {
      primeAll(place, [r['place'] as PlaceRow]);
      return r['placeId'] as string;
    },
    () => ({ brief: reads.brief }),
  );
  return {
    actor,
    place,
    engagement,
    participants,
    engagementPlaces,
    source: byId<SourceRow>(executor, 'sources-by-id', 'source'),
    weapon: byId<WeaponRow>(executor, 'weapons-by-id', 'weapon'),
    actorNames: grouped<NameRow>(
      executor,
      'names-of',
      'entityId',
      (r) => r['name'] as NameRow,
      () => ({
        entityType: 'Actor',
      }),
    ),
    placeNames: grouped<NameRow>(
      executor,
      'names-of',
      'entityId',
      (r) => r['name'] as NameRow,
      () => ({
        entityType: 'Place',
      }),
    ),
    lineage: new DataLoader<string, EdgeRow[]>(async (ids) => {
      const rows = await executor.read<{
        actorId: string;
        actor: ActorRow;
        links: { edge: EdgeRow; fromActor: ActorRow; toActor: ActorRow }[];
      }>('actor-lineage', { ids: [...ids], brief: reads.brief });
      const chains = new Map<string, EdgeRow[]>();
      for (const row of rows) {
        chains.set(
          row.actorId,
          row.links.map((link) => link.edge),
        );
        primeAll(actor, [row.actor, ...row.links.flatMap((link) => [link.fromActor, link.toActor])]);
      }
      return ids.map((id) => chains.get(id) ?? []);
    }),
    placeControl: grouped<EdgeRow>(executor, 'place-control', 'placeId', (r) => r['edge'] as EdgeRow),
    placeParts: countedLists<PlaceRow>(
      executor,
      'place-parts',
      'parts',
      (parts) => primeAll(place, parts),
      () => ({ brief: reads.brief }),
    ),
    phases: grouped<string>(executor, 'engagement-phases', 'engagementId', (r) => r['phaseId'] as string),
    sourceCitations: countedLists<CitationRow>(executor, 'citations-of-sources', 'citations'),

    /** Citations of facts; a fact is named by its type and id, since ids are unique per type only. */
    citations: new DataLoader<FactKey, CitationRow[], string>(
      async (facts) => {
        const rows = await executor.read<{ citation: CitationRow }>('citations-of-facts', { facts: [...facts] });
        const groups = new Map<string, CitationRow[]>();
        for (const { citation } of rows) {
          const key = factKey(citation);
          groups.set(key, [...(groups.get(key) ?? []), citation]);
        }
        return facts.map((f) => groups.get(factKey(f)) ?? []);
      },
      { cacheKeyFn: factKey },
    ),

    /** Edges touching actors, with the actor or place at the other end; every kind asked in one query. */
    actorRelations: new DataLoader<ActorRelationKey, EdgeRow[], string>(
      async (keys) => {
        const rows = await executor.read<{
          key: string;
          actor: ActorRow;
          relations: { edge: EdgeRow; otherActor: ActorRow | null; otherPlace: PlaceRow | null }[];
        }>('actor-relations', {
          keys: keys.map((k) => ({ key: relationKey(k), id: k.id, asOf: k.asOf, ...ACTOR_RELATION_KINDS[k.kind] })),
          brief: reads.brief,
        });
        const results = new Map<string, EdgeRow[]>();
        for (const row of rows) {
          results.set(
            row.key,
            row.relations.map((relation) => relation.edge),
          );
          primeAll(actor, [row.actor, ...row.relations.map((relation) => relation.otherActor)]);
          primeAll(
            place,
            row.relations.map((relation) => relation.otherPlace),
          );
        }
        return keys.map((k) => results.get(relationKey(k)) ?? []);
      },
      { cacheKeyFn: relationKey },
    ),

    /**
     * One page per filter, all filters of a field level in one query; the page's engagements, and
     * their places and participants when the filter asks, come with it.
     */
    engagementPages: new DataLoader<EngagementFilterKey, EngagementPage, string>(
      async (filters) => {
        const keyed = filters.map((f) => ({ ...f, key: JSON.stringify(f) }));
        const rows = await executor.read<{
          key: string;
          totalCount: number;
          engagements: EngagementRow[];
          places: { engagementId: string; placeIds: string[] }[] | null;
          placeRows: PlaceRow[] | null;
          participants: { engagementId: string; participants: Record<string, unknown>[] }[] | null;
          actorRows: ActorRow[] | null;
        }>('engagements-page', {
          filters: keyed,
          pageEnd: Math.max(...filters.map((f) => f.offset + f.limit)),
          brief: reads.brief,
        });
        const pages = new Map(rows.map((r) => [r.key, r]));
        for (const row of rows) {
          primeAll(engagement, row.engagements);
          primeAll(place, row.placeRows ?? []);
          primeAll(actor, row.actorRows ?? []);
          for (const at of row.places ?? []) engagementPlaces.prime(at.engagementId, at.placeIds);
          for (const part of row.participants ?? [])
            participants.prime(part.engagementId, part.participants.map(participationOf));
        }
        return keyed.map((f) => {
          const page = pages.get(f.key);
          return {
            totalCount: page?.totalCount ?? 0,
            ids: page?.engagements.map((e) => e.id) ?? [],
            offset: f.offset,
          };
        });
      },
      { cacheKeyFn: (f) => JSON.stringify(f) },
    ),

    /** One-line readings of facts: names of nodes, "A TYPE B" for edges. */
    factSummary: new DataLoader<FactKey, string, string>(
      async (facts) => {
        const nodeIds = [...new Set(facts.filter((f) => isNodeFactType(f.factType)).map((f) => f.factId))];
        const edgeIds = [...new Set(facts.filter((f) => !isNodeFactType(f.factType)).map((f) => f.factId))];
        const [nodes, edges] = await Promise.all([
          nodeIds.length > 0
            ? executor.read<{ id: string; label: string; name: string }>('fact-nodes-by-id', { ids: nodeIds })
            : [],
          edgeIds.length > 0 ? executor.read<{ edge: EdgeRow }>('edges-by-id', { ids: edgeIds }) : [],
        ]);
        const summaries = new Map<string, string>();
        for (const n of nodes) summaries.set(`${n.label}|${n.id}`, `${n.label} ${n.name}`);
        for (const { edge } of edges)
          summaries.set(`${edge.type}|${edge.id}`, `${edge.fromName} ${edge.type} ${edge.toName}`);
        return facts.map((f) => summaries.get(factKey(f)) ?? `${f.factType} ${f.factId}`);
      },
      { cacheKeyFn: factKey },
    ),
  };
}

function factKey(fact: FactKey): string {
  return `${fact.factType}|${fact.factId}`;
}

function relationKey(key: ActorRelationKey): string {
  return `${key.kind}|${key.id}|${key.asOf ?? ''}`;
}

export type Loaders = ReturnType<typeof createLoaders>;
