/**
 * The playground page without its 9 MB of inline script and style: they move to hashed,
 * compressed, year-cached files under /playground/assets/, so a reload fetches a small page.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Plugin } from 'graphql-yoga';
import { assetResponse, compressed, contentHash, type StaticAsset } from '../staticAssets.js';

const BASE = '/playground/assets/';
const INLINE = /<(script|style)>([\s\S]*?)<\/\1>/g;
/** Fast brotli: the playground is compressed at its first load, not by a build. */
const BROTLI_QUALITY = 5;

type RenderOptions = Parameters<typeof renderGraphiQL>[0];

export function splitPlayground() {
  const assets = new Map<string, StaticAsset>();
  const pages = new Map<string, string>();

  /** renderGraphiQL's page, its large inline blocks swapped for links to assets. */
  const render = (options: RenderOptions): string => {
    const key = JSON.stringify(options);
    const known = pages.get(key);
    if (known !== undefined) return known;
    const page = renderGraphiQL(options).replace(INLINE, (whole, tag: string, body: string) => {
      if (body.length < 4096) return whole;
      const ext = tag === 'script' ? 'js' : 'css';
      const name = `${BASE}${contentHash(body)}.${ext}`;
      if (!assets.has(name)) {
        const type = ext === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
        assets.set(name, compressed({ type, body: Buffer.from(body), immutable: true }, BROTLI_QUALITY));
      }
      return ext === 'js' ? `<script src="${name}"></script>` : `<link rel="stylesheet" href="${name}" />`;
    });
    pages.set(key, page);
    return page;
  };

  const plugin: Plugin = {
    onRequest(payload) {
      const { request, url, fetchAPI } = payload;
      const endResponse = (response: Response) => payload.endResponse(response);
      if (!url.pathname.startsWith(BASE) || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const asset = assets.get(url.pathname);
      endResponse(
        asset
          ? assetResponse(fetchAPI, asset, request.headers.get('accept-encoding'), request.method)
          : new fetchAPI.Response('Not found\n', { status: 404 }),
      );
    },
  };
  return { render, plugin };
}
