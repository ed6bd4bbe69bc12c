/**
 * Weapons and armaments: the queries, the fields on actors, the type resolvers and the curation
 * mutations. Every armament read goes through one per-request loader that batches its keys into
 * one `armaments-of` statement; weapons, actors and engagements through the request's id loaders.
 */
import DataLoader from 'dataloader';
import { addArmament, addWeapon } from '../../curation/weapons.js';
import { userError } from '../../errors.js';
import type { ArmamentRow, WeaponRow } from '../../db/rows.js';
import type { GraphQLContext } from '../context.js';
import { requireEntityId } from '../entityNames.js';
import type { Resolvers, WeaponKind } from '../generated/resolvers.js';
import { dateRange } from './arguments.js';
import { editor } from './mutation.js';
import { fuzzy } from './types.js';

interface ArmamentKey {
  holder: string | null;
  supplier: string | null;
  weapon: string | null;
  from: string | null;
  to: string | null;
  asOf: string | null;
}

const noFilter: ArmamentKey = { holder: null, supplier: null, weapon: null, from: null, to: null, asOf: null };
const loaders = new WeakMap<GraphQLContext, DataLoader<ArmamentKey, ArmamentRow[], string>>();

/** The request's armaments loader: created with the first use, dropped with the context. */
function armaments(ctx: GraphQLContext, key: Partial<ArmamentKey>): Promise<ArmamentRow[]> {
  let loader = loaders.get(ctx);
  if (loader === undefined) {
    loader = new DataLoader(
      async (keys) => {
        const rows = await ctx.executor.read<{ index: number; armament: ArmamentRow }>('armaments-of', {
          keys: keys.map((k, index) => ({ ...k, index })),
        });
        const groups = keys.map((): ArmamentRow[] => []);
        for (const { index, armament } of rows) groups[Number(index)]?.push(armament);
        return groups;
      },
      { cacheKeyFn: (k) => JSON.stringify(k) },
    );
    loaders.set(ctx, loader);
  }
  return loader.load({ ...noFilter, ...key });
}

async function required<T>(row: Promise<T | null>, what: string): Promise<T> {
  const found = await row;
  if (found === null) throw userError('NOT_FOUND', `${what} is missing from the graph`);
  return found;
}

type WeaponResolvers = Pick<Resolvers, 'Weapon' | 'Armament'> & {
  Query: Pick<NonNullable<Resolvers['Query']>, 'weapon' | 'armaments'>;
  Mutation: Pick<NonNullable<Resolvers['Mutation']>, 'weaponAdd' | 'armamentAdd'>;
  Actor: Pick<NonNullable<Resolvers['Actor']>, 'armaments' | 'weaponsSupplied'>;
};

export const weaponResolvers: WeaponResolvers = {
  Query: {
    weapon: (_, { id }, ctx) => ctx.loaders.weapon.load(id),
    armaments: async (_, args, ctx) => {
      const actor = args.actor ? await requireEntityId(ctx, 'Actor', { name: args.actor, argument: 'actor' }) : null;
      const range = dateRange(args.from, args.to);
      const weapon = args.weapon ?? null;
      if (actor === null) return armaments(ctx, { weapon, ...range });
      // As holder or as supplier, one list in period order.
      const [held, supplied] = await Promise.all([
        armaments(ctx, { holder: actor, weapon, ...range }),
        armaments(ctx, { supplier: actor, weapon, ...range }),
      ]);
      return [...held, ...supplied.filter((s) => !held.some((h) => h.id === s.id))];
    },
  },
  Mutation: {
    weaponAdd: async (_, { input }, ctx) => {
      const { id } = await addWeapon(ctx.executor, editor(ctx), input);
      return required(ctx.loaders.weapon.load(id), `Weapon ${id}`);
    },
    armamentAdd: async (_, { input }, ctx) => {
      const { id } = await addArmament(ctx.executor, editor(ctx), input);
      const row = (await armaments(ctx, { holder: input.actor })).find((a) => a.id === id);
      if (row === undefined) throw userError('NOT_FOUND', `Fact ${id} was written but cannot be read back`);
      return row;
    },
  },
  Actor: {
    armaments: (actor, args, ctx) => armaments(ctx, { holder: actor.id, asOf: args.asOf ?? null }),
    weaponsSupplied: (actor, args, ctx) => armaments(ctx, { supplier: actor.id, asOf: args.asOf ?? null }),
  },
  Weapon: {
    kind: (w: WeaponRow) => w.kind as WeaponKind,
    aliases: (w) => w.aliases ?? [],
    armaments: (w, args, ctx) => armaments(ctx, { weapon: w.id, asOf: args.asOf ?? null }),
    citations: (w, _, ctx) => ctx.loaders.citations.load({ factType: 'Weapon', factId: w.id }),
  },
  Armament: {
    actor: (a, _, ctx) => required(ctx.loaders.actor.load(a.actorId), `Actor ${a.actorId}`),
    weapon: (a, _, ctx) => required(ctx.loaders.weapon.load(a.weaponId), `Weapon ${a.weaponId}`),
    suppliedBy: (a, _, ctx) => (a.suppliedBy === null ? null : ctx.loaders.actor.load(a.suppliedBy)),
    usedIn: (a, _, ctx) => (a.usedIn === null ? null : ctx.loaders.engagement.load(a.usedIn)),
    from: (a) => fuzzy(a.fromValue, a.fromPrecision),
    to: (a) => fuzzy(a.toValue, a.toPrecision),
    contested: (a) => a.contested ?? false,
    citations: (a, _, ctx) => ctx.loaders.citations.load({ factType: 'ARMED_WITH', factId: a.id }),
  },
};
