/**
 * The `actors` and `places` lists: filters read and resolved (names by the one resolver), then one
 * page of ids read with its total; the nodes come through the loaders.
 */
import { badInput } from '../../errors.js';
import { normaliseName } from '../../domain/names.js';
import type { EntityType } from '../../domain/enums.js';
import type { GraphQLContext } from '../context.js';
import { requireEntityId } from '../entityNames.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import type { EngagementPage } from '../../db/rows.js';
import { dateRange, geoRadius, offsetAfter, pageSize } from './arguments.js';

/** Every entity answering to `name` in any spelling: a list filter shows them all, never one by chance. */
async function idsNamed(ctx: GraphQLContext, type: EntityType, name: string | null | undefined) {
  if (name === null || name === undefined) return null;
  const key = normaliseName(name);
  if (key === '') throw badInput('filter.name', 'must contain letters or digits');
  const [row] = await ctx.executor.read<{ ids: string[] }>('entities-named', { key, entityType: type });
  return row?.ids ?? [];
}

const actorNamed = (ctx: GraphQLContext, name: string | null | undefined, argument: string) =>
  name ? requireEntityId(ctx, 'Actor', { name, argument }) : Promise.resolve(null);
const placeNamed = (ctx: GraphQLContext, name: string | null | undefined, argument: string) =>
  name ? requireEntityId(ctx, 'Place', { name, argument }) : Promise.resolve(null);

async function page(
  ctx: GraphQLContext,
  query: 'actors-page' | 'places-page',
  params: Record<string, unknown>,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<EngagementPage> {
  const limit = pageSize(first);
  const offset = offsetAfter(after);
  const [row] = await ctx.executor.read<{ totalCount: number; ids: string[] }>(query, { ...params, offset, limit });
  return { totalCount: row?.totalCount ?? 0, ids: row?.ids ?? [], offset };
}

export const listQueries: Pick<QueryResolvers, 'actors' | 'places'> = {
  actors: async (_, { filter, first, after }, ctx) => {
    if (filter?.asOf && !filter.sponsoredBy && !filter.memberOf)
      throw badInput('filter.asOf', 'dates a sponsorship or membership: give sponsoredBy or memberOf too');
    const active = dateRange(filter?.activeFrom, filter?.activeTo);
    return page(
      ctx,
      'actors-page',
      {
        ids: await idsNamed(ctx, 'Actor', filter?.name),
        kinds: filter?.kind && filter.kind.length > 0 ? [...filter.kind] : null,
        reviewStatus: filter?.reviewStatus ?? null,
        sponsoredBy: await actorNamed(ctx, filter?.sponsoredBy, 'filter.sponsoredBy'),
        memberOf: await actorNamed(ctx, filter?.memberOf, 'filter.memberOf'),
        asOf: filter?.asOf ?? null,
        activeFrom: active.from,
        activeTo: active.to,
        foughtWithin: await placeNamed(ctx, filter?.foughtWithin, 'filter.foughtWithin'),
      },
      first,
      after,
    );
  },

  places: async (_, { filter, first, after }, ctx) =>
    page(
      ctx,
      'places-page',
      {
        ids: await idsNamed(ctx, 'Place', filter?.name),
        kinds: filter?.kind && filter.kind.length > 0 ? [...filter.kind] : null,
        reviewStatus: filter?.reviewStatus ?? null,
        within: await placeNamed(ctx, filter?.within, 'filter.within'),
        near: geoRadius(filter?.near, 'filter.near'),
      },
      first,
      after,
    ),
};
