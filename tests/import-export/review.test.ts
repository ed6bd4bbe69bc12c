import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACLED } from '../../src/import/acled.js';
import { importEvents } from '../../src/import/pipeline.js';
import { mergeMutation, reviewSuggestions, suggestionScore, type MergeSuggestion } from '../../src/import/review.js';
import { UCDP_GED } from '../../src/import/ucdpGed.js';
import { testExecutor } from '../helpers/graph.js';
import { FIXTURES, idNamed, tempDir } from './support.js';

const executor = testExecutor();
const dir = tempDir();
let suggestions: MergeSuggestion[];

beforeAll(async () => {
  await importEvents(executor, ACLED, path.join(FIXTURES, 'acled-aleppo.csv'), {
    rejectsPath: path.join(dir, 'a.csv'),
  });
  await importEvents(executor, UCDP_GED, path.join(FIXTURES, 'ucdp-ged-aleppo.csv'), {
    rejectsPath: path.join(dir, 'u.csv'),
  });
  suggestions = await reviewSuggestions(executor);
});

function suggestionFor(removeId: string, keepId: string): MergeSuggestion | undefined {
  return suggestions.find((s) => s.remove.id === removeId && s.keep.id === keepId);
}

describe('review list', () => {
  it('offers the imported "Nour al-Din al-Zenki" as the known Harakat Nour al-Din al-Zenki, with the mutation', async () => {
    const imported = await idNamed(executor, 'Actor', 'Nour al-Din al-Zenki');
    const known = await idNamed(executor, 'Actor', 'Harakat Nour al-Din al-Zenki');
    const suggestion = suggestionFor(imported, known);
    expect(suggestion).toMatchObject({
      entityType: 'Actor',
      keep: { status: 'REVIEWED' },
      remove: { status: 'NEEDS_REVIEW' },
    });
    const mutation = mergeMutation(suggestion as MergeSuggestion);
    expect(mutation).toMatch(
      new RegExp(`^mutation \\{ mergeActors\\(keep: "${known}", remove: "${imported}", reason: "`),
    );
    expect(mutation).toContain(
      'citations: [{source: "ucdp-ged-syria-19-1", note: "ucdp-ged names it \\"Nour al-Din al-Zenki\\""}]) { id } }',
    );
  });

  it('offers the misspelt "Khan Touma" as Khan Touman, ranked up by being at the same spot', async () => {
    const known = await idNamed(executor, 'Place', 'Khan Touman');
    const suggestion = suggestions.find((s) => s.remove.name === 'Khan Touma' && s.keep.id === known);
    if (suggestion === undefined) throw new Error('Khan Touma is not offered');
    expect(suggestion.distanceKm).toBeLessThan(1);
    const farApart = suggestionScore('Place', suggestion.nameScore, suggestion.sharedNeighbours, null);
    expect(suggestion.score).toBeGreaterThan(farApart);
    expect(mergeMutation(suggestion)).toMatch(
      /^mutation \{ mergePlaces\(keep: "[^"]+", remove: "acled-place-khan-touma-/,
    );
  });

  it('does not offer a same-named place far away (the Mansoura in Hama is not al-Mansoura)', async () => {
    const mansoura = await idNamed(executor, 'Place', 'al-Mansoura');
    expect(suggestions.filter((s) => s.keep.id === mansoura || s.remove.id === mansoura)).toEqual([]);
  });

  it('does not offer two actors that fought each other', async () => {
    const state = await idNamed(executor, 'Actor', 'Syrian Arab Republic');
    const insurgents = await idNamed(executor, 'Actor', 'Syrian insurgents');
    expect(
      suggestions.filter(
        (s) => [s.keep.id, s.remove.id].includes(state) && [s.keep.id, s.remove.id].includes(insurgents),
      ),
    ).toEqual([]);
  });

  it('lists only actors and places an import created, best first', () => {
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((s) => s.remove.status === 'NEEDS_REVIEW')).toBe(true);
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
