/**
 * Name arguments of the API, resolved by the one resolver of the domain (src/domain/nameResolution.ts)
 * and turned into answers: an id, or a BAD_USER_INPUT that lists the candidates of an ambiguous
 * name (`extensions.candidates`) or the suggestions for an unknown one (`extensions.suggestions`).
 */
import { userError } from '../errors.js';
import type { EntityType } from '../domain/enums.js';
import { rankNameMatches, type RankedMatch } from '../domain/names.js';
import {
  describeCandidate,
  resolveName,
  unresolvedMessage,
  type NamedEntityMatch,
  type NameResolution,
} from '../domain/nameResolution.js';
import { graphNameDirectory } from '../db/nameDirectory.js';
import { searchNameCandidates } from '../db/nameSearch.js';
import type { GraphQLContext } from './context.js';

export type { EntityType };

/** A name argument, with the place it must lie in when it names a place. */
export interface NameArgument {
  name: string;
  argument: string;
  /** A place name (or id) scoping a place name; its own argument name. */
  within?: { name: string; argument: string } | null;
}

function candidateDetails(c: NamedEntityMatch) {
  return { id: c.id, type: c.entityType, name: c.name, kind: c.kind, partOf: c.partOf, reviewStatus: c.reviewStatus };
}

function unresolved(type: EntityType, arg: NameArgument, resolution: Exclude<NameResolution, { status: 'found' }>) {
  const message = `${arg.argument}: ${unresolvedMessage(type, arg.name, resolution)}`;
  return resolution.status === 'ambiguous'
    ? userError('BAD_USER_INPUT', message, {
        argument: arg.argument,
        suggestions: resolution.candidates.map(describeCandidate),
        candidates: resolution.candidates.map(candidateDetails),
      })
    : userError('BAD_USER_INPUT', message, { argument: arg.argument, suggestions: resolution.suggestions });
}

async function resolveArgument(ctx: GraphQLContext, type: EntityType, arg: NameArgument): Promise<NameResolution> {
  const withinId = arg.within ? await requireEntityId(ctx, 'Place', arg.within) : null;
  return resolveName(graphNameDirectory(ctx.executor), type, arg.name, { withinId });
}

/** The id of the one entity `arg` names; null when none does; BAD_USER_INPUT when several do. */
export async function findEntityId(ctx: GraphQLContext, type: EntityType, arg: NameArgument): Promise<string | null> {
  const resolution = await resolveArgument(ctx, type, arg);
  if (resolution.status === 'found') return resolution.entity.id;
  if (resolution.status === 'ambiguous') throw unresolved(type, arg, resolution);
  return null;
}

/** The id of the one entity `arg` names; otherwise BAD_USER_INPUT with candidates or suggestions. */
export async function requireEntityId(ctx: GraphQLContext, type: EntityType, arg: NameArgument): Promise<string> {
  const resolution = await resolveArgument(ctx, type, arg);
  if (resolution.status === 'found') return resolution.entity.id;
  throw unresolved(type, arg, resolution);
}

/** Close matches for `text` among the names of the given entity types, best first. */
export async function rankedMatches(
  ctx: GraphQLContext,
  types: readonly EntityType[],
  text: string,
  limit: number,
): Promise<(RankedMatch & { entityName: string })[]> {
  const rows = await searchNameCandidates(ctx.executor, types, text);
  const names = new Map(rows.map((r) => [`${r.entityType}|${r.entityId}`, r.entityName]));
  return rankNameMatches(text, rows, { limit }).map((m) => ({
    ...m,
    entityName: names.get(`${m.candidate.entityType}|${m.candidate.entityId}`) ?? m.candidate.name,
  }));
}
