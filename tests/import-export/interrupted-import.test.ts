import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Executor, type StepRunner } from '../../src/db/executor.js';
import { ACLED } from '../../src/import/acled.js';
import { importEvents } from '../../src/import/pipeline.js';
import { testExecutor } from '../helpers/graph.js';
import { cypher, tempDir, testDriver } from './support.js';

const executor = testExecutor();
const driver = testDriver();
const dir = tempDir();

/** An executor whose n-th write transaction dies half way, like a process killed mid-batch. */
class CrashingExecutor extends Executor {
  private transactions = 0;

  constructor(
    private readonly inner: Executor,
    private readonly crashAt: number,
  ) {
    super(undefined as never, undefined as never, undefined);
  }

  override read<T>(...args: Parameters<Executor['read']>): Promise<T[]> {
    return this.inner.read<T>(...args);
  }

  override writeTransaction<T>(work: (run: StepRunner) => Promise<T>): Promise<T> {
    this.transactions += 1;
    if (this.transactions < this.crashAt) return this.inner.writeTransaction(work);
    return this.inner.writeTransaction(async (run) => {
      await work(async (query, params) => {
        const rows = await run(query, params);
        if (query === 'import-events') throw new Error('killed mid-batch');
        return rows;
      });
      throw new Error('unreachable');
    });
  }

  override write<T>(...args: Parameters<Executor['write']>): Promise<T[]> {
    return this.inner.write<T>(...args);
  }
}

/** An ACLED file of `rows` events with ids no other test uses. */
function generatedFile(rows: number): string {
  const file = path.join(dir, 'generated.csv');
  const header =
    'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,admin1,location,latitude,longitude,notes,fatalities';
  const lines = Array.from({ length: rows }, (_, i) => {
    const day = `2021-03-${String((i % 28) + 1).padStart(2, '0')}`;
    return `SYRCRASH${i},${day},2021,1,Battles,Armed clash,Military Forces of Syria (2000-),1,Crash Test Brigade ${i % 3},2,Aleppo,Khan Tuman,36.1170,37.0510,Clash number ${i}.,1`;
  });
  fs.writeFileSync(file, `${header}\n${lines.join('\n')}\n`);
  return file;
}

async function crashTestEngagements(): Promise<number> {
  const [row] = await cypher<{ n: number }>(
    driver,
    "MATCH (e:Engagement) WHERE e.id STARTS WITH 'acled-syrcrash' RETURN count(e) AS n",
  );
  return row?.n ?? 0;
}

describe('an interrupted import', () => {
  it('keeps the batches committed before the crash, nothing of the batch in flight, and a rerun finishes', async () => {
    const file = generatedFile(25);
    const crashing = new CrashingExecutor(executor, 3);
    await expect(
      importEvents(crashing, ACLED, file, { batchSize: 5, rejectsPath: path.join(dir, 'r1.csv') }),
    ).rejects.toThrow('killed mid-batch');
    // Batches 1 and 2 committed; batch 3 rolled back whole (its engagements were written, then undone).
    expect(await crashTestEngagements()).toBe(10);

    const rerun = await importEvents(executor, ACLED, file, { batchSize: 5, rejectsPath: path.join(dir, 'r2.csv') });
    // It resumes after the last committed batch instead of matching the first ten rows again.
    expect(rerun.resumed).toEqual({ batch: 3, afterRow: 10 });
    expect(rerun.engagements).toEqual({ created: 15, existing: 0 });
    expect(await crashTestEngagements()).toBe(25);
    // The brigades were created by the first batch that named them, before the crash, and not again.
    expect(rerun.actors.created).toBe(0);

    // A finished import leaves no resume point: the next run of the file is a whole (idempotent) re-import.
    const again = await importEvents(executor, ACLED, file, { batchSize: 5, rejectsPath: path.join(dir, 'r3.csv') });
    expect(again.resumed).toBeNull();
    expect(again.engagements).toEqual({ created: 0, existing: 25 });
    expect(await crashTestEngagements()).toBe(25);
  });
});
