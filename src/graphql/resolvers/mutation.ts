/**
 * Mutations: thin calls into the curation domain, then the result read back through the loaders.
 * The authorization plugin has already refused anyone without an editor token.
 */
import { createActor, updateActor } from '../../curation/actors.js';
import { contestFact, retractCitation } from '../../curation/disputes.js';
import { addAlliance, addControl, addLineage, addMembership, addSponsorship } from '../../curation/edges.js';
import { createEngagement } from '../../curation/engagements.js';
import { mergeEntities } from '../../curation/merges.js';
import { addAlias, removeAlias } from '../../curation/names.js';
import { createPlace, updatePlace } from '../../curation/places.js';
import { addSource } from '../../curation/sources.js';
import { retractFact, updateFact } from '../../curation/facts.js';
import type { Viewer } from '../../auth/tokens.js';
import { userError } from '../../errors.js';
import type { GraphQLContext } from '../context.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import type { EdgeRow } from '../../db/rows.js';

/** The viewer when it holds an editor token; otherwise UNAUTHENTICATED or FORBIDDEN. */
export function editor(ctx: GraphQLContext): Viewer {
  if (ctx.viewer === null) throw userError('UNAUTHENTICATED', 'Curation needs a bearer token with the editor role.');
  if (ctx.viewer.role !== 'editor') throw userError('FORBIDDEN', `Token "${ctx.viewer.name}" may read but not edit.`);
  return ctx.viewer;
}

async function loaded<T>(load: Promise<T | null>, what: string): Promise<T> {
  const row = await load;
  if (row === null) throw userError('NOT_FOUND', `${what} was written but cannot be read back`);
  return row;
}

async function edge(ctx: GraphQLContext, id: string): Promise<EdgeRow> {
  const [row] = await ctx.executor.read<{ edge: EdgeRow }>('edges-by-id', { ids: [id] });
  if (row === undefined) throw userError('NOT_FOUND', `Fact ${id} was written but cannot be read back`);
  return row.edge;
}

async function namesOf(ctx: GraphQLContext, label: 'Actor' | 'Place', id: string) {
  return label === 'Actor' ? ctx.loaders.actorNames.load(id) : ctx.loaders.placeNames.load(id);
}

export const Mutation: MutationResolvers = {
  sourceAdd: async (_, { input }, ctx) =>
    loaded(ctx.loaders.source.load((await addSource(ctx.executor, editor(ctx), input)).id), 'Source'),
  actorCreate: async (_, { input }, ctx) =>
    loaded(ctx.loaders.actor.load((await createActor(ctx.executor, editor(ctx), input)).id), 'Actor'),
  actorUpdate: async (_, { id, input }, ctx) =>
    loaded(ctx.loaders.actor.load((await updateActor(ctx.executor, editor(ctx), id, input)).id), 'Actor'),
  placeCreate: async (_, { input }, ctx) =>
    loaded(ctx.loaders.place.load((await createPlace(ctx.executor, editor(ctx), input)).id), 'Place'),
  placeUpdate: async (_, { id, input }, ctx) =>
    loaded(ctx.loaders.place.load((await updatePlace(ctx.executor, editor(ctx), id, input)).id), 'Place'),
  aliasAdd: async (_, { entityId, alias, citations }, ctx) =>
    namesOf(ctx, await addAlias(ctx.executor, editor(ctx), entityId, alias, citations), entityId),
  aliasRemove: async (_, { entityId, name, reason, citations }, ctx) =>
    namesOf(ctx, await removeAlias(ctx.executor, editor(ctx), entityId, name, reason, citations), entityId),
  lineageAdd: async (_, { input }, ctx) => edge(ctx, (await addLineage(ctx.executor, editor(ctx), input)).id),
  membershipAdd: async (_, { input }, ctx) => edge(ctx, (await addMembership(ctx.executor, editor(ctx), input)).id),
  allianceAdd: async (_, { input }, ctx) => edge(ctx, (await addAlliance(ctx.executor, editor(ctx), input)).id),
  sponsorshipAdd: async (_, { input }, ctx) => edge(ctx, (await addSponsorship(ctx.executor, editor(ctx), input)).id),
  controlAdd: async (_, { input }, ctx) => edge(ctx, (await addControl(ctx.executor, editor(ctx), input)).id),
  engagementCreate: async (_, { input }, ctx) =>
    loaded(ctx.loaders.engagement.load((await createEngagement(ctx.executor, editor(ctx), input)).id), 'Engagement'),
  factContest: (_, { fact, note, citations }, ctx) => contestFact(ctx.executor, editor(ctx), fact, note, citations),
  factUpdate: (_, { fact, changes, citations }, ctx) => updateFact(ctx.executor, editor(ctx), fact, changes, citations),
  factRetract: (_, { fact, reason, citations }, ctx) => retractFact(ctx.executor, editor(ctx), fact, reason, citations),
  citationRetract: (_, { id, reason }, ctx) => retractCitation(ctx.executor, editor(ctx), id, reason),
  mergeActors: async (_, { keep, remove, reason, citations }, ctx) =>
    loaded(
      ctx.loaders.actor.load(
        (await mergeEntities(ctx.executor, editor(ctx), 'Actor', keep, remove, reason, citations)).id,
      ),
      'Actor',
    ),
  mergePlaces: async (_, { keep, remove, reason, citations }, ctx) =>
    loaded(
      ctx.loaders.place.load(
        (await mergeEntities(ctx.executor, editor(ctx), 'Place', keep, remove, reason, citations)).id,
      ),
      'Place',
    ),
};
