/**
 * Root query fields: read arguments, resolve names to ids, hand off to the loaders.
 */
import { changeSubject } from '../../db/changeSubjects.js';
import { ACTOR_RELATION_TYPES } from '../../domain/facts.js';
import { badInput, userError } from '../../errors.js';
import { findEntityId, rankedMatches, requireEntityId, type EntityType } from '../entityNames.js';
import type { NetworkRelation, QueryResolvers } from '../generated/resolvers.js';
import type { GraphQLContext } from '../context.js';
import type { EngagementFilterKey } from '../loaders.js';
import type {
  ActorRow,
  ChangeRow,
  EdgeRow,
  EngagementRow,
  FoughtAtRow,
  NetworkRow,
  PlaceCountsRow,
  PlaceRow,
  SourceRow,
} from '../../db/rows.js';
import { selects } from '../lookahead.js';
import { engagementPageReads, prefetchActorFields, prefetchEngagementFields, prefetchPlaceFields } from './types.js';
import { listQueries } from './lists.js';
import { dateRange, geoRadius, offsetAfter, pageSize, readNamedList } from './arguments.js';

const MAX_NAME_LENGTH = 200;
const MAX_SEARCH_RESULTS = 50;
const MAX_HOPS = 6;
const MAX_PATHS = 10;
const MAX_NETWORK_HOPS = 3;
const MAX_NETWORK_ACTORS = 1_000;
/** The places one map reads at most. */
const MAX_MAP_PLACES = 2_000;
/** Every relation a network can be drawn from; typed as the SDL's NetworkRelation enum, so the two agree. */
const NETWORK_RELATIONS: readonly NetworkRelation[] = ACTOR_RELATION_TYPES;

/** Finds an entity by exactly one of `id` or `name`. */
async function entityBy(
  ctx: GraphQLContext,
  type: EntityType,
  args: { id?: string | null; name?: string | null; within?: string | null },
): Promise<string | null> {
  const hasId = args.id !== null && args.id !== undefined;
  const hasName = args.name !== null && args.name !== undefined;
  if (hasId === hasName) throw badInput(hasId ? 'name' : 'id', 'give exactly one of id or name');
  if (hasId) return args.id as string;
  const name = args.name as string;
  if (name.length > MAX_NAME_LENGTH) throw badInput('name', `is longer than ${MAX_NAME_LENGTH} characters`);
  const within = args.within ? { name: args.within, argument: 'within' } : null;
  return findEntityId(ctx, type, { name, argument: 'name', within });
}

export const Query: QueryResolvers = {
  ...listQueries,

  actor: async (_, args, ctx, info) => {
    const id = await entityBy(ctx, 'Actor', args);
    if (id === null) return null;
    // A relation or lineage field read ahead brings the actor's row with it: waiting for that read
    // saves the statement that would read the row alone (the card in one statement, not two).
    const rowComing = prefetchActorFields(ctx, info, id);
    if (rowComing !== null) await rowComing;
    return ctx.loaders.actor.load(id);
  },

  place: async (_, args, ctx, info) => {
    const id = await entityBy(ctx, 'Place', args);
    if (id === null) return null;
    void prefetchPlaceFields(ctx, info, id);
    return ctx.loaders.place.load(id);
  },

  engagement: (_, { id }, ctx, info) => {
    void prefetchEngagementFields(ctx, info, id);
    return ctx.loaders.engagement.load(id);
  },

  source: (_, { id }, ctx) => ctx.loaders.source.load(id),

  sources: async (_, __, ctx) => (await ctx.executor.read<{ source: SourceRow }>('sources-all')).map((r) => r.source),

  search: async (_, { text, first }, ctx) => {
    const trimmed = text.trim();
    if (trimmed === '') throw badInput('text', 'must not be empty');
    if (trimmed.length > MAX_NAME_LENGTH) throw badInput('text', `is longer than ${MAX_NAME_LENGTH} characters`);
    const limit = first ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_RESULTS) {
      throw badInput('first', `must be a whole number from 1 to ${MAX_SEARCH_RESULTS}, got ${limit}`);
    }
    const matches = await rankedMatches(ctx, ['Actor', 'Place'], trimmed, limit);
    return matches.map((m) => ({
      type: m.candidate.entityType as EntityType,
      id: m.candidate.entityId,
      name: m.entityName,
      matched: m.candidate.name,
      score: Math.round(m.score * 1000) / 1000,
    }));
  },

  engagements: async (_, { filter, first, after }, ctx, info) => {
    const limit = pageSize(first);
    const offset = offsetAfter(after);
    const { from, to } = dateRange(filter?.from, filter?.to);
    const conditions: Omit<EngagementFilterKey, 'actorIds' | 'placeId'> = {
      near: geoRadius(filter?.near, 'filter.near'),
      from,
      to,
      kinds: filter?.kinds && filter.kinds.length > 0 ? [...filter.kinds] : null,
      contested: filter?.contested ?? null,
      offset,
      limit,
      ...engagementPageReads((path) => selects(info, path)),
    };
    const names = {
      ...filter,
      argument: { actor: 'filter.actor', place: 'filter.place', placeWithin: 'filter.placeWithin' },
    };
    return readNamedList(ctx, names, (ids) => ctx.loaders.engagementPages.load({ ...ids, ...conditions }));
  },

  whoFoughtWhere: async (_, args, ctx, info) => {
    const { from, to } = dateRange(args.from, args.to);
    const limit = pageSize(args.first);
    const offset = offsetAfter(args.after);
    const near = geoRadius(args.near);
    const rows = {
      withActors: selects(info, ['edges', 'node', 'actor']),
      withPlaces: selects(info, ['edges', 'node', 'place']),
      withEngagements: selects(info, ['edges', 'node', 'engagements']),
    };
    const names = { ...args, argument: { actor: 'actor', place: 'place', placeWithin: 'placeWithin' } };
    const [page] = await readNamedList(ctx, names, (ids) =>
      ctx.executor.read<{
        totalCount: number;
        pairs: FoughtAtRow[];
        actors: ActorRow[] | null;
        places: PlaceRow[] | null;
        engagements: EngagementRow[] | null;
      }>('who-fought-where', { ...ids, near, from, to, offset, limit, ...rows, brief: ctx.reads.brief }),
    );
    // The rows of the page's actors, places and engagements, read with it, answer the nested fields.
    for (const actor of page?.actors ?? []) ctx.loaders.actor.prime(actor.id, actor);
    for (const place of page?.places ?? []) ctx.loaders.place.prime(place.id, place);
    for (const engagement of page?.engagements ?? []) ctx.loaders.engagement.prime(engagement.id, engagement);
    return { totalCount: page?.totalCount ?? 0, pairs: page?.pairs ?? [], offset };
  },

  foughtAtPlaces: async (_, args, ctx) => {
    if (!args.actor && !args.place) throw badInput('actor', 'give actor, place or both');
    const limit = args.first ?? MAX_MAP_PLACES;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_MAP_PLACES) {
      throw badInput('first', `must be a whole number from 0 to ${MAX_MAP_PLACES}, got ${limit}`);
    }
    const names = { ...args, argument: { actor: 'actor', place: 'place', placeWithin: 'placeWithin' } };
    const [row] = await readNamedList(ctx, names, (ids) =>
      ctx.executor.read<PlaceCountsRow & { placeRows: PlaceRow[] }>('fought-at-places', {
        ...ids,
        limit,
        brief: ctx.reads.brief,
      }),
    );
    for (const place of row?.placeRows ?? []) ctx.loaders.place.prime(place.id, place);
    return { totalCount: row?.totalCount ?? 0, places: row?.places ?? [] };
  },

  history: async (_, { id, first }, ctx) => {
    const rows = await ctx.executor.read<{ change: ChangeRow }>('history-of', {
      subject: changeSubject(id),
      limit: pageSize(first, 'first', 50),
    });
    return rows.map((r) => r.change);
  },

  connection: async (_, args, ctx) => {
    const maxHops = args.maxHops ?? 4;
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) {
      throw badInput('maxHops', `must be a whole number from 1 to ${MAX_HOPS}, got ${maxHops}`);
    }
    const fromId = await requireEntityId(ctx, 'Actor', { name: args.from, argument: 'from' });
    const toId = await requireEntityId(ctx, 'Actor', { name: args.to, argument: 'to' });
    if (fromId === toId) return [];
    const rows = await ctx.executor.read<{ steps: EdgeRow[] }>('connection', {
      from: fromId,
      to: toId,
      maxHops,
      limit: MAX_PATHS,
    });
    return rows.map((r) => ({ steps: r.steps }));
  },

  network: async (_, args, ctx) => {
    const hops = args.hops ?? 1;
    if (!Number.isInteger(hops) || hops < 1 || hops > MAX_NETWORK_HOPS) {
      throw badInput('hops', `must be a whole number from 1 to ${MAX_NETWORK_HOPS}, got ${hops}`);
    }
    const limit = args.first ?? 500;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_NETWORK_ACTORS) {
      throw badInput('first', `must be a whole number from 0 to ${MAX_NETWORK_ACTORS}, got ${limit}`);
    }
    if ((args.id === null || args.id === undefined) === (args.around === null || args.around === undefined)) {
      throw badInput('around', 'give exactly one of id or around');
    }
    const id = args.around
      ? await requireEntityId(ctx, 'Actor', { name: args.around, argument: 'around' })
      : (args.id as string);
    const [row] = await ctx.executor.read<NetworkRow>('network', {
      around: id,
      hops,
      types: args.kinds && args.kinds.length > 0 ? [...args.kinds] : NETWORK_RELATIONS,
      asOf: args.asOf ?? null,
      limit,
    });
    if (row === undefined) throw userError('NOT_FOUND', `id: no actor ${id}`, { argument: 'id' });
    return row;
  },
};
