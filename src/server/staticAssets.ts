/**
 * In-memory static assets, answered compressed (brotli or gzip, as the client accepts) with
 * cache headers: hashed names are immutable for a year, pages are revalidated on every load.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';

export interface StaticAsset {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  /** A content-hashed name: cache it forever. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return TYPES[dot >= 0 ? fileName.slice(dot) : ''] ?? 'application/octet-stream';
}

/** Compresses text-like bodies once; fonts and images are already compressed. */
export function compressed(asset: StaticAsset, brotliQuality = 11): StaticAsset {
  if (!/text|json|svg/.test(asset.type) || asset.body.length < 1024) return asset;
  return {
    ...asset,
    gzip: asset.gzip ?? zlib.gzipSync(asset.body, { level: 9 }),
    br:
      asset.br ??
      zlib.brotliCompressSync(asset.body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length,
        },
      }),
  };
}

export function contentHash(body: Buffer | string): string {
  return crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
}

/** The response for `asset`, in the best encoding `acceptEncoding` allows. */
export function assetResponse(
  fetchAPI: { Response: typeof Response },
  asset: StaticAsset,
  acceptEncoding: string | null,
  method: string,
): Response {
  const accepts = (acceptEncoding ?? '').toLowerCase();
  const [encoding, body] =
    asset.br && /\bbr\b/.test(accepts)
      ? ['br', asset.br]
      : asset.gzip && /\bgzip\b/.test(accepts)
        ? ['gzip', asset.gzip]
        : [null, asset.body];
  const headers: Record<string, string> = {
    'content-type': asset.type,
    'content-length': String(body.length),
    'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (asset.gzip || asset.br) headers['vary'] = 'accept-encoding';
  if (encoding) headers['content-encoding'] = encoding;
  return new fetchAPI.Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
