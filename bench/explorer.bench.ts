/**
 * Explorer benchmark, in Debian's headless Chromium against the real server and a temporary
 * local Neo4j holding the founding dataset (and, with --ucdp, a UCDP GED import on top):
 * prints the JavaScript size compressed, the actor page's time to interactive, and the draw time
 * of a 500-actor network (seeded under ids starting "bench-network-"). With --screenshots it
 * also writes docs/explorer-*.png, the README's pictures.
 *
 *   npm run bench:explorer
 *   npm run bench:explorer -- --ucdp ../shared/datasets/ucdp-ged-syria/ged_syria_20160101-20191130.csv --screenshots
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT, readConfig } from '../src/config.js';
import { connectDatabase } from '../src/db/database.js';
import { ensureDataset } from '../src/dataset/bootstrap.js';
import { importEvents } from '../src/import/pipeline.js';
import { UCDP_GED } from '../src/import/ucdpGed.js';
import { freePort } from '../src/neo4j-local/localNeo4j.js';
import { createApp } from '../src/server/app.js';
import { EXPLORER_DIST } from '../src/server/plugins/explorer.js';
import { HAVE_CHROMIUM, ensureExplorerBuilt, launchChromium, serve } from '../tests/helpers/browser.js';

const { values: args } = parseArgs({
  options: {
    ucdp: { type: 'string' },
    screenshots: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
});
const RUNS = Number(args.runs);
const HUB = 'bench-network-hub';
const NETWORK_SIZE = 500;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function javascriptSizes(): { raw: number; gzip: number; brotli: number } {
  const dir = path.join(EXPLORER_DIST, 'assets');
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  return scripts.reduce(
    (t, f) => ({
      raw: t.raw + size(path.join(dir, f)),
      gzip: t.gzip + size(path.join(dir, `${f}.gz`)),
      brotli: t.brotli + size(path.join(dir, `${f}.br`)),
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** Opens an actor page in a fresh context; ms from navigation to its network drawn. */
async function actorInteractive(browser: Browser, url: string, drawn: string): Promise<{ page: Page; ms: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(`.network[data-drawn${drawn}]`).waitFor({ timeout: 30_000 });
  await page.locator('ol.lineage, .lineage + p, section p.muted').first().waitFor();
  const ms = await page.evaluate(() => performance.now());
  return { page, ms };
}

async function screenshots(browser: Browser, base: string): Promise<string[]> {
  const docs = path.join(PROJECT_ROOT, 'docs');
  const written: string[] = [];
  const shoot = async (name: string, url: string, prepare: (page: Page) => Promise<void>) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}${url}`);
    await prepare(page);
    await page.waitForTimeout(400);
    const file = path.join(docs, `explorer-${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    written.push(path.relative(PROJECT_ROOT, file));
    await context.close();
  };
  await shoot('search', '/explore/', async (page) => {
    await page.getByLabel('Search actors and places, in any spelling').fill('Jabhet al-Nosra');
    await page.locator('.hits li').first().waitFor();
  });
  await shoot('actor', '/explore/actor/jabhat-al-nusra', async (page) => {
    await page.locator('.network[data-drawn]').waitFor();
  });
  await shoot('network-as-of', '/explore/actor/jabhat-al-nusra', async (page) => {
    await page.locator('.network[data-drawn]').waitFor();
    await page.locator('#hops').selectOption('2');
    await page.locator('#as-of').fill(String((2017 - 2011) * 12 + 5));
    await page.locator('.relations h3', { hasText: 'on 1 June 2017' }).waitFor();
    await page.locator('.network-view:not(.stale)').waitFor();
    await page.locator('#network-title').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
  });
  await shoot('evidence', '/explore/actor/jabhat-fatah-al-sham', async (page) => {
    await page.locator('ol.lineage .fact').first().click();
    await page.getByRole('dialog').waitFor();
  });
  await shoot('place', '/explore/place/dhahiyet-al-assad', async (page) => {
    await page.locator('ol.control-list').waitFor();
  });
  await shoot('place-map', '/explore/place/aleppo-city', async (page) => {
    await page.locator('.map[data-markers]').waitFor();
    await page.locator('.map').scrollIntoViewIfNeeded();
  });
  await shoot('engagement', '/explore/engagement/nusra-svbieds-southern-aleppo-2016-06', async (page) => {
    await page.locator('h1').waitFor();
    await page.locator('.map[data-markers]').waitFor();
  });
  await shoot('source', '/explore/source/000_60ecd4665a9ba8af', async (page) => {
    await page.locator('mark.quote').first().waitFor();
  });
  await shoot('connection', '/explore/connect?from=Turkey&to=Jabhat+al-Nusra', async (page) => {
    await page.locator('ol.path').first().waitFor();
  });
  return written;
}

async function main(): Promise<void> {
  if (!HAVE_CHROMIUM) throw new Error('Chromium is needed: apt-get install -y chromium');
  ensureExplorerBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aleppo-bench-explorer-'));
  const config = readConfig({
    ...process.env,
    LOCAL_NEO4J_PORT: String(await freePort()),
    LOCAL_NEO4J_DATA_DIR: dataDir,
  });
  const database = await connectDatabase(config, console.error);
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    await ensureDataset(database.executor, 'if-empty');
    if (args.ucdp) {
      console.error(`Importing ${args.ucdp} ...`);
      const summary = await importEvents(database.executor, UCDP_GED, args.ucdp, {
        rejectsPath: path.join(dataDir, 'rejects.csv'),
      });
      console.error(`  ${summary.rows} rows, ${summary.engagements.created} engagements created`);
    }
    server = await serve(createApp(database.executor, { ...config, limits: { ...config.limits, ratePerMinute: 0 } }));
    browser = await launchChromium();
    const js = javascriptSizes();

    const interactive: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, ms } = await actorInteractive(browser, `${server.url}/explore/actor/jabhat-al-nusra`, '');
      interactive.push(ms);
      await page.context().close();
    }

    const seeded = await seedNetwork(database);
    const draws: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { page } = await actorInteractive(browser, `${server.url}/explore/actor/${HUB}`, `="${seeded}"`);
      draws.push(
        await page.evaluate(() => {
          const entries = performance.getEntriesByName('network-draw');
          return entries[entries.length - 1]!.duration;
        }),
      );
      await page.context().close();
    }
    await database.driver.executeQuery('MATCH (a:Actor) WHERE a.id STARTS WITH $hub DETACH DELETE a', { hub: HUB });

    console.log(
      [
        `Explorer benchmark (${RUNS} runs each, headless Chromium, ${args.ucdp ? 'founding dataset + UCDP GED import' : 'founding dataset'})`,
        `  JavaScript          ${kib(js.raw)} raw, ${kib(js.gzip)} gzip, ${kib(js.brotli)} brotli (all chunks, the map's included)`,
        `  actor page          interactive (lineage shown, network drawn) in ${median(interactive).toFixed(0)} ms median, ${Math.max(...interactive).toFixed(0)} ms worst`,
        `  ${NETWORK_SIZE}-actor network   drawn in ${median(draws).toFixed(0)} ms median, ${Math.max(...draws).toFixed(0)} ms worst (Cytoscape layout and first render)`,
      ].join('\n'),
    );
    if (args.screenshots) console.log(`  screenshots         ${(await screenshots(browser, server.url)).join(', ')}`);
  } finally {
    await browser?.close();
    await server?.stop();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A coalition with 500 members, each membership dated: the network the draw time is taken on. */
async function seedNetwork(database: Awaited<ReturnType<typeof connectDatabase>>): Promise<number> {
  await database.driver.executeQuery(
    `CREATE (h:Actor {id: $hub, name: 'Benchmark coalition', kind: 'COALITION', aliases: []})
     WITH h UNWIND range(1, $n) AS i
     CREATE (a:Actor {id: $hub + '-' + i, name: 'Benchmark member ' + i, kind: 'ARMED_GROUP', aliases: []})
     CREATE (a)-[:MEMBER_OF {id: $hub + '-member-' + i, fromEarliest: '2016-01-01', toLatest: '2016-12-31'}]->(h)`,
    { hub: HUB, n: NETWORK_SIZE - 1 },
  );
  return NETWORK_SIZE;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
