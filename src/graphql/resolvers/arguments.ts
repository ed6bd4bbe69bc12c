/**
 * Checks and conversions of query arguments shared by several resolvers. Each failure is a
 * BAD_USER_INPUT naming the argument.
 */
import { badInput } from '../../errors.js';
import type { GraphQLContext } from '../context.js';
import { mayBeId } from '../../domain/nameResolution.js';
import { requireEntityId } from '../entityNames.js';
import type { EngagementFilterKey } from '../loaders.js';
import type { GeoRadius } from '../generated/resolvers.js';

/** Largest page a client may ask for with `first`. */
export const MAX_PAGE_SIZE = 200;
/** Largest radius for `near`, in km: Syria fits in 1,000 km. */
export const MAX_RADIUS_KM = 2_000;

export function pageSize(first: number | null | undefined, argument = 'first', fallback = 50): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(argument, `must be a whole number from 0 to ${MAX_PAGE_SIZE}, got ${value}`);
  }
  return value;
}

/** A `first` that may be left out to ask for all: null then, else checked as pageSize checks it. */
export function optionalPageSize(first: number | null | undefined): number | null {
  return first === null || first === undefined ? null : pageSize(first);
}

/**
 * Cursors are "offset:<n>" in base64url. Only the exact text cursorFor writes is accepted, and only
 * offsets whose next page still ends within Neo4j's 32-bit list indexes.
 */
const CURSOR_FORM = /^offset:(0|[1-9]\d{0,9})$/;
export const MAX_CURSOR_OFFSET = 2 ** 31 - 2 - MAX_PAGE_SIZE;

export function cursorFor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/** The offset of the first item after `after`; 0 without a cursor. */
export function offsetAfter(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const match = CURSOR_FORM.exec(Buffer.from(after, 'base64url').toString('utf8'));
  const offset = match === null ? NaN : Number(match[1]);
  if (!(offset <= MAX_CURSOR_OFFSET) || cursorFor(offset) !== after) {
    throw badInput('after', 'is not a cursor this API issued; pass an endCursor or edge cursor from a previous page');
  }
  return offset + 1;
}

export function dateRange(
  from: string | null | undefined,
  to: string | null | undefined,
): { from: string | null; to: string | null } {
  if (from && to && from > to) throw badInput('from', `${from} is after to (${to})`);
  return { from: from ?? null, to: to ?? null };
}

export function geoRadius(near: GeoRadius | null | undefined, argument = 'near'): EngagementFilterKey['near'] {
  if (near === null || near === undefined) return null;
  if (!(near.latitude >= -90 && near.latitude <= 90)) {
    throw badInput(`${argument}.latitude`, `must be between -90 and 90, got ${near.latitude}`);
  }
  if (!(near.longitude >= -180 && near.longitude <= 180)) {
    throw badInput(`${argument}.longitude`, `must be between -180 and 180, got ${near.longitude}`);
  }
  if (!(near.km > 0 && near.km <= MAX_RADIUS_KM)) {
    throw badInput(`${argument}.km`, `must be more than 0 and at most ${MAX_RADIUS_KM}, got ${near.km}`);
  }
  return { latitude: near.latitude, longitude: near.longitude, meters: near.km * 1000 };
}

/**
 * The ids an actor argument stands for: the actor itself, or with `includeLineage` also its
 * predecessors and successors through renames and mergers.
 */
export async function actorIdsFor(
  ctx: GraphQLContext,
  name: string,
  includeLineage: boolean,
  argument: string,
): Promise<string[]> {
  const id = await requireEntityId(ctx, 'Actor', { name, argument });
  if (!includeLineage) return [id];
  const [row] = await ctx.executor.read<{ ids: string[] }>('lineage-identity', { id });
  return row?.ids ?? [id];
}

/** The name arguments of a list of engagements or pairs, and what they are called in the request. */
export interface ListNames {
  actor?: string | null;
  includeLineage?: boolean | null;
  place?: string | null;
  placeWithin?: string | null;
  argument: { actor: string; place: string; placeWithin: string };
}

/** The ids a list's statement takes for its name arguments. */
export interface ListIds {
  actorIds: string[] | null;
  placeId: string | null;
}

async function resolveListNames(ctx: GraphQLContext, names: ListNames): Promise<ListIds> {
  const { argument } = names;
  return {
    actorIds: names.actor ? await actorIdsFor(ctx, names.actor, names.includeLineage ?? false, argument.actor) : null,
    placeId: names.place
      ? await requireEntityId(ctx, 'Place', {
          name: names.place,
          argument: argument.place,
          within: names.placeWithin ? { name: names.placeWithin, argument: argument.placeWithin } : null,
        })
      : null,
  };
}

/** What the names resolve to if each is the id it looks like; null when one cannot be taken so. */
function assumedListIds(names: ListNames): ListIds | null {
  const actorAssumed = !names.actor || (mayBeId(names.actor) && !names.includeLineage);
  const placeAssumed = !names.place || (mayBeId(names.place) && !names.placeWithin);
  if (!actorAssumed || !placeAssumed) return null;
  return { actorIds: names.actor ? [names.actor] : null, placeId: names.place || null };
}

const sameIds = (a: ListIds, b: ListIds) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads a list for its resolved name arguments. While the names are resolved, the list is already
 * read for the ids they look like, so a request naming its actor or place by id waits for one round
 * trip, not two; that early read is used only when the resolution gives those very ids, and is
 * dropped otherwise (a name that only looks like an id, a lineage, a place within another).
 */
export async function readNamedList<R>(
  ctx: GraphQLContext,
  names: ListNames,
  read: (ids: ListIds) => Promise<R>,
): Promise<R> {
  const assumed = assumedListIds(names);
  const early = assumed === null ? null : read(assumed);
  early?.catch(() => undefined);
  const resolved = await resolveListNames(ctx, names);
  return early !== null && assumed !== null && sameIds(assumed, resolved) ? early : read(resolved);
}
