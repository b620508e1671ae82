/**
 * The search engine's loader for an index folder on disk (`archive search`,
 * tests, benchmarks): whole files, or only the bytes of a range, as an HTTP
 * range request would give them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ByteRange, Loader } from './engine/search-engine.ts';

export function fileLoader(dir: string): Loader {
  return async (file: string, range?: ByteRange) => {
    const at = path.join(dir, file);
    if (!range) return new Uint8Array(await fs.readFile(at));
    const handle = await fs.open(at, 'r');
    try {
      const out = new Uint8Array(range.end - range.start);
      const { bytesRead } = await handle.read(out, 0, out.length, range.start);
      if (bytesRead !== out.length) throw new Error(`${at}: ${bytesRead} of bytes ${range.start}–${range.end} read; the index is damaged, rebuild the site`);
      return out;
    } finally {
      await handle.close();
    }
  };
}
