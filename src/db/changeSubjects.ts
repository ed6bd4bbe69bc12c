/**
 * The entities and facts a recorded Change touches, stored beside its `entityIds` list as one
 * string, `|id|id|`, under a text index (cypher/schema.cypher: change_subjects). Neo4j indexes no
 * membership of a list, so `$id IN c.entityIds` read every Change for each history and for each
 * curation edit (60 ms at 100,000 changes). Ids are slugs or UUIDs: none holds a `|`.
 */
import { backfillInBatches } from './backfill.js';
import type { Executor } from './executor.js';

export function changeSubjects(entityIds: readonly string[]): string {
  return `|${entityIds.join('|')}|`;
}

/** What a Change's subjects contain when it touches `id`. */
export function changeSubject(id: string): string {
  return `|${id}|`;
}

/** Gives changes recorded before the index existed (or restored from an older backup) their subjects. */
export function backfillChangeSubjects(executor: Executor): Promise<number> {
  return backfillInBatches<{ id: string; entityIds: string[] }>(
    executor,
    'change-subjects-missing',
    'change-subjects-set',
    ({ id, entityIds }) => ({ id, subjects: changeSubjects(entityIds) }),
  );
}
