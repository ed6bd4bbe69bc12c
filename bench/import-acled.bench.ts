/**
 * Benchmark (not a test): generates an ACLED-layout CSV of `--rows` rows (default 1,000,000) into
 * a temporary file, imports it, and prints rows/s and the importer's peak memory.
 *
 *   npm run bench:import                      # 1,000,000 rows, a temporary local Neo4j
 *   npm run bench:import -- --rows 100000 --batch-size 2000
 *   NEO4J_URI=bolt://... NEO4J_PASSWORD=... npm run bench:import   # an existing Neo4j (it is written to!)
 *
 * Without NEO4J_URI it starts a local Neo4j on a free port with a temporary store (heap from
 * LOCAL_NEO4J_HEAP, default 2g here), loads the founding dataset so names have something to match,
 * and deletes it all afterwards. The rows are realistic in shape: a few dozen actor names (real
 * ACLED spellings among them, so some match known actors), a few thousand locations (some known
 * places), notes of typical length, all sub-event types, a few territory changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { progressBar } from '../src/cli/progress.js';
import { readConfig } from '../src/config.js';
import { connectDatabase, type Database } from '../src/db/database.js';
import { ensureDataset } from '../src/dataset/bootstrap.js';
import { ACLED } from '../src/import/acled.js';
import { DEFAULT_BATCH_SIZE, importEvents } from '../src/import/pipeline.js';
import { freePort } from '../src/neo4j-local/localNeo4j.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
    keep: { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const BATCH_SIZE = Number(args['batch-size']);

const COLUMNS =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,' +
  'actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,' +
  'latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

const ACTORS: readonly [string, number][] = [
  ['Military Forces of Syria (2000-)', 1],
  ['Military Forces of Russia (2000-)', 8],
  ['Military Forces of Turkey (2016-)', 8],
  ['Hayat Tahrir al Sham', 2],
  ['Ahrar al Sham', 2],
  ['Faylaq al Sham', 2],
  ['NDF: National Defence Forces', 3],
  ['Liwa al Quds', 3],
  ['Hezbollah', 8],
  ['Turkistan Islamic Party', 2],
  ['Islamic State (Syria)', 2],
  ['QSD: Syrian Democratic Forces', 2],
  ['National Front for Liberation', 2],
  ['Unidentified Armed Group (Syria)', 3],
  ...Array.from({ length: 40 }, (_, i): [string, number] => [`Armed Group ${i + 1} (Syria)`, 2 + (i % 3)]),
];
const SUB_EVENTS: readonly [string, string][] = [
  ['Battles', 'Armed clash'],
  ['Battles', 'Armed clash'],
  ['Battles', 'Government regains territory'],
  ['Battles', 'Non-state actor overtakes territory'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Violence against civilians', 'Attack'],
  ['Strategic developments', 'Looting/property destruction'],
];
const KNOWN_PLACES: readonly [string, number, number][] = [
  ['Khan Tuman', 36.117, 37.051],
  ['Aleppo', 36.2021, 37.1343],
  ['Khalasah', 36.0569, 37.0584],
  ['Al Zerba', 36.0682, 36.9783],
  ['Bashkuy', 36.3279, 37.1227],
  ['Kafr Naha', 36.1683, 36.9845],
];
const GOVERNORATES = ['Aleppo', 'Idleb', 'Hama', 'Homs', 'Deir-ez-Zor', 'Ar-Raqqa'];

/** A small deterministic generator, so two runs import the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes the CSV a row at a time, waiting for the disk: the file is never held in memory. */
async function generate(file: string, rows: number): Promise<void> {
  const next = random(20200209);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const places = [
    ...KNOWN_PLACES,
    ...Array.from({ length: 3000 }, (_, i): [string, number, number] => [
      `Village ${i + 1}`,
      32.5 + next() * 4.5,
      35.8 + next() * 6,
    ]),
  ];
  const out = fs.createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${COLUMNS}\n`);
  const start = Date.UTC(2017, 0, 1);
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + Math.floor(next() * 7 * 365) * 86_400_000).toISOString().slice(0, 10);
    const [eventType, subEventType] = pick(SUB_EVENTS);
    const [actor1, inter1] = pick(ACTORS);
    const [actor2, inter2] = next() < 0.15 ? ['Civilians (Syria)', 7] : pick(ACTORS);
    const assoc = next() < 0.2 ? pick(ACTORS)[0] : '';
    const [location, latitude, longitude] = next() < 0.1 ? pick(KNOWN_PLACES) : pick(places);
    const precision = next() < 0.9 ? 1 : next() < 0.5 ? 2 : 3;
    const fatalities = Math.floor(next() ** 4 * 40);
    const notes =
      `On ${day}, ${actor1} and ${actor2} were involved in ${subEventType.toLowerCase()} in ${location}. ` +
      `Sources report ${fatalities} fatalities; the situation "remains tense".`;
    const fields = [
      `SYR${900000 + i}`,
      day,
      day.slice(0, 4),
      String(precision),
      'Political violence',
      eventType,
      subEventType,
      actor1,
      assoc,
      String(inter1),
      actor2,
      '',
      String(inter2),
      `${Math.min(inter1, inter2)}${Math.max(inter1, inter2)}`,
      inter2 === 7 ? 'Civilian targeting' : '',
      '760',
      'Middle East',
      'Syria',
      pick(GOVERNORATES),
      'District',
      'Subdistrict',
      location,
      latitude.toFixed(4),
      longitude.toFixed(4),
      '1',
      'SOHR',
      'National',
      notes,
      String(fatalities),
      '',
      '1700000000',
    ];
    await write(`${fields.map(csvField).join(',')}\n`);
  }
  out.end();
  await once(out, 'finish');
}

async function openDatabase(): Promise<{ database: Database; cleanup: () => void }> {
  if (process.env['NEO4J_URI'] !== undefined) {
    return { database: await connectDatabase(readConfig(), console.error), cleanup: () => undefined };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aleppo-bench-neo4j-'));
  const config = readConfig({
    ...process.env,
    LOCAL_NEO4J_PORT: String(await freePort()),
    LOCAL_NEO4J_DATA_DIR: dataDir,
    LOCAL_NEO4J_HEAP: process.env['LOCAL_NEO4J_HEAP'] ?? '2g',
  });
  const database = await connectDatabase(config, console.error);
  await ensureDataset(database.executor, 'if-empty');
  return { database, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
  const file = path.join(os.tmpdir(), `acled-bench-${process.pid}.csv`);
  console.error(`Generating ${ROWS.toLocaleString('en')} ACLED rows into ${file} ...`);
  const generated = performance.now();
  await generate(file, ROWS);
  const bytes = fs.statSync(file).size;
  console.error(`  ${(bytes / 1024 / 1024).toFixed(0)} MB in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

  const { database, cleanup } = await openDatabase();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const bar = progressBar('import', bytes, 'rows');
  try {
    const summary = await importEvents(database.executor, ACLED, file, {
      batchSize: BATCH_SIZE,
      rejectsPath: `${file}.rejects.csv`,
      onProgress: (p) => bar.update(p.bytes, p.rows),
    });
    bar.stop();
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const seconds = summary.elapsedMs / 1000;
    console.log(
      [
        `ACLED import benchmark: ${summary.rows.toLocaleString('en')} rows (${(bytes / 1024 / 1024).toFixed(0)} MB), batch size ${BATCH_SIZE}`,
        `  time            ${seconds.toFixed(1)} s`,
        `  throughput      ${Math.round(summary.rows / seconds).toLocaleString('en')} rows/s`,
        `  peak memory     ${(peakRss / 1024 / 1024).toFixed(0)} MB RSS sampled, ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB max RSS (importer process; Neo4j runs apart)`,
        `  engagements     ${summary.engagements.created.toLocaleString('en')} new, ${summary.engagements.existing.toLocaleString('en')} existing; ${summary.rejected} rejected`,
        `  actors/places   ${summary.actors.created} / ${summary.places.created} created, ${summary.actors.matched} / ${summary.places.matched} matched`,
      ].join('\n'),
    );
  } finally {
    bar.stop();
    clearInterval(sampler);
    await database.close();
    cleanup();
    if (!args.keep) fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.rejects.csv`, { force: true });
  }
}

await main();
