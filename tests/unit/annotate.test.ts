/**
 * Reading an article against the founding dataset's names (the same names the loader writes to
 * the graph), without a database: mentions under spellings the data does not hold, lineage,
 * ambiguity, new names, dates and proposals, and the evaluation against the gold files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nameIndexOfDataset } from '../../src/annotate/datasetIndex.js';
import { evaluateGoldFile } from '../../src/annotate/evaluation.js';
import { renderAnnotation } from '../../src/annotate/render.js';
import { annotate, type NameIndex } from '../../src/domain/annotate/index.js';
import { readDataset } from '../../src/dataset/read.js';
import { normaliseName } from '../../src/domain/names.js';
import type { Dataset } from '../../src/dataset/model.js';

let dataset: Dataset;
let index: NameIndex;

beforeAll(async () => {
  dataset = await readDataset();
  index = nameIndexOfDataset(dataset);
});

function storedNames(): Set<string> {
  return new Set(
    [...dataset.actors, ...dataset.places].flatMap((e) =>
      [e.name, ...e.aliases.map((a) => a.name)].map((n) => n.toLowerCase()),
    ),
  );
}

const linked = (text: string, published: string | null = null) =>
  annotate(
    text,
    index,
    published === null ? null : { value: published, precision: published.length === 7 ? 'MONTH' : 'DAY' },
  ).mentions.map((m) => [m.text, m.entity?.entityId ?? null]);

describe('mentions', () => {
  it('links spellings that the data holds nowhere, by the normalised key', () => {
    const spellings = ['Jebhat el-Nousra', 'Khan Tooman', 'Hay’at Tahrir ash-Sham', 'Liwaa al Quds', 'Jaish al-Fateh'];
    for (const s of spellings) expect(storedNames().has(s.toLowerCase())).toBe(false);
    const text = `Fighters of ${spellings[0]} entered ${spellings[1]}; ${spellings[2]} and ${spellings[3]} were there, as was ${spellings[4]}.`;
    expect(linked(text)).toEqual([
      ['Jebhat el-Nousra', 'jabhat-al-nusra'],
      ['Khan Tooman', 'khan-touman'],
      ['Hay’at Tahrir ash-Sham', 'hayat-tahrir-al-sham'],
      ['Liwaa al Quds', 'liwa-al-quds'],
      ['Jaish al-Fateh', 'jaysh-al-fatah'],
    ]);
  });

  it('gives the character offsets of the span as written', () => {
    const text = 'Shelling hit Khantouman at dawn.';
    const [m] = annotate(text, index).mentions;
    expect(m).toMatchObject({
      start: 13,
      end: 23,
      text: 'Khantouman',
      entity: { entityType: 'Place', entityId: 'khan-touman' },
    });
    expect(text.slice(m!.start, m!.end)).toBe('Khantouman');
  });

  it('reads the longest name a span holds, not the place inside it', () => {
    expect(linked('The Aleppo Conquest Operations Room announced a new phase.')).toEqual([
      ['Aleppo Conquest Operations Room', expect.any(String)],
    ]);
  });

  it('does not read English words that share a short key with an abbreviation', () => {
    expect(linked('See the Su-24 footage. Is it new?')).toEqual([]);
  });

  it('flags an old name in a later text as possibly meaning the successor, with each period', () => {
    const [m] = annotate('Al-Nusra fighters shelled the town.', index, {
      value: '2017-05',
      precision: 'MONTH',
    }).mentions;
    expect(m?.entity).toEqual({ entityType: 'Actor', entityId: 'jabhat-al-nusra' });
    expect(m?.confidence).toBeLessThan(1);
    expect(m?.lineageNote).toContain("Hay'at Tahrir al-Sham");
    const successor = m?.candidates.find((c) => c.reason === 'LINEAGE');
    expect(successor).toMatchObject({
      entityId: 'hayat-tahrir-al-sham',
      from: { value: '2017-01-28', precision: 'DAY' },
    });
    // In its own period the same name is not flagged.
    const [before] = annotate('Al-Nusra fighters shelled the town.', index, {
      value: '2015-05',
      precision: 'MONTH',
    }).mentions;
    expect(before?.lineageNote).toBeNull();
    expect(before?.confidence).toBe(1);
  });

  it('keeps an actor and a place of one name both visible, ranked by context', () => {
    const shared = [...index.byKey.values()].find((names) => new Set(names.map((n) => n.entityType)).size > 1);
    expect(shared).toBeDefined();
    const name = shared!.find((n) => n.entityType === 'Place')!.name;
    const [inPlace] = annotate(`Clashes went on in ${name} all day.`, index).mentions;
    expect(inPlace?.entity?.entityType).toBe('Place');
    expect(new Set(inPlace?.candidates.map((c) => c.entityType))).toEqual(new Set(['Actor', 'Place']));
  });

  it('links a close misspelling of a long name, below full confidence', () => {
    const text = 'Harakat Nour al-Din al-Zengi fighters moved north.';
    expect(storedNames().has('harakat nour al-din al-zengi')).toBe(false);
    const [m] = annotate(text, index).mentions;
    expect(m?.entity?.entityId).toBe('harakat-nour-al-din-al-zenki');
    expect(m?.confidence).toBeLessThan(1);
  });
});

describe('new names', () => {
  it('reports group-like and place-like spans the graph lacks, with the closest known names', () => {
    const text = 'Liwa Suqur al-Jabal fighters and the Sultan Murad Division attacked the village of Tal Qarah.';
    const found = annotate(text, index).newNames.map((n) => [n.text, n.looksLike]);
    expect(found).toEqual([
      ['Liwa Suqur al-Jabal', 'GROUP'],
      ['Sultan Murad Division', 'GROUP'],
      ['Tal Qarah', 'PLACE'],
    ]);
    for (const [name] of found) expect(normaliseName(name!)).not.toBe('');
    const liwa = annotate(text, index).newNames[0]!;
    expect(liwa.suggestions.length).toBeGreaterThan(0);
  });
});

describe('dates', () => {
  const read = (text: string, published: string | null) =>
    annotate(
      text,
      index,
      published === null ? null : { value: published, precision: published.length === 7 ? 'MONTH' : 'DAY' },
    ).dates.map((d) => [d.text, d.date?.value ?? null, d.date?.precision ?? null]);

  it('reads absolute dates at the precision the text gives', () => {
    expect(read('On 3 June 2016 and in July 2016, then in 2017.', null)).toEqual([
      ['3 June 2016', '2016-06-03', 'DAY'],
      ['July 2016', '2016-07', 'MONTH'],
      ['in 2017', '2017', 'YEAR'],
    ]);
  });

  it('reads relative dates against the published date, never more precisely than it allows', () => {
    expect(read('On 3 June the attack began; Khan Touman fell last month.', '2016-06-20')).toEqual([
      ['3 June', '2016-06-03', 'DAY'],
      ['last month', '2016-05', 'MONTH'],
    ]);
    expect(read('Earlier this week rockets hit; yesterday it stopped.', '2016-06-15')).toEqual([
      ['Earlier this week', '2016-06', 'MONTH'],
      ['yesterday', '2016-06-14', 'DAY'],
    ]);
    // A text known only to its month: "yesterday" is somewhere in that month or the last day before.
    expect(read('yesterday', '2016-06')).toEqual([['yesterday', '2016', 'YEAR']]);
    expect(read('On 3 June, last month.', null)).toEqual([
      ['3 June', null, null],
      ['last month', null, null],
    ]);
  });
});

describe('proposals', () => {
  const article = (id: string) => dataset.sourceTexts.get(id) ?? '';

  it('proposes a sponsorship with the support named, quoting the sentence verbatim', () => {
    const text = article('004_c69c3c6dcd667f41');
    const sponsorship = annotate(text, index).proposals.find(
      (p) => p.kind === 'SPONSORSHIP' && p.quote.includes('Grad rockets'),
    );
    expect(sponsorship).toMatchObject({ support: ['WEAPONS'] });
    expect(sponsorship!.participants.map((p) => [p.role, p.mention.entity?.entityId])).toEqual([
      ['SPONSOR', 'turkey'],
      ['CLIENT', 'hayat-tahrir-al-sham'],
    ]);
    expect(text.slice(sponsorship!.start, sponsorship!.end)).toBe(sponsorship!.quote);
  });

  it('proposes a rename from "formerly" and knows when the graph already holds it', () => {
    const rename = annotate(article('004_c69c3c6dcd667f41'), index).proposals.find((p) => p.kind === 'RENAME');
    expect(rename?.participants.map((p) => [p.role, p.mention.entity?.entityId])).toEqual([
      ['FROM', 'jabhat-al-nusra'],
      ['TO', 'hayat-tahrir-al-sham'],
    ]);
    expect(rename?.alreadyInGraph).toBe(true);
  });

  it('proposes an alliance from "along with" and an engagement with attackers, places and date', () => {
    const proposals = annotate(article('000_60ecd4665a9ba8af'), index, {
      value: '2016-06',
      precision: 'MONTH',
    }).proposals;
    const alliance = proposals.find((p) => p.kind === 'ALLIANCE');
    expect(alliance?.participants.map((p) => p.mention.entity?.entityId)).toEqual(['jaysh-al-fatah', 'jund-al-aqsa']);
    const attack = proposals.find((p) => p.kind === 'ENGAGEMENT' && p.quote.startsWith('On 3 June'));
    expect(attack?.date).toEqual({ value: '2016-06-03', precision: 'DAY' });
    expect(attack?.participants.filter((p) => p.role === 'ATTACKER').map((p) => p.mention.entity?.entityId)).toContain(
      'jaysh-al-fatah',
    );
    expect(attack?.participants.some((p) => p.role === 'PLACE')).toBe(true);
  });

  it('keeps a hedged claim as contested, saying what hedges it', () => {
    const proposals = annotate(article('000_60ecd4665a9ba8af'), index).proposals;
    const claimed = proposals.find((p) => p.quote.includes('Ajnad al-Sham claimed'));
    expect(claimed).toMatchObject({ kind: 'ENGAGEMENT', contested: true });
    expect(claimed?.contestedNote).toContain('claimed');
    const plain = proposals.find((p) => p.quote.startsWith('The offensive was led by'));
    expect(plain?.contested).toBe(false);
  });
});

describe('evaluation on the founding articles (gold files made from the data files)', () => {
  const goldDir = path.join(import.meta.dirname, '../fixtures/annotate');
  const files = fs.readdirSync(goldDir).filter((f) => f.endsWith('.gold.json'));

  it('has a gold file for each of the five articles', () => {
    expect(files).toHaveLength(5);
  });

  it.each(files)('%s: recall >= 98% and precision >= 95% of mentions and linked entities', (file) => {
    const e = evaluateGoldFile(path.join(goldDir, file), index);
    expect(e.mentions.expected).toBeGreaterThan(20);
    expect(e.linkedMentions.recall).toBeGreaterThanOrEqual(0.98);
    expect(e.linkedMentions.precision).toBeGreaterThanOrEqual(0.95);
    expect(e.entities.recall).toBeGreaterThanOrEqual(0.98);
    expect(e.entities.precision).toBeGreaterThanOrEqual(0.95);
  });
});

describe('terminal rendering (cli annotate)', () => {
  it('marks actors, places, new names and dates in the text, then lists proposals with their quotes', () => {
    const text = 'On 3 June Jabhat al-Nusra attacked Khan Touman along with Liwa Suqur al-Jabal.';
    const out = renderAnnotation(text, annotate(text, index, { value: '2016-06-20', precision: 'DAY' }), false);
    expect(out.split('\n')[0]).toBe(
      'On (3 June) [Jabhat al-Nusra] attacked {Khan Touman} along with <Liwa Suqur al-Jabal>.',
    );
    expect(out).toContain('ENGAGEMENT ASSAULT on 2016-06-03: ATTACKER jabhat-al-nusra');
    expect(out).toContain(`"${text}"`);
    expect(renderAnnotation(text, annotate(text, index), true)).toContain('\u001b[1;36mJabhat al-Nusra\u001b[0m');
  });
});
