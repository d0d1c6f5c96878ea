/**
 * Builds the browser assets into dist/public: the branded stylesheet (Sass over govuk-frontend),
 * the few client islands (esbuild) and the static images. Names carry a content hash so the
 * assets can be cached for a year; dist/public/manifest.json maps logical names to files.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { build } from 'esbuild';
import * as sass from 'sass';
import { PUBLIC_DIR, ROOT_DIR } from '../src/platform/paths.js';

const started = Date.now();
const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 10);
const manifest: Record<string, string> = {};

rmSync(PUBLIC_DIR, { recursive: true, force: true });
mkdirSync(PUBLIC_DIR, { recursive: true });

function emit(logical: string, content: string | Buffer) {
  const ext = extname(logical);
  const file = `${basename(logical, ext)}-${hash(content)}${ext}`;
  writeFileSync(join(PUBLIC_DIR, file), content);
  manifest[logical] = file;
}

const css = sass.compile(join(ROOT_DIR, 'src/client/styles/satupintu.scss'), {
  loadPaths: [join(ROOT_DIR, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
emit('satupintu.css', css.css);

const islandsDir = join(ROOT_DIR, 'src/client/islands');
const islands = existsSync(islandsDir) ? readdirSync(islandsDir).filter((f) => f.endsWith('.ts')) : [];
if (islands.length > 0) {
  const result = await build({
    entryPoints: islands.map((f) => join(islandsDir, f)),
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020'],
    write: false,
    outdir: PUBLIC_DIR,
  });
  for (const out of result.outputFiles) emit(basename(out.path), Buffer.from(out.contents));
}

for (const image of ['logo.svg', 'favicon.svg']) {
  const src = join(ROOT_DIR, 'src/client/images', image);
  if (existsSync(src)) copyFileSync(src, join(PUBLIC_DIR, image));
}

writeFileSync(join(PUBLIC_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2));
console.log(`assets built in ${Date.now() - started} ms: ${Object.values(manifest).join(', ')}`);
