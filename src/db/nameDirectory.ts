/**
 * The graph as the name resolver's directory (src/domain/nameResolution.ts): exact key lookups and
 * the candidate names for suggestions, read through the executor.
 */
import type { EntityType, ReviewStatus } from '../domain/enums.js';
import type { NameDirectory, NamedEntityMatch } from '../domain/nameResolution.js';
import type { Executor } from './executor.js';
import { searchNameCandidates } from './nameSearch.js';

interface ResolvedNameRow {
  entityId: string;
  name: string;
  entityName: string;
  kind: string;
  reviewStatus: ReviewStatus;
  partOfId: string | null;
  partOfName: string | null;
}

function match(type: EntityType, r: ResolvedNameRow): NamedEntityMatch {
  return {
    entityType: type,
    id: r.entityId,
    name: r.entityName,
    matched: r.name,
    kind: r.kind,
    reviewStatus: r.reviewStatus,
    partOf: r.partOfId === null ? null : { id: r.partOfId, name: r.partOfName ?? r.partOfId },
  };
}

export function graphNameDirectory(executor: Executor): NameDirectory {
  return {
    async exact(type: EntityType, key: string, withinId: string | null): Promise<NamedEntityMatch[]> {
      const rows = await executor.read<ResolvedNameRow>('resolve-names', { keys: [key], entityType: type, withinId });
      return rows.map((r) => match(type, r));
    },
    async byId(type: EntityType, id: string, withinId: string | null): Promise<NamedEntityMatch | null> {
      const [row] = await executor.read<ResolvedNameRow>('resolve-id', { id, entityType: type, withinId });
      return row === undefined ? null : match(type, row);
    },
    candidates: (types: readonly EntityType[], name: string) => searchNameCandidates(executor, types, name),
  };
}
