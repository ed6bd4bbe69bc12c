/**
 * Agreements, ceasefires and plans: the query, the fields on actors and places, the type
 * resolvers and the curation mutations. Every read goes through one per-request loader that
 * batches its keys into one `agreements-of` statement.
 */
import DataLoader from 'dataloader';
import { addAgreement, addViolation } from '../../curation/agreements.js';
import { userError } from '../../errors.js';
import type { GraphQLContext } from '../context.js';
import { requireEntityId } from '../entityNames.js';
import type { AgreementRole, AgreementKind, Resolvers } from '../generated/resolvers.js';
import type { AgreementRow, EdgeRow, PlaceRow } from '../../db/rows.js';
import { dateRange } from './arguments.js';
import { editor } from './mutation.js';
import { fuzzy } from './types.js';

interface AgreementKey {
  id: string | null;
  actorId: string | null;
  placeId: string | null;
  from: string | null;
  to: string | null;
}

const loaders = new WeakMap<GraphQLContext, DataLoader<AgreementKey, AgreementRow[], string>>();

/** The request's agreements loader: created with the first use, dropped with the context. */
function agreementsLoader(ctx: GraphQLContext): DataLoader<AgreementKey, AgreementRow[], string> {
  let loader = loaders.get(ctx);
  if (loader === undefined) {
    loader = new DataLoader(
      async (keys) => {
        const rows = await ctx.executor.read<{ index: number; agreement: AgreementRow }>('agreements-of', {
          keys: [...keys],
        });
        const groups = keys.map((): AgreementRow[] => []);
        for (const { index, agreement } of rows) groups[Number(index)]?.push(agreement);
        return groups;
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

const noFilter: AgreementKey = { id: null, actorId: null, placeId: null, from: null, to: null };

function agreementsWhere(
  ctx: GraphQLContext,
  where: Partial<AgreementKey>,
  args: { from?: string | null; to?: string | null },
): Promise<AgreementRow[]> {
  return agreementsLoader(ctx).load({ ...noFilter, ...where, ...dateRange(args.from, args.to) });
}

async function agreementById(ctx: GraphQLContext, id: string): Promise<AgreementRow> {
  const [row] = await agreementsLoader(ctx).load({ ...noFilter, id });
  if (row === undefined) throw userError('NOT_FOUND', `Agreement ${id} is missing from the graph`);
  return row;
}

async function actorOf(ctx: GraphQLContext, id: string) {
  const row = await ctx.loaders.actor.load(id);
  if (row === null) throw userError('NOT_FOUND', `Actor ${id} is missing from the graph`);
  return row;
}

type AgreementResolvers = Pick<Resolvers, 'Agreement' | 'AgreementParty' | 'Violation'> & {
  Query: Pick<NonNullable<Resolvers['Query']>, 'agreements'>;
  Mutation: Pick<NonNullable<Resolvers['Mutation']>, 'agreementAdd' | 'violationAdd'>;
  Actor: Pick<NonNullable<Resolvers['Actor']>, 'agreements'>;
  Place: Pick<NonNullable<Resolvers['Place']>, 'agreements'>;
};

export const agreementResolvers: AgreementResolvers = {
  Query: {
    agreements: async (_, args, ctx) => {
      const actorId = args.actor ? await requireEntityId(ctx, 'Actor', { name: args.actor, argument: 'actor' }) : null;
      const placeId = args.place ? await requireEntityId(ctx, 'Place', { name: args.place, argument: 'place' }) : null;
      return agreementsWhere(ctx, { actorId, placeId }, args);
    },
  },
  Mutation: {
    agreementAdd: async (_, { input }, ctx) =>
      agreementById(ctx, (await addAgreement(ctx.executor, editor(ctx), input)).id),
    violationAdd: async (_, { input }, ctx) => {
      const { id } = await addViolation(ctx.executor, editor(ctx), input);
      const [row] = await ctx.executor.read<{ edge: EdgeRow }>('edges-by-id', { ids: [id] });
      if (row === undefined) throw userError('NOT_FOUND', `Fact ${id} was written but cannot be read back`);
      return row.edge;
    },
  },
  Actor: {
    agreements: (actor, args, ctx) => agreementsWhere(ctx, { actorId: actor.id }, args),
  },
  Place: {
    agreements: (place, args, ctx) => agreementsWhere(ctx, { placeId: place.id }, args),
  },
  Agreement: {
    kind: (a) => a.kind as AgreementKind,
    announced: (a) => fuzzy(a.announcedValue, a.announcedPrecision),
    from: (a) => fuzzy(a.fromValue, a.fromPrecision),
    to: (a) => fuzzy(a.toValue, a.toPrecision),
    contested: (a) => a.contested ?? false,
    places: async (a, _, ctx) => {
      const rows = await ctx.loaders.place.loadMany(a.placeIds);
      const failure = rows.find((r): r is Error => r instanceof Error);
      if (failure !== undefined) throw failure;
      return rows.filter((r): r is PlaceRow => r !== null);
    },
    citations: (a, _, ctx) => ctx.loaders.citations.load({ factType: 'Agreement', factId: a.id }),
  },
  AgreementParty: {
    actor: (p, _, ctx) => actorOf(ctx, p.actorId),
    role: (p) => p.role as AgreementRole,
  },
  Violation: {
    actor: (v, _, ctx) => actorOf(ctx, v.fromId),
    agreement: (v, _, ctx) => agreementById(ctx, v.toId),
    from: (v) => fuzzy(v.fromValue, v.fromPrecision),
    to: (v) => fuzzy(v.toValue, v.toPrecision),
    contested: (v) => v.contested ?? false,
    contestedNote: (v) => v.contestedNote ?? null,
    inferredFrom: (v) => v.inferredFrom ?? null,
    citations: (v, _, ctx) => ctx.loaders.citations.load({ factType: 'VIOLATED', factId: v.id }),
  },
};
