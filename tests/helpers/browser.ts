/**
 * What the explorer's browser tests use: the real app on a real HTTP port (talking to the run's
 * Neo4j), Debian's headless Chromium through playwright-core (no browser download), and pages
 * that record every console error and every request that tries to leave localhost (it is
 * blocked, and the test fails). The explorer is built first when its build is missing or older
 * than its sources.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type { App } from '../../src/server/app.js';

/** Where Debian's chromium package puts the browser; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);

if (!HAVE_CHROMIUM) {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n  SKIPPED: the explorer's browser tests need Chromium at ${CHROMIUM}.\n` +
      `  Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `  (or set CHROMIUM_PATH to a Chromium or Chrome binary). .ci/run installs it.\n${line}\n`,
  );
}

const EXPLORER = path.join(PROJECT_ROOT, 'explorer');
const BUILT_INDEX = path.join(EXPLORER, 'dist', 'index.html');

function newestSource(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.name !== 'dist' && e.name !== 'node_modules')
    .reduce((newest, e) => {
      const file = path.join(dir, e.name);
      return Math.max(newest, e.isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs);
    }, 0);
}

/** Builds the explorer unless explorer/dist is newer than every source file. */
export function ensureExplorerBuilt(): void {
  const built = fs.existsSync(BUILT_INDEX) ? fs.statSync(BUILT_INDEX).mtimeMs : 0;
  if (built > newestSource(EXPLORER)) return;
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build-explorer.mjs')], { stdio: 'inherit' });
}

/** Serves the app on a free port of 127.0.0.1; returns its base URL and a stop function. */
export async function serve(app: App): Promise<{ url: string; stop: () => Promise<void> }> {
  const server: Server = createServer((request, response) => void app.requestListener(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Requests to anywhere but this machine (blocked). */
  external: string[];
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) {
      return route.continue();
    }
    external.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { page, errors, external };
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/**
 * The hooks of a file of explorer tests: the explorer built, `app` served on a free port and one
 * Chromium for the file; a fresh page per test, which fails the test on a serious accessibility
 * violation, a console error or a request that leaves localhost. Call it inside the describe.
 */
export function explorerInBrowser(app: () => App): {
  open: (path: string) => Promise<Page>;
  page: () => Page;
  url: () => string;
} {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let watched: WatchedPage | undefined;

  beforeAll(async () => {
    ensureExplorerBuilt();
    server = await serve(app());
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    if (!watched) return;
    const { page, errors, external } = watched;
    watched = undefined;
    expect(await seriousAccessibilityViolations(page), 'serious accessibility violations').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
    expect(external, 'requests that left localhost').toEqual([]);
    await page.context().close();
  });

  return {
    open: async (path) => {
      watched = await watchedPage(browser);
      await watched.page.goto(`${server.url}${path}`);
      return watched.page;
    },
    page: () => watched!.page,
    url: () => server.url,
  };
}
