/**
 * `annotate` and `annotationAccept`: the text goes to the domain annotator with the cached name
 * index; linked entities are loaded through the request's DataLoaders (one round trip for all
 * actors and one for all places, however many mentions).
 */
import { acceptProposals } from '../../curation/acceptProposals.js';
import { graphNameIndex } from '../../annotate/graphIndex.js';
import { annotate, MAX_ANNOTATE_LENGTH } from '../../domain/annotate/index.js';
import type { EntityType } from '../../domain/annotate/types.js';
import { badInput, userError } from '../../errors.js';
import type { GraphQLContext } from '../context.js';
import type { MutationResolvers, QueryResolvers, Resolvers } from '../generated/resolvers.js';
import type { ActorRow, EdgeRow, PlaceRow } from '../../db/rows.js';
import { editor } from './mutation.js';

// Which rows are places: the union needs the type of each row it is handed.
const placeRows = new WeakSet<object>();

async function entity(
  ctx: GraphQLContext,
  ref: { entityType: EntityType; entityId: string },
): Promise<ActorRow | PlaceRow> {
  const row =
    ref.entityType === 'Actor'
      ? await ctx.loaders.actor.load(ref.entityId)
      : await ctx.loaders.place.load(ref.entityId);
  if (row === null) throw userError('NOT_FOUND', `${ref.entityType} ${ref.entityId} is missing from the graph`);
  if (ref.entityType === 'Place') placeRows.add(row);
  return row;
}

export const annotateQuery: NonNullable<QueryResolvers['annotate']> = async (_, { text, published }, ctx) => {
  if (text.trim() === '') throw badInput('text', 'must not be empty');
  if (text.length > MAX_ANNOTATE_LENGTH) throw badInput('text', `is longer than ${MAX_ANNOTATE_LENGTH} characters`);
  const index = await graphNameIndex(ctx.executor);
  return annotate(text, index, published ? { value: published, precision: 'DAY' } : null);
};

export const annotationAccept: NonNullable<MutationResolvers['annotationAccept']> = async (
  _,
  { source, proposals },
  ctx,
) => {
  return acceptProposals(ctx.executor, editor(ctx), source, proposals);
};

async function edges(ctx: GraphQLContext, ids: readonly string[]): Promise<EdgeRow[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.executor.read<{ edge: EdgeRow }>('edges-by-id', { ids });
  const byId = new Map(rows.map((r) => [r.edge.id, r.edge]));
  return ids.map((id) => {
    const edge = byId.get(id);
    if (edge === undefined) throw userError('NOT_FOUND', `Fact ${id} was written but cannot be read back`);
    return edge;
  });
}

export const annotationResolvers: Resolvers = {
  AnnotatedEntity: { __resolveType: (row) => (placeRows.has(row) ? 'Place' : 'Actor') },
  AnnotationMention: { entity: (m, _, ctx) => (m.entity === null ? null : entity(ctx, m.entity)) },
  AnnotationCandidate: { entity: (c, _, ctx) => entity(ctx, c) },
  AcceptedFacts: {
    source: async (ids, _, ctx) => {
      const row = await ctx.loaders.source.load(ids.source);
      if (row === null) throw userError('NOT_FOUND', `Source ${ids.source} was written but cannot be read back`);
      return row;
    },
    engagements: async (ids, _, ctx) => {
      const rows = await ctx.loaders.engagement.loadMany(ids.engagements);
      return rows.map((row, i) => {
        if (row === null || row instanceof Error)
          throw userError('NOT_FOUND', `Engagement ${ids.engagements[i]} cannot be read back`);
        return row;
      });
    },
    sponsorships: (ids, _, ctx) => edges(ctx, ids.sponsorships),
    alliances: (ids, _, ctx) => edges(ctx, ids.alliances),
    renames: (ids, _, ctx) => edges(ctx, ids.renames),
  },
};
