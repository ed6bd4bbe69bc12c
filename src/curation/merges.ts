/** Merging two actors or places that are one. */
import type { Viewer } from '../auth/tokens.js';
import type { Executor } from '../db/executor.js';
import { badInput } from '../errors.js';
import type { CitationInput } from '../schema/types.js';
import { MAX_LENGTH, slug, text } from './validate.js';
import { type Written, checkCitations, labelsOf, recordChange, validCitations, writeCitations } from './edit.js';

type EntityLabel = 'Actor' | 'Place';

/**
 * Merges `remove` into `keep`. Concurrent or repeated merges of the same pair end with one node:
 * the loser finds `remove` gone and the merge recorded, and returns `keep` unchanged.
 */
export async function mergeEntities(
  executor: Executor,
  viewer: Viewer,
  label: EntityLabel,
  keepId: string,
  removeId: string,
  reason: string,
  citationsInput: readonly CitationInput[],
): Promise<Written> {
  const keep = slug(keepId, 'keep');
  const remove = slug(removeId, 'remove');
  if (keep === remove) throw badInput('remove', 'must differ from keep');
  const why = text(reason, 'reason', MAX_LENGTH.note);
  const citations = validCitations(citationsInput);
  const attempt = () =>
    executor.writeTransaction(async (run) => {
      const found = await labelsOf(run, [keep, remove]);
      if (found.get(keep)?.label !== label) throw badInput('keep', `no ${label.toLowerCase()} has the id "${keep}"`);
      if (found.get(remove)?.label !== label) {
        const [row] = await run('merge-recorded', { remove, keep });
        if (Number(row?.['merges'] ?? 0) > 0) return { id: keep };
        throw badInput('remove', `no ${label.toLowerCase()} has the id "${remove}"`);
      }
      await checkCitations(run, citations);
      const [moved] = await run(label === 'Actor' ? 'merge-actors' : 'merge-places', { keep, remove });
      await run('aliases-sync', { entities: [{ type: label, id: keep }] });
      await writeCitations(run, label, keep, citations);
      await recordChange(run, viewer, {
        operation: label === 'Actor' ? 'mergeActors' : 'mergePlaces',
        input: { keep, remove, reason: why, citations: citationsInput },
        entityIds: [keep, remove],
        summary: `${found.get(remove)!.name} (${remove}) merged into ${found.get(keep)!.name} (${keep}): ${why}; moved ${JSON.stringify(moved ?? {})}`,
        mergedFrom: remove,
        mergedInto: keep,
      });
      return { id: keep };
    });
  try {
    return await attempt();
  } catch (error) {
    // A concurrent merge of the same pair may delete `remove` under us; the retry sees it recorded.
    if (
      (error as { code?: string }).code?.startsWith('Neo.') ||
      (error as { extensions?: { code?: string } }).extensions?.code === 'CONFLICT'
    ) {
      return attempt();
    }
    throw error;
  }
}
