/**
 * The scale generator (scripts/generate-scale.ts) writes data the project's own loader accepts,
 * the same files for the same seed, and questions that name what it generated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/dataset/read.js';
import { normaliseName } from '../../src/domain/names.js';
import { generateScale } from '../../scripts/generate-scale.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function generate(seed: number) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-test-'));
  dirs.push(out);
  const questions = await generateScale({ actors: 300, places: 150, engagements: 2000, seed, out });
  return { out, questions };
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('the scale generator', () => {
  it('writes a dataset folder that passes every rule of the loader, with the founding data in it', async () => {
    const { out, questions } = await generate(7);
    const dataset = await readDataset(path.join(out, 'data'));
    const actorIds = new Set(dataset.actors.map((a) => a.id));
    expect(dataset.actors.filter((a) => a.id.startsWith('gen-'))).toHaveLength(300);
    expect(dataset.places.filter((p) => p.id.startsWith('gen-'))).toHaveLength(150);
    expect(actorIds.has('jabhat-al-nusra')).toBe(true);
    for (const id of [questions.lineageActor, questions.cardActor, questions.pageActor, questions.searchExpectedId])
      expect(actorIds.has(id), id).toBe(true);
    expect(dataset.places.some((p) => p.id === questions.place)).toBe(true);
    expect(
      dataset.relations.lineage.some((l) => l.from === questions.lineageActor || l.to === questions.lineageActor),
    ).toBe(true);
  });

  it('misspells the search question so that it is no name the graph has', async () => {
    const { out, questions } = await generate(7);
    const dataset = await readDataset(path.join(out, 'data'));
    const keys = new Set(
      [...dataset.actors, ...dataset.places]
        .flatMap((e) => [e.name, ...e.aliases.map((a) => a.name)])
        .map(normaliseName),
    );
    expect(keys.has(normaliseName(questions.searchText))).toBe(false);
  });

  it('writes the same files for the same seed, and other files for another', async () => {
    const [a, b, c] = [await generate(3), await generate(3), await generate(4)];
    for (const file of ['acled.csv', 'data/actors.yaml', 'data/relations.yaml', 'questions.json'])
      expect(read(a.out, file), file).toBe(read(b.out, file));
    expect(read(a.out, 'acled.csv')).not.toBe(read(c.out, 'acled.csv'));
    expect(read(a.out, 'acled.csv').split('\n').length).toBe(2000 + 2);
  });
});
