/**
 * `npm run compile`, which `npm install` and `npm ci` run as `prepare`: the
 * TypeScript in src/ to JavaScript in dist/, which bin/archive.js runs, so
 * no TypeScript is compiled when the CLI starts.
 *
 * - `tsc -p tsconfig.build.json` writes the modules (emit only: `npm run typecheck` checks the types);
 * - esbuild bundles the browser code into dist/search/client/bundled/ (`archive build` copies it);
 * - the files in src/ that are not TypeScript (jieba's user dictionary) are copied beside the code that reads them;
 * - dist/compiled.json records when the compile started: bin/archive.js runs dist/ only while no source is newer.
 *
 * Everything is written into a scratch folder that replaces dist/ at the end,
 * so a CLI started meanwhile runs the old dist/ or the new one, whole.
 * `--out-dir <dir>` compiles into another folder beside dist/ (for tests; it
 * must sit in the project folder, where the code finds its packages and templates/).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { BUNDLED, bundleClient } from '../src/search/client/bundle.ts';

const ROOT = path.join(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const DIST = path.resolve(values['out-dir'] ?? path.join(ROOT, 'dist'));
const started = Date.now();
const scratch = `${DIST}.tmp-${process.pid}`;
fs.rmSync(scratch, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', scratch], { stdio: 'inherit' });
if (r.status !== 0) {
  fs.rmSync(scratch, { recursive: true, force: true });
  console.error(`compile: tsc failed (exit code ${r.status})`);
  process.exit(1);
}
bundleClient(path.join(scratch, path.relative(SRC, BUNDLED)));
for (const file of fs.readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
  if (file.endsWith('.ts') || file.split(path.sep).includes('fixtures') || !fs.statSync(path.join(SRC, file)).isFile()) continue;
  fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
  fs.copyFileSync(path.join(SRC, file), path.join(scratch, file));
}
fs.writeFileSync(path.join(scratch, 'compiled.json'), JSON.stringify({ started }) + '\n');
// The old dist/ moves aside first, so there is no dist/ only between two renames.
const old = `${DIST}.old-${process.pid}`;
if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
fs.renameSync(scratch, DIST);
fs.rmSync(old, { recursive: true, force: true });
console.error(`compile: src/ → ${path.relative(ROOT, DIST)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
