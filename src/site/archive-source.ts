/**
 * Where the site gets its archive: the build sets it before Eleventy runs;
 * a plain `npx @11ty/eleventy --config=eleventy.config.ts` collects it from
 * `articles/` (or $ARCHIVE_INPUT) on first use.
 */
import type { Archive } from '../types.ts';
import { collectArchive } from '../build.ts';

let current: Promise<Archive> | null = null;

/** Use this archive for the next site render. */
export function setArchive(archive: Archive): void {
  current = Promise.resolve(archive);
}

/** The archive to render. */
export function getArchive(): Promise<Archive> {
  current ??= collectArchive({ input: process.env.ARCHIVE_INPUT ?? 'articles' });
  return current;
}
