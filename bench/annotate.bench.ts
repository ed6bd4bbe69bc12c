/**
 * Annotation benchmark (not a test): annotates a text of at least 5,000 words (the five founding
 * articles, repeated) against a name index at the UCDP scale: the founding dataset's names plus
 * every distinct actor, place and administrative-area name of the UCDP GED Syria release, as the
 * graph holds them after `cli import ucdp-ged`. Prints the index size, the time to build it, and
 * wall-clock and CPU time per annotation (the machine is shared: CPU time is the steadier figure).
 *
 *   npm run bench:annotate
 *   npm run bench:annotate -- --iterations 50 --ged ../shared/datasets/ucdp-ged-syria/ged_syria_20160101-20191130.csv
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../src/config.js';
import { annotate, buildNameIndex } from '../src/domain/annotate/index.js';
import type { IndexedName, LineageLink } from '../src/domain/annotate/types.js';
import { readDataset } from '../src/dataset/read.js';
import { parseFuzzyDate } from '../src/domain/fuzzyDate.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const iterations = Number(option('--iterations', '30'));
// The shared folder sits beside the main checkout (../shared) or two levels up from a worktree.
const GED = 'shared/datasets/ucdp-ged-syria/ged_syria_20160101-20191130.csv';
const gedDefault =
  ['..', '../..'].map((up) => path.join(PROJECT_ROOT, up, GED)).find((p) => fs.existsSync(p)) ?? path.join('..', GED);
const gedFile = option('--ged', gedDefault);

const dataset = await readDataset();
const names: IndexedName[] = [];
for (const [type, entities] of [
  ['Actor', dataset.actors],
  ['Place', dataset.places],
] as const) {
  for (const e of entities) {
    names.push({ name: e.name, entityId: e.id, entityType: type, entityName: e.name });
    for (const a of e.aliases) names.push({ name: a.name, entityId: e.id, entityType: type, entityName: e.name });
  }
}
const lineage: LineageLink[] = dataset.relations.lineage.map((l) => ({
  kind: l.kind,
  fromId: l.from,
  toId: l.to,
  date: parseFuzzyDate(l.date),
}));

let gedNames = 0;
if (fs.existsSync(gedFile)) {
  const rows = parse<Record<string, string>>(fs.readFileSync(gedFile, 'utf8'), { columns: true });
  const seen = new Set<string>();
  const add = (name: string | undefined, type: 'Actor' | 'Place') => {
    if (!name || seen.has(`${type}|${name}`)) return;
    seen.add(`${type}|${name}`);
    const id = `ged-${type.toLowerCase()}-${seen.size}`;
    names.push({ name, entityId: id, entityType: type, entityName: name });
    gedNames++;
  };
  for (const row of rows) {
    add(row['side_a'], 'Actor');
    add(row['side_b'], 'Actor');
    add(row['where_coordinates'], 'Place');
    add(row['adm_1'], 'Place');
    add(row['adm_2'], 'Place');
  }
} else {
  console.log(`(no GED file at ${gedFile}: the index holds the founding dataset only)`);
}

let t = performance.now();
const index = buildNameIndex(names, lineage);
const buildMs = performance.now() - t;

const articles = dataset.sources.filter((s) => s.kind === 'ARTICLE').map((s) => dataset.sourceTexts.get(s.id) ?? '');
let text = '';
while (text.split(/\s+/).filter(Boolean).length < 5_000) text += `${articles.join('\n\n')}\n\n`;
const words = text.split(/\s+/).filter(Boolean).length;
const published = parseFuzzyDate('2016-06');

for (let i = 0; i < 3; i++) annotate(text, index, published); // warm-up (JIT, memoised name keys)
const wall: number[] = [];
const cpu: number[] = [];
let result = annotate(text, index, published);
for (let i = 0; i < iterations; i++) {
  const c = process.cpuUsage();
  t = performance.now();
  result = annotate(text, index, published);
  wall.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${s[s.length - 1]!.toFixed(1)} ms`;
};
console.log(`index: ${index.size} names (${gedNames} from the GED release), built in ${buildMs.toFixed(0)} ms`);
console.log(
  `text: ${words} words, ${text.length} characters; found ${result.mentions.length} mentions, ${result.newNames.length} new names, ${result.dates.length} dates, ${result.proposals.length} proposals`,
);
console.log(`annotate x${iterations}: wall ${stats(wall)}`);
console.log(`annotate x${iterations}: cpu  ${stats(cpu)}`);
