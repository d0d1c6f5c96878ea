/**
 * `npm run build`: the browser assets (scripts/build-assets.ts) and the server bundle
 * dist/server/cli.js, which `npm start` and bin/satupintu.mjs run. Dependencies stay in
 * node_modules (`packages: 'external'`); only our own code is bundled, so this takes well under a second.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT_DIR } from '../src/platform/paths.js';

const started = Date.now();
const outdir = join(ROOT_DIR, 'dist/server');
rmSync(outdir, { recursive: true, force: true });

const server = build({
  entryPoints: [join(ROOT_DIR, 'src/cli.ts')],
  outfile: join(outdir, 'cli.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
});
// build-assets.ts does its work when imported.
await Promise.all([server, import('./build-assets.js')]);
console.log(`server built in ${Date.now() - started} ms: dist/server/cli.js`);
