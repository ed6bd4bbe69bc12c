/**
 * Scale generator: a dataset folder (the founding data plus generated actors, places, lineage,
 * coalitions, sponsors and aliases, in the `data/` format) and an ACLED-layout CSV of events
 * between them, deterministic from a seed. Both load through the project's own loader and importer
 * (`npm run bench -- --scale ...` does that, or `npm run load -- --data DIR/data` then
 * `npm run cli -- import acled DIR/acled.csv`).
 *
 *   npm run generate -- --actors 50000 --places 20000 --engagements 1000000 --out /tmp/scale-1m
 *
 * What is realistic about it: actor participation follows a power law (a few groups fight in most
 * events, most groups in a handful); names are built from the words Syrian group and place names
 * use, and the CSV spells them with the romanisation variants sources use (al-/el-/ash-, e/a,
 * ou/u, doubled letters, q/k) that the name rules fold to one key; dates span 2012-2024;
 * coordinates lie in Syria. What is not: the names are not real ones, and the facts cite one
 * generated reference source (marked as such in its title) rather than articles.
 *
 * Also writes `questions.json`: the generated equivalents of the benchmark's five questions (an
 * actor with a rename chain, the busiest place, the best-connected actor, the most active actor,
 * and a misspelt name), chosen from what was generated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { normaliseName } from '../src/domain/names.js';
import { DATA_DIR } from '../src/dataset/read.js';

export interface ScaleQuestions {
  lineageActor: string;
  place: string;
  cardActor: string;
  pageActor: string;
  pageFrom: string;
  pageTo: string;
  searchText: string;
  searchExpectedId: string;
}

export interface ScaleOptions {
  actors: number;
  places: number;
  engagements: number;
  seed: number;
  out: string;
}

const SOURCE = 'generated-scale-reference';
const GAZETTEER = 'generated-scale-gazetteer';

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUP_HEADS = ['Liwa', 'Jaysh', 'Harakat', 'Jabhat', 'Faylaq', "Kata'ib", 'Ansar', 'Tajammu', 'Firqat', 'Saraya'];
const GROUP_WORDS = [
  'Sham',
  'Islam',
  'Fatah',
  'Tahrir',
  'Nasr',
  'Haqq',
  'Furqan',
  'Mujahidin',
  'Sunna',
  'Umma',
  'Izza',
  'Karama',
  'Thuwar',
  'Ahrar',
  'Nur',
  'Din',
  'Salam',
  'Quds',
  'Hamza',
  'Mutasim',
  'Sultan',
  'Murad',
  'Umar',
  'Khalid',
  'Saad',
  'Tawhid',
  'Iman',
  'Shuhada',
  'Fajr',
  'Badr',
  'Hijra',
  'Rahman',
  'Nasir',
  'Mansur',
  'Qadisiya',
  'Yarmuk',
  'Hittin',
  'Ajnad',
  'Sadiq',
  'Ghuraba',
  'Muhajirin',
  'Abbas',
  'Zubayr',
  'Bara',
  'Harith',
  'Jalal',
];
const PLACE_HEADS = ['Tell', 'Kafr', 'Khan', 'Deir', 'Ain', 'Jabal', 'Tall', 'Maarat', 'Bir', 'Qasr', 'Hazm', 'Beit'];
const PLACE_WORDS = [
  'Hamra',
  'Jadid',
  'Sultan',
  'Shaykh',
  'Abyad',
  'Zaytun',
  'Tuffah',
  'Rum',
  'Nasr',
  'Qarn',
  'Basal',
  'Hasan',
  'Karim',
  'Tamr',
  'Dahab',
  'Ward',
  'Sukkar',
  'Milh',
  'Rummana',
  'Dibs',
  'Bustan',
  'Nahr',
  'Qamar',
  'Shams',
  'Hilal',
  'Kabir',
  'Saghir',
  'Sharqi',
  'Gharbi',
  'Fawqani',
  'Tahtani',
  'Ali',
  'Yusuf',
  'Ibrahim',
  'Daud',
];
const GOVERNORATES = [
  { id: 'aleppo-governorate', acled: 'Aleppo', lat: [35.6, 36.8], lon: [36.6, 38.5] },
  { id: 'idlib-governorate', acled: 'Idleb', lat: [35.5, 36.3], lon: [36.2, 37.0] },
];
const SUB_EVENTS: readonly [string, string][] = [
  ['Battles', 'Armed clash'],
  ['Battles', 'Armed clash'],
  ['Battles', 'Government regains territory'],
  ['Battles', 'Non-state actor overtakes territory'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
];
const ACLED_COLUMNS =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,' +
  'actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,' +
  'latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

/**
 * Romanisation noise that the name key folds away, so a variant is the same name to the graph:
 * the article's forms, vowel spellings, doubled consonants, q/k, a final h.
 */
function romanise(name: string, next: () => number): string {
  const variants: ((s: string) => string)[] = [
    (s) => s.replace(/\bal-/g, 'el-'),
    (s) =>
      s
        .replace(/\bal-S/g, 'ash-S')
        .replace(/\bal-T/g, 'at-T')
        .replace(/\bal-N/g, 'an-N'),
    (s) => s.replace(/\bal-/g, 'al '),
    (s) => s.replace(/a(?=[^aeiou\s]\b)/g, 'e'),
    (s) => s.replace(/u/g, 'ou'),
    (s) => s.replace(/i/g, 'ee'),
    (s) => s.replace(/q/g, 'k').replace(/Q/g, 'K'),
    (s) => s.replace(/([bdfklmnrst])a/, '$1$1a'),
    (s) => s.replace(/a\b/g, 'ah'),
  ];
  let out = name;
  for (const v of variants) if (next() < 0.3) out = v(out);
  return out;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A misspelling of `name` that is no other name: one interior letter dropped from its longest word
 * (the article aside), at the first position whose key no entity has.
 */
function misspell(name: string, taken: ReadonlySet<string>): string {
  const words = name.split(' ');
  const bare = (w: string) => w.replace(/^al-/, '');
  const longest = words.reduce((a, b) => (bare(b).length > bare(a).length ? b : a), '');
  const article = longest.length - bare(longest).length;
  for (let i = article + 2; i < longest.length - 1; i++) {
    const candidate = name.replace(longest, longest.slice(0, i) + longest.slice(i + 1));
    if (!taken.has(normaliseName(candidate))) return candidate;
  }
  return name;
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface GeneratedActor {
  id: string;
  name: string;
  aliases: string[];
}

interface GeneratedPlace {
  id: string;
  name: string;
  governorate: (typeof GOVERNORATES)[number];
  lat: number;
  lon: number;
}

/** Unique names by the graph's own key: a name whose key is taken gets another word. */
function uniqueNames(count: number, make: (n: number) => string, taken: Set<string>): string[] {
  const names: string[] = [];
  for (let n = 0; names.length < count; n++) {
    const name = make(n);
    const key = normaliseName(name);
    if (taken.has(key)) continue;
    taken.add(key);
    names.push(name);
  }
  return names;
}

function readFounding(file: string): unknown {
  return YAML.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'));
}

export async function generateScale(options: ScaleOptions): Promise<ScaleQuestions> {
  const next = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const founding = {
    sources: readFounding('sources.yaml') as Record<string, unknown>[],
    actors: readFounding('actors.yaml') as { name: string; aliases?: { name: string }[] }[],
    places: readFounding('places.yaml') as { name: string; aliases?: { name: string }[] }[],
    relations: readFounding('relations.yaml') as Record<string, unknown[]>,
  };
  const taken = new Set<string>();
  for (const e of [...founding.actors, ...founding.places])
    for (const n of [e.name, ...(e.aliases ?? []).map((a) => a.name)]) taken.add(normaliseName(n));

  // ---- actors: names of two or three words, each with romanisation variants as aliases
  const actorNames = uniqueNames(
    options.actors,
    (n) => {
      const words = n % 3 === 0 ? 3 : 2;
      const parts = [pick(GROUP_HEADS), ...Array.from({ length: words - 1 }, () => `al-${pick(GROUP_WORDS)}`)];
      // Past the combinations of the word lists, a numbered unit ("... 12th Brigade") keeps names distinct.
      return n > options.actors / 2 ? `${parts.join(' ')} ${Math.floor(n / 1000) + 1}` : parts.join(' ');
    },
    taken,
  );
  const actors: GeneratedActor[] = actorNames.map((name, i) => {
    const aliases = new Set<string>();
    const own = normaliseName(name);
    for (let k = 0; k < 3; k++) {
      const v = romanise(name, next);
      const key = normaliseName(v);
      // A variant the rules fold differently must not take another actor's name.
      if (v === name || (key !== own && taken.has(key))) continue;
      taken.add(key);
      aliases.add(v);
    }
    return { id: `gen-${slug(name)}-${i}`, name, aliases: [...aliases] };
  });

  // ---- places: villages in the two governorates, with gazetteer coordinates
  const placeNames = uniqueNames(
    options.places,
    (n) => {
      const base = `${pick(PLACE_HEADS)} ${pick(PLACE_WORDS)}`;
      if (n <= options.places / 3) return base;
      // Past the three-word combinations (about 15,000), a numbered hamlet ("Tell Hamra Nasr 3").
      return n > options.places
        ? `${base} ${pick(PLACE_WORDS)} ${Math.floor(n / 1000)}`
        : `${base} ${pick(PLACE_WORDS)}`;
    },
    taken,
  );
  const places: GeneratedPlace[] = placeNames.map((name, i) => {
    const governorate = pick(GOVERNORATES);
    return {
      id: `gen-${slug(name)}-${i}`,
      name,
      governorate,
      lat: governorate.lat[0]! + next() * (governorate.lat[1]! - governorate.lat[0]!),
      lon: governorate.lon[0]! + next() * (governorate.lon[1]! - governorate.lon[0]!),
    };
  });

  const cite = (note: string) => [{ source: SOURCE, note }];
  const dataDir = path.join(options.out, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.cpSync(path.join(DATA_DIR, 'sources'), path.join(dataDir, 'sources'), { recursive: true });
  // The founding files this generator adds nothing to are copied as they are.
  const written = new Set(['sources.yaml', 'actors.yaml', 'places.yaml', 'relations.yaml']);
  for (const file of fs.readdirSync(DATA_DIR))
    if (file.endsWith('.yaml') && !written.has(file))
      fs.copyFileSync(path.join(DATA_DIR, file), path.join(dataDir, file));

  const sources = [
    ...founding.sources,
    {
      id: SOURCE,
      kind: 'REFERENCE',
      title: `Generated scale data (seed ${options.seed}), not a real source`,
      note: 'Written by scripts/generate-scale.ts for benchmarks; every fact citing it is synthetic.',
    },
    { id: GAZETTEER, kind: 'DATASET', title: `Generated gazetteer (seed ${options.seed}), not a real source` },
  ];
  // JSON is YAML: the loader reads these files unchanged, and JSON writes quickly.
  const writeJson = (file: string, value: unknown) => fs.writeFileSync(path.join(dataDir, file), JSON.stringify(value));
  writeJson('sources.yaml', sources);
  writeJson('actors.yaml', [
    ...founding.actors,
    ...actors.map((a, i) => ({
      id: a.id,
      name: a.name,
      kind: i % 50 === 0 ? 'COALITION' : 'ARMED_GROUP',
      description: 'Unlinked: a generated actor; its events are in the generated ACLED file.',
      aliases: a.aliases.map((name) => ({ name, kind: 'ROMANISATION' })),
      citations: cite('Generated actor.'),
    })),
  ]);
  writeJson('places.yaml', [
    ...founding.places,
    ...places.map((p) => ({
      id: p.id,
      name: p.name,
      kind: 'VILLAGE',
      description: 'Unlinked: a generated place; its events are in the generated ACLED file.',
      partOf: p.governorate.id,
      location: {
        latitude: Number(p.lat.toFixed(5)),
        longitude: Number(p.lon.toFixed(5)),
        source: GAZETTEER,
        gazetteerName: p.name,
        precision: 'village',
      },
      citations: [{ source: GAZETTEER, note: 'Generated place.' }],
    })),
  ]);

  // ---- relations: rename chains, coalition memberships, state sponsors, alliances
  const year = (from: number, span: number) => String(from + Math.floor(next() * span));
  const lineage: unknown[] = [];
  let lineageActor = actors[0]!.id;
  for (let i = 1; i + 2 < actors.length; i += 40) {
    const [a, b, c] = [actors[i]!, actors[i + 1]!, actors[i + 2]!];
    lineage.push(
      {
        id: `${a.id}-renamed`,
        kind: 'RENAMED_TO',
        from: a.id,
        to: b.id,
        date: `${year(2013, 3)}-06`,
        citations: cite('Generated rename.'),
      },
      {
        id: `${b.id}-merged`,
        kind: 'MERGED_INTO',
        from: b.id,
        to: c.id,
        date: `${year(2017, 3)}-01`,
        citations: cite('Generated merger.'),
      },
    );
    if (i === 1) lineageActor = b.id;
  }
  const coalitions = actors.filter((_, i) => i % 50 === 0);
  const memberships = actors
    .filter((_, i) => i % 50 !== 0 && i % 3 === 0)
    .map((a) => {
      const from = Number(year(2013, 8));
      return {
        id: `${a.id}-member`,
        member: a.id,
        group: pick(coalitions).id,
        from: String(from),
        to: String(from + 1 + Math.floor(next() * 3)),
        citations: cite('Generated membership.'),
      };
    });
  const states = ['turkey', 'russia', 'qatar', 'saudi-arabia'];
  const sponsorships = actors
    .filter((_, i) => i % 7 === 0)
    .map((a) => ({
      id: `${a.id}-sponsored`,
      sponsor: pick(states),
      client: a.id,
      support: [pick(['WEAPONS', 'FUNDING', 'TRAINING'] as const)],
      from: year(2013, 6),
      citations: cite('Generated sponsorship.'),
    }));
  const alliances = actors
    .filter((_, i) => i % 11 === 0 && i > 0)
    .map((a, k) => {
      const other = actors[(k * 7919 + 13) % actors.length]!;
      return other.id === a.id
        ? null
        : {
            id: `${a.id}-allied-${k}`,
            actors: [a.id, other.id],
            from: year(2014, 6),
            citations: cite('Generated alliance.'),
          };
    })
    .filter((x) => x !== null);
  writeJson('relations.yaml', {
    ...founding.relations,
    lineage: [...(founding.relations['lineage'] ?? []), ...lineage],
    memberships: [...(founding.relations['memberships'] ?? []), ...memberships],
    sponsorships: [...(founding.relations['sponsorships'] ?? []), ...sponsorships],
    alliances: [...(founding.relations['alliances'] ?? []), ...alliances],
  });

  // ---- events: power-law participation, written a row at a time
  const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.exp(next() * Math.log(n + 1))) - 1);
  const participation = new Map<number, number>();
  const atPlace = new Map<number, number>();
  const out = fs.createWriteStream(path.join(options.out, 'acled.csv'));
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${ACLED_COLUMNS}\n`);
  const start = Date.UTC(2012, 0, 1);
  const days = 13 * 365;
  for (let i = 0; i < options.engagements; i++) {
    const day = new Date(start + Math.floor(next() * days) * 86_400_000).toISOString().slice(0, 10);
    const [eventType, subEventType] = pick(SUB_EVENTS);
    const a1 = zipf(actors.length);
    let a2 = zipf(actors.length);
    if (a2 === a1) a2 = (a2 + 1) % actors.length;
    participation.set(a1, (participation.get(a1) ?? 0) + 1);
    participation.set(a2, (participation.get(a2) ?? 0) + 1);
    const p = zipf(places.length);
    atPlace.set(p, (atPlace.get(p) ?? 0) + 1);
    const place = places[p]!;
    const spell = (a: GeneratedActor) =>
      next() < 0.5 ? a.name : next() < 0.7 ? pick(a.aliases.length ? a.aliases : [a.name]) : romanise(a.name, next);
    const actor1 = spell(actors[a1]!);
    const actor2 = spell(actors[a2]!);
    const fatalities = Math.floor(next() ** 4 * 40);
    const fields = [
      `GEN${options.seed}-${i}`,
      day,
      day.slice(0, 4),
      '1',
      'Political violence',
      eventType,
      subEventType,
      actor1,
      '',
      '2',
      actor2,
      '',
      '2',
      '22',
      '',
      '760',
      'Middle East',
      'Syria',
      place.governorate.acled,
      '',
      '',
      place.name,
      place.lat.toFixed(4),
      place.lon.toFixed(4),
      '1',
      'Generated',
      'National',
      `On ${day}, ${actor1} and ${actor2} clashed in ${place.name}. ${fatalities} fatalities reported.`,
      String(fatalities),
      '',
      '1700000000',
    ];
    await write(`${fields.map(csvField).join(',')}\n`);
  }
  out.end();
  await once(out, 'finish');

  const busiest = (counts: Map<number, number>) => [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const pageActor = actors[busiest(participation)]!;
  const target = actors[Math.floor(actors.length / 3)]!;
  const questions: ScaleQuestions = {
    lineageActor,
    place: places[busiest(atPlace)]!.id,
    cardActor: pageActor.id,
    pageActor: pageActor.id,
    pageFrom: '2017-01-01',
    pageTo: '2019-12-31',
    // A misspelling the key does not fold: one letter dropped from a longer word.
    searchText: misspell(target.name, taken),
    searchExpectedId: target.id,
  };
  fs.writeFileSync(path.join(options.out, 'questions.json'), `${JSON.stringify(questions, null, 2)}\n`);
  return questions;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      actors: { type: 'string', default: '50000' },
      places: { type: 'string', default: '20000' },
      engagements: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  const options: ScaleOptions = {
    actors: Number(values.actors),
    places: Number(values.places),
    engagements: Number(values.engagements),
    seed: Number(values.seed),
    out: values.out ?? path.resolve(`scale-${values.engagements}`),
  };
  for (const [name, value] of Object.entries(options))
    if (name !== 'out' && (!Number.isInteger(value) || (value as number) < 1))
      throw new Error(`--${name} takes a positive whole number, got ${String(value)}`);
  const started = performance.now();
  const questions = await generateScale(options);
  console.log(
    `Wrote ${options.out}/data (founding data + ${options.actors} actors, ${options.places} places) and ` +
      `${options.out}/acled.csv (${options.engagements} events) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(JSON.stringify(questions));
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
