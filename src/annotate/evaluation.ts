/**
 * Evaluating the annotator on a text against a gold file (docs/annotate.md): what
 * `npm run eval:annotate` prints and what the tests hold to the targets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { annotate, type NameIndex } from '../domain/annotate/index.js';
import { evaluateMentions, type Evaluation, type GoldFile } from '../domain/annotate/evaluate.js';
import { parseFuzzyDate } from '../domain/fuzzyDate.js';

export function readGoldFile(goldPath: string): GoldFile {
  const gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')) as GoldFile;
  if (typeof gold.text !== 'string' || !Array.isArray(gold.mentions))
    throw new Error(`${goldPath}: expected {"text": "<path>", "mentions": [...]} (see docs/annotate.md)`);
  return gold;
}

/**
 * Annotates `textPath` (or the gold file's own text when absent) and scores it. `published`
 * overrides the gold file's date.
 */
export function evaluateGoldFile(
  goldPath: string,
  index: NameIndex,
  options: { textPath?: string; published?: string } = {},
): Evaluation {
  const gold = readGoldFile(goldPath);
  const textPath = options.textPath ?? path.resolve(path.dirname(goldPath), gold.text);
  const text = fs.readFileSync(textPath, 'utf8');
  const published = options.published ?? gold.published;
  const annotation = annotate(text, index, published === undefined ? null : parseFuzzyDate(published));
  return evaluateMentions(annotation.mentions, gold.mentions);
}

/** The figures as lines of text. */
export function formatEvaluation(name: string, e: Evaluation, details = true): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const line = (label: string, s: Evaluation['mentions']) =>
    `  ${label.padEnd(16)} precision ${pct(s.precision).padStart(6)}  recall ${pct(s.recall).padStart(6)}  (${s.correct} right of ${s.found} found, ${s.expected} expected)`;
  const lines = [
    name,
    line('mentions', e.mentions),
    line('linked mentions', e.linkedMentions),
    line('entities', e.entities),
  ];
  if (details) {
    for (const m of e.missed)
      lines.push(`  missed   ${m.start}-${m.end} "${m.text}" (${m.entity.type} ${m.entity.id})`);
    for (const m of e.spurious) lines.push(`  spurious ${m.start}-${m.end} "${m.text}" (${m.entity ?? 'no entity'})`);
  }
  return lines.join('\n');
}
