/**
 * Fills a derived property that nodes stored before it existed (or restored from an older backup)
 * lack, a batch at a time, until none lacks it: `missing` reads up to $limit of them, `set` writes
 * the rows `fill` makes of them. Run at start; a no-op once done.
 */
import type { Executor, Params, Row } from './executor.js';
import type { QueryName } from './queries.js';

const BACKFILL_BATCH = 5_000;

export async function backfillInBatches<R extends Row>(
  executor: Executor,
  missing: QueryName,
  set: QueryName,
  fill: (row: R) => Params,
): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await executor.read<R>(missing, { limit: BACKFILL_BATCH });
    if (rows.length === 0) return total;
    await executor.write(set, { rows: rows.map(fill) });
    total += rows.length;
  }
}
