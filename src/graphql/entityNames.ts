/**
 * Name lookups against the graph: the exact normalised key first, ranked close matches when
 * that fails. The matching rules themselves live in the domain (src/domain/names.ts).
 */
import { userError } from '../errors.js';
import { normaliseName, rankNameMatches, type NameCandidate, type RankedMatch } from '../domain/names.js';
import type { GraphQLContext } from './context.js';

export type EntityType = 'Actor' | 'Place';

/** The id of the entity one of whose names normalises like `name`, or null. */
export async function findEntityId(ctx: GraphQLContext, type: EntityType, name: string): Promise<string | null> {
  const key = normaliseName(name);
  if (key === '') return null;
  const rows = await ctx.executor.read<{ entityId: string }>('resolve-names', { keys: [key], entityType: type });
  return rows[0]?.entityId ?? null;
}

/** Close matches for `text` among the names of the given entity types, best first. */
export async function rankedMatches(
  ctx: GraphQLContext,
  types: readonly EntityType[],
  text: string,
  limit: number,
): Promise<(RankedMatch & { entityName: string })[]> {
  const rows = await ctx.executor.read<NameCandidate & { entityName: string }>('name-candidates', {
    entityTypes: types,
  });
  const names = new Map(rows.map((r) => [`${r.entityType}|${r.entityId}`, r.entityName]));
  return rankNameMatches(text, rows, { limit }).map((m) => ({
    ...m,
    entityName: names.get(`${m.candidate.entityType}|${m.candidate.entityId}`) ?? m.candidate.name,
  }));
}

/**
 * Resolves a name argument that must name a known entity; otherwise a BAD_USER_INPUT error
 * naming the argument and offering the closest names.
 */
export async function requireEntityId(
  ctx: GraphQLContext,
  type: EntityType,
  name: string,
  argument: string,
): Promise<string> {
  const id = await findEntityId(ctx, type, name);
  if (id !== null) return id;
  const suggestions = (await rankedMatches(ctx, [type], name, 5)).map((m) => m.entityName);
  const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : '';
  throw userError('BAD_USER_INPUT', `${argument}: no ${type.toLowerCase()} is named "${name}".${hint}`, {
    argument,
    suggestions,
  });
}
