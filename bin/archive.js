#!/usr/bin/env node
// The `archive` command: runs the compiled CLI in dist/ (made by `npm run compile`,
// which `npm install` and `npm ci` run as `prepare`), so no TypeScript is compiled at start.
// When there is no dist/, or a file in src/ changed after it was compiled, it runs the
// TypeScript sources under tsx's loader instead, in this process: slower to start, never stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Whether dist/ was compiled from src/ as it is now: no source file (tests and fixtures aside) changed since the compile started. */
function compiledIsCurrent() {
  let started;
  try {
    started = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'compiled.json'), 'utf8')).started;
  } catch {
    return false;
  }
  const src = path.join(root, 'src');
  for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    const dir = entry.parentPath ?? entry.path;
    if (path.relative(src, dir).split(path.sep).includes('fixtures')) continue;
    if (fs.statSync(path.join(dir, entry.name)).mtimeMs > started) return false;
  }
  return true;
}

if (compiledIsCurrent()) {
  await import(pathToFileURL(path.join(root, 'dist', 'cli.js')).href);
} else {
  if (process.stderr.isTTY) console.error('archive: src/ changed since the last `npm run compile`; running the TypeScript sources (slower to start)');
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', 'cli.ts')).href);
}
