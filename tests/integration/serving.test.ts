/**
 * What the server sends a browser: GET / leads to the explorer; the explorer's hashed assets and
 * the playground's scripts come compressed and cached for a year, its pages revalidated.
 */
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { ensureExplorerBuilt } from '../helpers/browser.js';
import { testApp } from '../helpers/graph.js';

let app: App;
beforeAll(() => {
  ensureExplorerBuilt();
  app = testApp();
}, 120_000);

const get = (path: string, headers: Record<string, string> = {}) =>
  app.fetch(`http://localhost${path}`, { headers, redirect: 'manual' });

function assetsOf(html: string, prefix: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((u) => u.startsWith(prefix));
}

describe('the explorer', () => {
  it('GET / redirects to /explore/', async () => {
    const response = await get('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/explore/');
  });

  it('every /explore path is the page, revalidated on each load', async () => {
    const response = await get('/explore/actor/jabhat-al-nusra', { accept: 'text/html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="app"></div>');
  });

  it('serves its hashed assets brotli- or gzip-compressed, immutable for a year', async () => {
    const page = await (await get('/explore/')).text();
    const scripts = assetsOf(page, '/explore/assets/').filter((u) => u.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const plain = Buffer.from(await (await get(script)).arrayBuffer());
      const br = await get(script, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const brBody = Buffer.from(await br.arrayBuffer());
      expect(brBody.length).toBeLessThan(plain.length / 2);
      expect(zlib.brotliDecompressSync(brBody).equals(plain)).toBe(true);
      const gzip = await get(script, { 'accept-encoding': 'gzip' });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      expect(zlib.gunzipSync(Buffer.from(await gzip.arrayBuffer())).equals(plain)).toBe(true);
    }
  });

  it('answers 404 for an asset it does not have', async () => {
    expect((await get('/explore/assets/missing-0000.js')).status).toBe(404);
  });
});

describe('the playground', () => {
  it('is a small page whose scripts and styles are separate, compressed, cached files', async () => {
    const response = await get('/graphql', { accept: 'text/html' });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page.length).toBeLessThan(300_000);
    const assets = assetsOf(page, '/playground/assets/');
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const file = await get(asset, { 'accept-encoding': 'gzip' });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-encoding')).toBe('gzip');
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });
});
