/**
 * The explorer at /explore (and GET / sends you there): the Vite build in explorer/dist, read
 * once at start. Hashed assets under /explore/assets/ are served precompressed and cached for a
 * year; every other /explore path is the single page, which routes in the browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { PROJECT_ROOT } from '../../config.js';
import { assetResponse, contentType, type StaticAsset } from '../staticAssets.js';

export const EXPLORER_DIST = path.join(PROJECT_ROOT, 'explorer', 'dist');
const BASE = '/explore';

/** Every file of the build by its URL path, with the .br and .gz the build wrote beside it. */
export function readExplorerBuild(dist: string = EXPLORER_DIST): Map<string, StaticAsset> | null {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return null;
  const assets = new Map<string, StaticAsset>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!/\.(br|gz)$/.test(entry.name)) {
        const urlPath = `${BASE}/${path.relative(dist, file).split(path.sep).join('/')}`;
        const read = (suffix: string) => (fs.existsSync(file + suffix) ? fs.readFileSync(file + suffix) : undefined);
        assets.set(urlPath, {
          type: contentType(entry.name),
          body: fs.readFileSync(file),
          gzip: read('.gz'),
          br: read('.br'),
          immutable: urlPath.startsWith(`${BASE}/assets/`),
        });
      }
    }
  };
  walk(dist);
  return assets;
}

export function useExplorer(assets: Map<string, StaticAsset> | null = readExplorerBuild()): Plugin {
  return {
    onRequest(payload) {
      const { request, url, fetchAPI } = payload;
      const endResponse = (response: Response) => payload.endResponse(response);
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/') {
        endResponse(new fetchAPI.Response(null, { status: 302, headers: { location: `${BASE}/` } }));
        return;
      }
      if (url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`)) return;
      if (assets === null) {
        endResponse(
          new fetchAPI.Response('The explorer is not built: run `npm run explorer:build` (npm install does it).\n', {
            status: 503,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        );
        return;
      }
      const asset = assets.get(url.pathname);
      if (asset === undefined && url.pathname.startsWith(`${BASE}/assets/`)) {
        endResponse(new fetchAPI.Response('Not found\n', { status: 404 }));
        return;
      }
      const page = asset ?? assets.get(`${BASE}/index.html`);
      if (page) endResponse(assetResponse(fetchAPI, page, request.headers.get('accept-encoding'), request.method));
    },
  };
}
