/**
 * Engagements at more than one place carry the MultiPlace label, written with their AT links
 * (load-engagement-places, import-events, graph-import-edges, the Cypher export's last statement),
 * and left out of what the graph counts and exports as kinds of node. A page of a place's engagements
 * counts them from the places' degrees, which count such an engagement once per place, and reads
 * the labelled few to take the extra off (cypher/engagements-page.cypher). The label may outlive
 * a second place (a merge or a deleted place): the count reads the links, so that costs nothing.
 */
import { backfillInBatches } from './backfill.js';
import type { Executor } from './executor.js';

/** Labels the engagements stored before the label existed (or restored from an older backup). */
export function backfillMultiPlace(executor: Executor): Promise<number> {
  return backfillInBatches<{ id: string }>(
    executor,
    'engagements-multi-place-missing',
    'engagements-multi-place-set',
    ({ id }) => ({ id }),
  );
}
