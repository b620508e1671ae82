/**
 * Small helpers over folder trees, shared by the build, tests and benchmarks.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (recursively), as full paths in sorted order. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Total size in bytes of the files under `dir`. */
export function dirBytes(dir: string): number {
  return listFiles(dir).reduce((n, f) => n + fs.statSync(f).size, 0);
}
