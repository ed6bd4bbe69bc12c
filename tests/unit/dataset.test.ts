/**
 * The reviewed dataset under data/: it loads, every fact is traceable to a verbatim quote, every
 * reference resolves, each spelling lands on exactly one node, and readDataset rejects broken
 * copies with a message naming the file, the entry and the field.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { z } from 'zod';
import type {
  ActorsFile,
  Citation,
  Dataset,
  EngagementsFile,
  PlacesFile,
  RelationsFile,
  SourcesFile,
} from '../../src/dataset/model.js';
import { DATA_DIR, DatasetError, readDataset } from '../../src/dataset/read.js';
import { parseFuzzyDate } from '../../src/domain/fuzzyDate.js';
import { normaliseName } from '../../src/domain/names.js';
import { normaliseWhitespace, quoteAppearsIn } from '../../src/domain/provenance.js';

const SHARED_SOURCES = fileURLToPath(new URL('../../../shared/sources/', import.meta.url));
const SHARED_PRESENT = existsSync(path.join(SHARED_SOURCES, '..'));

let dataset: Dataset;

beforeAll(async () => {
  dataset = await readDataset(DATA_DIR);
});

/** Every fact with citations, labelled for failure messages. */
function allFacts(d: Dataset): { label: string; citations: Citation[] }[] {
  const facts: { label: string; citations: Citation[] }[] = [];
  for (const a of d.actors) facts.push({ label: `actor ${a.id}`, citations: a.citations });
  for (const p of d.places) facts.push({ label: `place ${p.id}`, citations: p.citations });
  for (const e of d.engagements) facts.push({ label: `engagement ${e.id}`, citations: e.citations });
  for (const [kind, list] of Object.entries(d.relations)) {
    for (const r of list as { id: string; citations: Citation[] }[]) {
      facts.push({ label: `${kind} ${r.id}`, citations: r.citations });
    }
  }
  return facts;
}

type Named = { id: string; name: string; aliases: { name: string }[] };

/** Ids of the entities whose canonical name or an alias shares the spelling's name key. */
function idsMatching(entities: readonly Named[], spelling: string): string[] {
  const key = normaliseName(spelling);
  return entities
    .filter((e) => [e.name, ...e.aliases.map((a) => a.name)].some((n) => normaliseName(n) === key))
    .map((e) => e.id);
}

describe('provenance helpers', () => {
  it('forgives whitespace only', () => {
    expect(normaliseWhitespace('  a\n\tb\u00a0 c  ')).toBe('a b c');
    expect(quoteAppearsIn('HTS  is trying\nto restore', 'HTS is trying to restore')).toBe(true);
    expect(quoteAppearsIn('Hay’at Tahreer', "Hay'at Tahreer")).toBe(false);
    expect(quoteAppearsIn('Jabhat al-Nusra', 'jabhat al-nusra')).toBe(false);
    expect(quoteAppearsIn('anything', '   ')).toBe(false);
  });
});

describe('the dataset in data/', () => {
  it('loads and cross-checks without problems', () => {
    expect(dataset.sources.length).toBeGreaterThanOrEqual(5);
    expect(dataset.actors.length).toBeGreaterThan(0);
    expect(dataset.places.length).toBeGreaterThan(0);
    expect(dataset.engagements.length).toBeGreaterThan(0);
  });

  it('quotes every ARTICLE citation verbatim from its source text', () => {
    const articles = new Set(dataset.sources.filter((s) => s.kind === 'ARTICLE').map((s) => s.id));
    const offenders: string[] = [];
    for (const fact of allFacts(dataset)) {
      for (const c of fact.citations) {
        if (!articles.has(c.source)) continue;
        const text = dataset.sourceTexts.get(c.source);
        if (text === undefined || c.quote === undefined || !quoteAppearsIn(text, c.quote)) {
          offenders.push(`${fact.label} -> ${c.source}: ${JSON.stringify(c.quote)}`);
        }
      }
    }
    expect(offenders, `quotes not found verbatim:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('has the five founding articles, each with its text', () => {
    const articles = dataset.sources.filter((s) => s.kind === 'ARTICLE');
    expect(articles).toHaveLength(5);
    for (const a of articles) expect(dataset.sourceTexts.get(a.id)?.length ?? 0).toBeGreaterThan(0);
    for (const a of articles) {
      // Undated articles: the date (or its absence) must be explained.
      expect(a.publishedNote, `source ${a.id} needs a publishedNote`).toBeTruthy();
    }
  });

  it('resolves every reference', () => {
    const ids = (xs: readonly { id: string }[]) => new Set(xs.map((x) => x.id));
    const actors = ids(dataset.actors);
    const places = ids(dataset.places);
    const engagements = ids(dataset.engagements);
    const sources = ids(dataset.sources);
    const dangling: string[] = [];
    const need = (set: Set<string>, id: string | undefined, where: string) => {
      if (id !== undefined && !set.has(id)) dangling.push(`${where}: ${id}`);
    };
    for (const f of allFacts(dataset)) for (const c of f.citations) need(sources, c.source, `${f.label} citation`);
    for (const e of [...dataset.actors, ...dataset.places]) {
      for (const a of e.aliases) for (const s of a.sources) need(sources, s, `${e.id} alias ${a.name}`);
    }
    for (const p of dataset.places) {
      need(places, p.partOf, `place ${p.id} partOf`);
      need(sources, p.location?.source, `place ${p.id} location`);
    }
    for (const e of dataset.engagements) {
      need(engagements, e.partOf, `engagement ${e.id} partOf`);
      for (const p of e.places) need(places, p, `engagement ${e.id} place`);
      for (const p of e.participants) need(actors, p.actor, `engagement ${e.id} participant`);
      for (const c of e.casualties) need(sources, c.source, `engagement ${e.id} casualties`);
    }
    const r = dataset.relations;
    for (const x of r.lineage) [x.from, x.to].forEach((a) => need(actors, a, `lineage ${x.id}`));
    for (const x of r.memberships) [x.member, x.group].forEach((a) => need(actors, a, `membership ${x.id}`));
    for (const x of r.alliances) x.actors.forEach((a) => need(actors, a, `alliance ${x.id}`));
    for (const x of r.sponsorships) [x.sponsor, x.client].forEach((a) => need(actors, a, `sponsorship ${x.id}`));
    for (const x of r.affiliations) [x.actor, x.of].forEach((a) => need(actors, a, `affiliation ${x.id}`));
    for (const x of r.control) {
      need(actors, x.actor, `control ${x.id}`);
      need(places, x.place, `control ${x.id}`);
    }
    expect(dangling).toEqual([]);
  });

  it('gives every engagement a participant, a place, a citation and a dated start with a precision', () => {
    const bad: string[] = [];
    for (const e of dataset.engagements) {
      if (e.participants.length === 0) bad.push(`${e.id}: no participant`);
      if (e.places.length === 0) bad.push(`${e.id}: no place`);
      if (e.citations.length === 0) bad.push(`${e.id}: no citation`);
      const start = parseFuzzyDate(e.start);
      if (!['DAY', 'MONTH', 'YEAR'].includes(start.precision)) bad.push(`${e.id}: start without precision`);
      if (e.end !== undefined) parseFuzzyDate(e.end);
      if (e.contested && !e.contestedNote) bad.push(`${e.id}: contested without a note`);
    }
    expect(bad).toEqual([]);
  });

  it('cites every dated edge', () => {
    const uncited: string[] = [];
    for (const [kind, list] of Object.entries(dataset.relations)) {
      for (const r of list as { id: string; citations: Citation[]; from?: string; to?: string; date?: string }[]) {
        // Lineage edges use from/to for actors and `date` for the change; the others have periods.
        const dates = kind === 'lineage' ? [r.date] : [r.from, r.to];
        const dated = dates.some((d) => d !== undefined);
        if (dated && r.citations.length === 0) uncited.push(`${kind} ${r.id}`);
        for (const d of dates) if (d !== undefined) parseFuzzyDate(d);
      }
    }
    expect(uncited).toEqual([]);
  });

  it('cites an article quote naming every place, and the gazetteer behind every coordinate', () => {
    const kindOf = new Map(dataset.sources.map((s) => [s.id, s.kind]));
    const bad: string[] = [];
    for (const p of dataset.places) {
      if (!p.citations.some((c) => kindOf.get(c.source) === 'ARTICLE' && c.quote !== undefined)) {
        bad.push(`${p.id}: no article citation`);
      }
      if (p.location !== undefined) {
        if (kindOf.get(p.location.source) !== 'DATASET') bad.push(`${p.id}: location not from a DATASET`);
        if (!p.citations.some((c) => c.source === p.location?.source)) bad.push(`${p.id}: gazetteer not cited`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('marks as contested the claims the articles themselves dispute', () => {
    const byId = new Map(dataset.engagements.map((e) => [e.id, e]));
    const khalasah = byId.get('khalasah-reported-capture-2016-06-03');
    expect(khalasah?.contested).toBe(true);
    expect(khalasah?.outcome).toBe('CONTESTED');
    expect(byId.get('zaytan-assault-2016-06')?.contested).toBe(true);
    // 001 settles it ("photos from the recaptured neighborhood capped the rebel defeat"): the
    // earlier uncertainty is told in the outcome, the final claim is not disputed.
    expect(byId.get('dhahiyet-al-assad-recapture-2016-11')?.contested).toBe(false);
  });
});

describe('one node per name', () => {
  const actorCases: [string, string[]][] = [
    [
      'jabhat-al-nusra',
      ['Jabhat al-Nusra', 'Jabhat Al-Nusra', 'Jabhat-al-Nusra', 'al-Nusra', 'Nusra', 'Jabhat an-Nusrah', 'جبهة النصرة'],
    ],
    ['jabhat-fatah-al-sham', ['Jabhet Fatah al-Shaam', 'Jabhat Fatah al-Sham', 'JFS', 'Jabhat Fateh al-Sham']],
    [
      'hayat-tahrir-al-sham',
      ['Hay’at Tahreer Al-Sham', "Hay'at Tahrir al-Sham", 'HTS', 'Hayat Tahrir al-Sham', 'هيئة تحرير الشام'],
    ],
    ['liwa-al-quds', ['Liwaa Al-Quds', 'al-Quds Brigade', 'Liwa al-Quds', 'Jerusalem Brigades']],
    ['jaysh-al-mujahideen', ['Jaysh Al-Mujahiddeen', 'Jaish al-Mujahideen']],
    ['ahrar-al-sham', ['Harakat Ahrar Al-Sham', 'Ahrar al-Sham', 'Ahrar ash-Sham']],
    ['syrian-arab-army', ['Syrian Arab Army', 'SAA', 'Syrian army', 'Syrian Army']],
    ['national-defence-forces', ['National Defense Force', 'NDF', 'National Defence Forces']],
    ['liwa-fatemiyoun', ['Liwa al-Fateyimoun', 'Liwa Fatemiyoun']],
    ['harakat-al-nujaba', ['Harakat al-Nujaba', 'Harakat Hezbollah al-Nujaba']],
    ['aleppo-conquest-operations-room', ['Aleppo Conquest Operations Room', 'Fatah Halab']],
    ['jaysh-al-fatah', ['Jaysh al-Fatah', 'Jaish al-Fatah', 'Army of Conquest']],
    ['turkistan-islamic-party', ['Turkistan Islamic Party', 'TIP']],
    ['hezbollah', ['Hezbollah', 'Hizballah']],
  ];
  const placeCases: [string, string[]][] = [
    ['khan-touman', ['Khan Touman', 'Khantouman', 'Khan Tuman', 'KHAN TOUMAN']],
    ['khalasah', ['Khalasah', 'Khulsa']],
    ['al-rashideen', ['al-Rashideen', 'Al-Rashideen', 'al-Rashidin']],
    ['al-layramoun', ['Lirmoun', 'Al-Layramoun', 'Alleramoon', 'al-Layramun']],
    ['dhahiyet-al-assad', ['Dhahiyet al-Assad', 'Dahiyat al-Assad', 'Dahiet al-Assad']],
    ['tell-mutah', ['Tell Mutah', 'Tall Mutah']],
    ['tell-rakhm', ['Tell Rakhm', 'Tall Rakhm']],
    ['tell-bazo', ['Tell Bazo', 'Tall Bazo']],
    ['tall-shuwaynah', ['Tall Shuwaynah', 'Tell Shuwaynah']],
    ['al-khalidiyah', ['Al-Khalidiyah', 'Khaldiyeh']],
    ['kafr-naha', ['Kafrnaha', 'Kafr Naha']],
    ['kafr-dael', ['Kafr da’el', 'Kafr Dael', "Kafr Da'el"]],
    ['darat-izza', ['Darat Ezza', 'Darat Izzah', 'Daret Azza']],
    ['al-sukkari', ['Al-Sukkari', 'As-Sukkari']],
    ['bashkoy', ['Bashkoy', 'Bashkuy']],
    ['castello-road', ['Castilo Road', 'Castello Road']],
    ['al-atareb', ['Al-Atareb', 'Atarib', 'Al Atarib']],
    ['maarat-al-arteeq', ['Maarat Al-Arteeq', 'Maarrat al-Artiq']],
  ];

  for (const [id, spellings] of actorCases) {
    it(`resolves ${spellings.join(' / ')} to the one actor ${id}`, () => {
      for (const s of spellings) expect(idsMatching(dataset.actors, s), s).toEqual([id]);
    });
  }
  for (const [id, spellings] of placeCases) {
    it(`resolves ${spellings.join(' / ')} to the one place ${id}`, () => {
      for (const s of spellings) expect(idsMatching(dataset.places, s), s).toEqual([id]);
    });
  }

  it('keeps Nusra, JFS and HTS as separate nodes joined by dated lineage edges', () => {
    const lineage = dataset.relations.lineage;
    const edge = (from: string, to: string) => lineage.find((l) => l.from === from && l.to === to);
    expect(edge('jabhat-al-nusra', 'jabhat-fatah-al-sham')).toMatchObject({ kind: 'RENAMED_TO', date: '2016-07-28' });
    for (const group of [
      'jabhat-fatah-al-sham',
      'harakat-nour-al-din-al-zenki',
      'liwa-al-haqq',
      'jabhat-ansar-al-din',
      'jaysh-al-sunna',
    ]) {
      expect(edge(group, 'hayat-tahrir-al-sham'), group).toMatchObject({ kind: 'MERGED_INTO', date: '2017-01-28' });
    }
    const kindOf = new Map(dataset.sources.map((s) => [s.id, s.kind]));
    for (const l of lineage)
      expect(
        l.citations.some((c) => kindOf.get(c.source) === 'REFERENCE'),
        l.id,
      ).toBe(true);
  });
});

describe.skipIf(!SHARED_PRESENT)('the project copy of the founding articles', () => {
  it('is byte-identical to shared/sources', async () => {
    const shared = (await readdir(SHARED_SOURCES)).filter((f) => f.endsWith('.txt')).sort();
    expect(shared.length).toBeGreaterThan(0);
    const local = (await readdir(path.join(DATA_DIR, 'sources'))).filter((f) => f.endsWith('.txt')).sort();
    expect(local).toEqual(shared);
    for (const f of shared) {
      const [a, b] = await Promise.all([
        readFile(path.join(SHARED_SOURCES, f)),
        readFile(path.join(DATA_DIR, 'sources', f)),
      ]);
      expect(b.equals(a), `${f} differs from shared/sources`).toBe(true);
    }
  });
});

/** The data files as written in YAML (schema input types), for editing broken copies. */
interface DataFiles {
  sources: z.input<typeof SourcesFile>;
  actors: z.input<typeof ActorsFile>;
  places: z.input<typeof PlacesFile>;
  engagements: z.input<typeof EngagementsFile>;
  relations: z.input<typeof RelationsFile>;
}

/** The entry with this id; fails the test when the fixture no longer has it. */
function byId<T extends { id: string }>(entries: readonly T[] | undefined, id: string): T {
  const found = entries?.find((e) => e.id === id);
  if (found === undefined) throw new Error(`fixture entry "${id}" not found`);
  return found;
}

describe('readDataset on a broken copy', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aleppo-dataset-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function brokenCopy(name: string, edit: (files: DataFiles) => void): Promise<string> {
    const target = path.join(dir, name);
    await cp(DATA_DIR, target, { recursive: true });
    const load = async (f: string): Promise<unknown> =>
      parseYaml(await readFile(path.join(target, `${f}.yaml`), 'utf8'));
    const files = {
      sources: await load('sources'),
      actors: await load('actors'),
      places: await load('places'),
      engagements: await load('engagements'),
      relations: await load('relations'),
    } as DataFiles;
    edit(files);
    for (const [f, content] of Object.entries(files)) {
      await writeFile(path.join(target, `${f}.yaml`), stringifyYaml(content), 'utf8');
    }
    return target;
  }

  async function problemsOf(target: string): Promise<string[]> {
    try {
      await readDataset(target);
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      return (e as DatasetError).problems;
    }
    throw new Error('readDataset accepted a broken dataset');
  }

  it('accepts an unmodified copy', async () => {
    const target = await brokenCopy('clean', () => {});
    await expect(readDataset(target)).resolves.toBeDefined();
  });

  it('reports every problem at once: fabricated quote, dangling reference, impossible date, duplicate id', async () => {
    const target = await brokenCopy('all', (f) => {
      const khan = byId(f.engagements, 'khan-touman-capture-2016-05');
      khan.citations[0] = {
        ...khan.citations[0],
        source: '000_60ecd4665a9ba8af',
        quote: 'Khan Touman fell to the rebels on 6 May after a week of fighting',
      };
      byId(f.engagements, 'minyan-recapture-2016-11').participants.push({ actor: 'no-such-actor', side: 'ATTACKER' });
      const hills = byId(f.engagements, 'tell-hills-capture-2016-11');
      hills.start = '2016-02-30';
      delete hills.end;
      f.actors.push(structuredClone(byId(f.actors, 'hezbollah')));
    });
    const problems = await problemsOf(target);
    const has = (...parts: string[]) =>
      expect(
        problems.some((p) => parts.every((x) => p.includes(x))),
        `${parts.join(' + ')} in:\n${problems.join('\n')}`,
      ).toBe(true);
    has('engagements.yaml', 'khan-touman-capture-2016-05', 'citations.0.quote', 'not found verbatim');
    has('engagements.yaml', 'minyan-recapture-2016-11', 'participants', 'no-such-actor');
    has('engagements.yaml', 'tell-hills-capture-2016-11', 'start', '2016-02-30');
    has('actors.yaml', 'hezbollah', 'duplicate id');
  });

  it('rejects a PART_OF cycle, a contested fact without a note and two places sharing a spelling', async () => {
    const target = await brokenCopy('more', (f) => {
      byId(f.places, 'aleppo-governorate').partOf = 'aleppo-city';
      byId(f.relations.control, 'syrian-arab-army-controls-minyan-2016-11').contested = true;
      byId(f.places, 'khalasah').aliases?.push({ name: 'Khan Tuman', kind: 'ROMANISATION' });
    });
    const problems = await problemsOf(target);
    expect(problems.some((p) => p.includes('places.yaml') && p.includes('PART_OF cycle'))).toBe(true);
    expect(
      problems.some(
        (p) =>
          p.includes('relations.yaml') &&
          p.includes('syrian-arab-army-controls-minyan-2016-11') &&
          p.includes('contestedNote'),
      ),
    ).toBe(true);
    expect(
      problems.some((p) => p.includes('places.yaml') && p.includes('"khan-touman"') && p.includes('"khalasah"')),
    ).toBe(true);
  });

  it('rejects an ARTICLE citation without a quote, a missing article text and an orphan actor', async () => {
    const target = await brokenCopy('provenance', (f) => {
      const sponge = byId(f.engagements, 'sponge-factory-capture');
      sponge.citations[0] = { source: '002_d6fdb941009c6c90' };
      f.actors.push({
        id: 'orphan-brigade',
        name: 'Orphan Brigade',
        kind: 'ARMED_GROUP',
        citations: [{ source: 'wikipedia-tahrir-al-sham', note: 'test' }],
      });
    });
    await rm(path.join(target, 'sources', '003_36693c1248e8b1cd.txt'));
    const problems = await problemsOf(target);
    expect(problems.some((p) => p.includes('sponge-factory-capture') && p.includes('citations.0.quote'))).toBe(true);
    expect(problems.some((p) => p.includes('003_36693c1248e8b1cd') && p.includes('no text file'))).toBe(true);
    expect(problems.some((p) => p.includes('orphan-brigade') && p.includes('not referenced'))).toBe(true);
  });

  it('rejects an engagement whose quotes name neither a participant nor a place, unless the participant says where it is inferred from', async () => {
    const target = await brokenCopy('unnamed', (f) => {
      const hills = byId(f.engagements, 'tell-hills-capture-2016-11');
      // Keep only the quote that names the hills' capture but no force and no hill.
      hills.citations = [{ source: '001_8571e92a88501cad', quote: 'were captured after heavy fighting' }];
      const minyan = byId(f.engagements, 'minyan-recapture-2016-11');
      minyan.participants.push({ actor: 'hezbollah', side: 'ATTACKER', inferredFrom: 'a test reason' });
      const alliance = byId(f.relations.alliances, 'jaysh-al-fatah-allied-with-jund-al-aqsa');
      alliance.citations = [{ source: '000_60ecd4665a9ba8af', quote: 'Jund al-Aqsa' }];
    });
    const problems = await problemsOf(target);
    const about = (id: string) => problems.filter((p) => p.includes(`"${id}"`));
    expect(about('tell-hills-capture-2016-11').join('\n')).toMatch(
      /participants\.0: no quote names "syrian-arab-army"/,
    );
    expect(about('tell-hills-capture-2016-11').join('\n')).toMatch(/participants\.1: no quote names "hezbollah"/);
    expect(about('tell-hills-capture-2016-11').join('\n')).toMatch(/places\.0: no quote names the place "tell-mutah"/);
    expect(about('minyan-recapture-2016-11')).toEqual([]);
    expect(about('jaysh-al-fatah-allied-with-jund-al-aqsa').join('\n')).toMatch(/no quote names "jaysh-al-fatah"/);
  });

  it('rejects a membership that says how it ended but not when', async () => {
    const target = await brokenCopy('end-reason', (f) => {
      const m = byId(f.relations.memberships, 'ahrar-al-sham-member-of-jaysh-al-fatah');
      delete m.to;
    });
    const problems = await problemsOf(target);
    expect(problems.some((p) => p.includes('ahrar-al-sham-member-of-jaysh-al-fatah') && p.includes('endReason'))).toBe(
      true,
    );
  });

  it('rejects a schema violation with the file, entry and field', async () => {
    const target = await brokenCopy('schema', (f) => {
      (byId(f.places, 'zaytan') as { kind: string }).kind = 'HAMLET';
    });
    const problems = await problemsOf(target);
    expect(problems.some((p) => p.includes('places.yaml') && p.includes('"zaytan"') && p.includes('kind'))).toBe(true);
  });
});
