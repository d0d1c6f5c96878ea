#!/usr/bin/env node
// The installed `satupintu` command: runs the built server bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write(`satupintu: ${cli} is missing; run "npm run build" first\n`);
  process.exit(1);
}
// Before the import, so stack traces point into src/ rather than the bundle.
process.setSourceMapsEnabled(true);
const { runCli } = await import(pathToFileURL(cli).href);
process.exitCode = await runCli(process.argv.slice(2));
