/**
 * Imports survive faults: kill -9 of the import, or of Neo4j under it, loses no committed batch,
 * and a rerun ends with exactly the rows of a clean run.
 */
import { describe, expect, it } from 'vitest';
import { acledFile, killNeo4j, newStore, startCli, until, usingStore, type Store } from './support.js';

const ROWS = 4_000;

/** Runs `work` with a count of the first column of a query's first row, on the store's Neo4j. */
function withStoreDriver<T>(store: Store, work: (count: (q: string) => Promise<number>) => Promise<T>) {
  return usingStore(store, (driver) =>
    work(async (query) => (await driver.executeQuery(query)).records[0]?.get(0) as number),
  );
}

/** What a clean import of the generated file holds: one engagement, two participants, one place per row. */
async function importedCounts(count: (q: string) => Promise<number>, prefix: string) {
  const match = `MATCH (e:Engagement) WHERE e.id STARTS WITH 'acled-syrfault${prefix}-'`;
  return {
    engagements: await count(`${match} RETURN count(e)`),
    participants: await count(`${match} MATCH (e)<-[f:FOUGHT_IN]-() RETURN count(f)`),
    places: await count(`${match} MATCH (e)-[a:AT]->() RETURN count(a)`),
    citations: await count(`${match} MATCH (c:Citation {factId: e.id}) RETURN count(c)`),
  };
}

const clean = { engagements: ROWS, participants: 2 * ROWS, places: ROWS, citations: ROWS };

describe('an import under faults', () => {
  it('killed with kill -9 mid-file keeps its committed batches, and the rerun resumes after them to a clean result', async () => {
    const store = await newStore();
    const file = acledFile(store.dataDir, 'a', ROWS);
    await withStoreDriver(store, async (count) => {
      const first = startCli(store, ['import', 'acled', file, '--batch-size', '200']);
      await until(async () => (await count('MATCH (r:ImportRun) RETURN coalesce(max(r.batches), 0)')) >= 3, 120_000);
      first.child.kill('SIGKILL');
      await first.exited;

      // Whole batches only: the engagements in the graph are exactly the rows the checkpoint names.
      const committed = await count('MATCH (r:ImportRun) RETURN r.throughRow');
      const batches = await count('MATCH (r:ImportRun) RETURN r.batches');
      expect(committed).toBe(batches * 200);
      expect((await importedCounts(count, 'a')).engagements).toBe(committed);

      const rerun = startCli(store, ['import', 'acled', file, '--batch-size', '200']);
      expect(await rerun.exited).toBe(0);
      expect(rerun.output()).toContain(`Resuming from batch ${batches + 1}`);
      expect(await importedCounts(count, 'a')).toEqual(clean);
    });
  });

  it('whose Neo4j is killed under it ends, with the rerun if it gave up, with exactly the rows of a clean run', async () => {
    const store = await newStore();
    const file = acledFile(store.dataDir, 'b', ROWS);
    await withStoreDriver(store, async (count) => {
      const first = startCli(store, ['import', 'acled', file, '--batch-size', '200']);
      await until(async () => (await count('MATCH (r:ImportRun) RETURN coalesce(max(r.batches), 0)')) >= 3, 120_000);
      await killNeo4j(store.dataDir);
      const code = await first.exited;
      if (code !== 0) {
        const rerun = startCli(store, ['import', 'acled', file, '--batch-size', '200']);
        expect(await rerun.exited).toBe(0);
      }
      await until(async () => (await count('RETURN 1').catch(() => 0)) === 1, 60_000);
      expect(await importedCounts(count, 'b')).toEqual(clean);
    });
  });
});
