/**
 * Benchmark (not a test): imports an ACLED-layout CSV and prints rows/s overall and for each half
 * of the file (the rate must not fall as the graph grows), the importer's peak memory, and where
 * the time goes: the time inside each Cypher statement, and how busy Node's event loop was.
 *
 *   npm run bench:import                      # synthetic: 1,000,000 rows, a few dozen names
 *   npm run bench:import -- --rows 100000 --batch-size 2000
 *   npm run bench:import -- --scale 100k      # generated: 5,000 actors, 2,000 places, 100,000 events
 *   npm run bench:import -- --scale 1m        # generated: 50,000 actors, 20,000 places, 1,000,000 events
 *   NEO4J_URI=bolt://... NEO4J_PASSWORD=... npm run bench:import   # an existing Neo4j (it is written to!)
 *
 * Without NEO4J_URI it starts a local Neo4j on a free port with a temporary store (heap from
 * LOCAL_NEO4J_HEAP, default 2g here) and deletes it afterwards. The synthetic mode loads the
 * founding dataset and imports a file of a few dozen actor names (real ACLED spellings among
 * them, so some match known actors) and a few thousand locations. A `--scale` run generates the
 * scale data as `npm run bench -- --scale` does (scripts/generate-scale.ts, seed 1), loads its
 * dataset folder and imports its acled.csv: power-law participation over thousands of actors,
 * names spelt with romanisation variants, so the graph grows as in a real import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { progressBar } from '../src/cli/progress.js';
import { readConfig } from '../src/config.js';
import { performance } from 'node:perf_hooks';
import { connectDatabase, type Database } from '../src/db/database.js';
import { Executor, type Params, type Row, type StepRunner } from '../src/db/executor.js';
import { CypherQueries, type QueryName } from '../src/db/queries.js';
import { ensureDataset } from '../src/dataset/bootstrap.js';
import { loadDataset } from '../src/dataset/load.js';
import { readDataset } from '../src/dataset/read.js';
import { ACLED } from '../src/import/acled.js';
import { DEFAULT_BATCH_SIZE, importEvents } from '../src/import/pipeline.js';
import { freePort } from '../src/neo4j-local/localNeo4j.js';
import { generateScale } from '../scripts/generate-scale.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
    scale: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const SCALES = {
  '100k': { actors: 5_000, places: 2_000, engagements: 100_000 },
  '1m': { actors: 50_000, places: 20_000, engagements: 1_000_000 },
} as const;
const SCALE = args.scale as keyof typeof SCALES | undefined;
if (SCALE !== undefined && !(SCALE in SCALES))
  throw new Error(`--scale takes one of ${Object.keys(SCALES).join(', ')}`);
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

/** Time spent inside each statement (from sending it to its last row), summed over the run. */
class TimedExecutor extends Executor {
  readonly statements = new Map<string, { count: number; ms: number }>();

  private timed<T>(query: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    return work().finally(() => {
      const entry = this.statements.get(query) ?? { count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += performance.now() - started;
      this.statements.set(query, entry);
    });
  }

  override read<T = Row>(query: QueryName, params: Params = {}): Promise<T[]> {
    return this.timed(`${query} (read tx)`, () => super.read<T>(query, params));
  }

  override writeTransaction<T>(work: (run: StepRunner) => Promise<T>): Promise<T> {
    return this.timed('(write transactions, whole)', () =>
      super.writeTransaction((run) => work((query, params) => this.timed(query, () => run(query, params)))),
    );
  }
}

/** CPU seconds (user + system) a process has used, from /proc; NaN when unknown. */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
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
  return { database, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/** Writes the file to import and loads what it is to match against; returns the file. */
async function prepare(executor: Executor, scratch: string): Promise<string> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  if (SCALE === undefined) {
    const file = path.join(scratch, 'acled.csv');
    console.error(`Generating ${ROWS.toLocaleString('en')} synthetic ACLED rows into ${file} ...`);
    await generate(file, ROWS);
    console.error(`  ${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB in ${seconds()} s`);
    await ensureDataset(executor, 'if-empty');
    return file;
  }
  console.error(`Generating the ${SCALE} scale into ${scratch} ...`);
  await generateScale({ ...SCALES[SCALE], seed: 1, out: scratch });
  console.error(`  generated in ${seconds()} s; loading its dataset folder ...`);
  const loaded = await loadDataset(executor, await readDataset(path.join(scratch, 'data')));
  console.error(`  loaded in ${seconds()} s: ${JSON.stringify(loaded)}`);
  return path.join(scratch, 'acled.csv');
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `acled-bench-${SCALE ?? 'synthetic'}-`));
  const { database, cleanup } = await openDatabase();
  const executor = new TimedExecutor(database.driver, CypherQueries.load(), readConfig().neo4jDatabase);
  try {
    const file = await prepare(database.executor, scratch);
    const bytes = fs.statSync(file).size;
    const bar = progressBar('import', bytes, 'rows');
    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    // The rows committed once half the file's rows were, and when.
    const halfRows = (SCALE === undefined ? ROWS : SCALES[SCALE].engagements) / 2;
    let half: { rows: number; ms: number } | null = null;
    const started = performance.now();
    const loopBefore = performance.eventLoopUtilization();
    const cpuBefore = process.cpuUsage();
    const neo4jPid = database.local?.pid;
    const neo4jBefore = cpuSeconds(neo4jPid);
    try {
      const summary = await importEvents(executor, ACLED, file, {
        batchSize: BATCH_SIZE,
        rejectsPath: `${file}.rejects.csv`,
        onProgress: (p) => {
          bar.update(p.bytes, p.rows);
          if (half === null && p.committedRows >= halfRows)
            half = { rows: p.committedRows, ms: performance.now() - started };
        },
      });
      const ms = performance.now() - started;
      const loop = performance.eventLoopUtilization(loopBefore);
      const cpu = process.cpuUsage(cpuBefore);
      const neo4jCpu = cpuSeconds(neo4jPid) - neo4jBefore;
      bar.stop();
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const rate = (rows: number, millis: number) =>
        `${Math.round(rows / (millis / 1000)).toLocaleString('en')} rows/s`;
      const firstHalf: { rows: number; ms: number } = half ?? { rows: summary.rows, ms };
      const statements = [...executor.statements].sort((a, b) => b[1].ms - a[1].ms);
      console.log(
        [
          `ACLED import benchmark (${SCALE ?? 'synthetic'}): ${summary.rows.toLocaleString('en')} rows (${(bytes / 1024 / 1024).toFixed(0)} MB), batch size ${BATCH_SIZE}; ${os.cpus().length} CPUs, load ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}`,
          `  time            ${(ms / 1000).toFixed(1)} s`,
          `  throughput      ${rate(summary.rows, ms)}; first half ${rate(firstHalf.rows, firstHalf.ms)}, second half ${rate(summary.rows - firstHalf.rows, ms - firstHalf.ms)}`,
          `  peak memory     ${(peakRss / 1024 / 1024).toFixed(0)} MB RSS sampled, ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB max RSS, ${(startRss / 1024 / 1024).toFixed(0)} MB at the start (this process; Neo4j runs apart)`,
          `  Node            event loop busy ${(loop.utilization * 100).toFixed(0)}% of the time; CPU ${(((cpu.user + cpu.system) / 1000 / ms) * 100).toFixed(0)}% of one core`,
          `  Neo4j           ${Number.isNaN(neo4jCpu) ? 'CPU not known (not a local Neo4j)' : `CPU ${neo4jCpu.toFixed(1)} s = ${((neo4jCpu / summary.rows) * 1e6).toFixed(0)} µs a row, ${(((neo4jCpu * 1000) / ms) * 100).toFixed(0)}% of one core`}`,
          `  engagements     ${summary.engagements.created.toLocaleString('en')} new, ${summary.engagements.existing.toLocaleString('en')} existing; ${summary.rejected} rejected`,
          `  actors/places   ${summary.actors.created} / ${summary.places.created} created, ${summary.actors.matched} / ${summary.places.matched} matched`,
          "  time inside each statement (sent to last row), % of the import's wall time:",
          ...statements.map(
            ([query, t]) =>
              `    ${query.padEnd(36)} ${(t.ms / 1000).toFixed(1).padStart(7)} s ${((t.ms / ms) * 100).toFixed(0).padStart(3)}%  ${t.count} runs`,
          ),
        ].join('\n'),
      );
    } finally {
      bar.stop();
      clearInterval(sampler);
    }
  } finally {
    await database.close();
    cleanup();
    if (!args.keep) fs.rmSync(scratch, { recursive: true, force: true });
    else console.error(`kept ${scratch}`);
  }
}

await main();
