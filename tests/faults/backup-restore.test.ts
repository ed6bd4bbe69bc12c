/**
 * `cli backup PATH` and `cli restore PATH`: backup, wipe, restore gives the same graph; a restore
 * that cannot be whole writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { cli, graphDigest, newStore, usingStore } from './support.js';

describe('backup and restore', () => {
  it('backup, wipe, restore gives the same graph digest; a non-empty graph or a truncated file is refused with nothing written', async () => {
    const store = await newStore();
    await usingStore(store, async (driver) => {
      expect((await cli(store, ['load'])).code).toBe(0);
      const fixture = path.join(PROJECT_ROOT, 'tests/fixtures/ucdp-ged-aleppo.csv');
      expect(
        (await cli(store, ['import', 'ucdp-ged', fixture, '--rejects', path.join(store.dataDir, 'r.csv')])).code,
      ).toBe(0);
      const original = await graphDigest(driver);

      const backup = path.join(store.dataDir, 'graph.backup.json');
      const made = await cli(store, ['backup', backup]);
      expect(made.code).toBe(0);
      expect(made.output).toMatch(/Backed up \d+ nodes, \d+ relationships/);

      // Into the graph it came from: refused, nothing changes.
      const refused = await cli(store, ['restore', backup]);
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/already holds \d+ nodes.*--replace/);
      expect(await graphDigest(driver)).toBe(original);

      await driver.executeQuery('MATCH (n) DETACH DELETE n');
      const truncated = path.join(store.dataDir, 'truncated.json');
      const text = fs.readFileSync(backup, 'utf8');
      fs.writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
      expect((await cli(store, ['restore', truncated])).code).toBe(1);
      expect((await driver.executeQuery('MATCH (n) RETURN count(n) AS n')).records[0]?.get('n')).toBe(0);

      const restored = await cli(store, ['restore', backup]);
      expect(restored.code).toBe(0);
      expect(await graphDigest(driver)).toBe(original);
    });
  });
});
