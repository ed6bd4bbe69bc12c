// Builds the explorer (explorer/ -> explorer/dist) with Vite and writes a brotli and a gzip copy
// of every text asset beside it, so the server answers compressed without work per request.
// Run by `npm install` (postinstall) and `npm run explorer:build`; offline. Skipped, with a
// note, where the build tools are not installed (an --omit=dev install such as the Dockerfile's
// first step) or the explorer sources are absent.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const explorer = path.join(root, 'explorer');
const dist = path.join(explorer, 'dist');
const log = (line) => console.log(`[explorer:build] ${line}`);

if (!fs.existsSync(path.join(explorer, 'vite.config.ts'))) {
  log('no explorer sources here; skipped.');
  process.exit(0);
}
let vite;
try {
  vite = await import('vite');
} catch {
  log('Vite is not installed (an install without dev dependencies); the explorer is not built.');
  process.exit(0);
}

const started = Date.now();
await vite.build({ configFile: path.join(explorer, 'vite.config.ts'), logLevel: 'warn' });

let raw = 0;
let jsBrotli = 0;
const compressible = /\.(js|css|html|json|svg|txt)$/;
const walk = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
for (const file of walk(dist)) {
  if (!compressible.test(file)) continue;
  const body = fs.readFileSync(file);
  raw += body.length;
  const br = zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  if (file.endsWith('.js')) jsBrotli += br.length;
}
log(
  `built explorer/dist in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    `${(raw / 1024).toFixed(0)} KiB of text, JavaScript ${(jsBrotli / 1024).toFixed(0)} KiB brotli.`,
);
