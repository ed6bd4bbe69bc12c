/**
 * Writes the gold files of the five founding articles (tests/fixtures/annotate/<id>.gold.json)
 * from the dataset's own spellings: every name of an actor or place in the data files found
 * verbatim (case included) at word boundaries, the longest one where they overlap. Where an actor
 * and a place share the span, the one with a SOURCE_SPELLING for this article wins; otherwise both
 * are kept, the second as an alternative. The
 * annotator matches normalised keys over any case and spelling instead, so the two can disagree.
 * Review the diff after a data change.
 *
 *   npx tsx scripts/annotate-gold.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import type { GoldFile, GoldMention } from '../src/domain/annotate/evaluate.js';
import { readDataset } from '../src/dataset/read.js';

export const GOLD_DIR = path.join(PROJECT_ROOT, 'tests/fixtures/annotate');

const dataset = await readDataset();
fs.mkdirSync(GOLD_DIR, { recursive: true });
for (const source of dataset.sources.filter((s) => s.kind === 'ARTICLE')) {
  const text = dataset.sourceTexts.get(source.id) ?? '';
  const found: (GoldMention & { rank: number })[] = [];
  for (const [type, entities] of [
    ['Actor', dataset.actors],
    ['Place', dataset.places],
  ] as const) {
    for (const e of entities) {
      const names = [
        { name: e.name, spelling: false },
        ...e.aliases.map((a) => ({
          name: a.name,
          spelling: a.kind === 'SOURCE_SPELLING' && a.sources.includes(source.id),
        })),
      ];
      for (const { name, spelling } of names) {
        // Whitespace aside, as quotes are checked (the articles have no-break spaces).
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
        for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
          // Where an actor and a place share a name, the one the data says this article spells so.
          const rank = spelling ? 1 : 0;
          found.push({ start: m.index, end: m.index + m[0].length, text: m[0], entity: { type, id: e.id }, rank });
        }
      }
    }
  }
  // The longest name wins where two overlap ("Aleppo Conquest Operations Room" over "Aleppo").
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.rank - a.rank || a.start - b.start);
  const kept: GoldMention[] = [];
  for (const m of found) {
    const same = kept.find((k) => k.start === m.start && k.end === m.end);
    if (same !== undefined) {
      const known = same.entity.type === m.entity.type && same.entity.id === m.entity.id;
      const alternatives = same.alternatives ?? [];
      if (
        !known &&
        !alternatives.some((a) => a.type === m.entity.type && a.id === m.entity.id) &&
        m.rank === found.find((f) => f.start === m.start && f.end === m.end)?.rank
      )
        same.alternatives = [...alternatives, m.entity];
      continue;
    }
    if (kept.some((k) => m.start < k.end && m.end > k.start)) continue;
    kept.push({ start: m.start, end: m.end, text: m.text, entity: m.entity });
  }
  kept.sort((a, b) => a.start - b.start);
  const gold: GoldFile = {
    text: `../../../data/sources/${source.id}.txt`,
    ...(source.published ? { published: source.published } : {}),
    note: 'Made by scripts/annotate-gold.ts: every name of the data files found verbatim in the article.',
    mentions: kept,
  };
  fs.writeFileSync(path.join(GOLD_DIR, `${source.id}.gold.json`), `${JSON.stringify(gold, null, 2)}\n`);
  console.log(`${source.id}: ${kept.length} gold mentions`);
}
