/**
 * Where the site gets its archive: the build sets it (and, for an
 * incremental build, which units to render) before Eleventy runs; a plain
 * `npx @11ty/eleventy --config=eleventy.config.ts` collects it from
 * `articles/` (or $ARCHIVE_INPUT) on first use and renders everything.
 */
import type { Archive } from '../types.ts';
import { collectArchive } from '../collect.ts';
import type { RenderSelection } from './render-plan.ts';

let current: Promise<Archive> | null = null;
let selection: RenderSelection | null = null;

/** Use this archive for the next site render; `only` limits the units rendered. */
export function setArchive(archive: Archive, only: RenderSelection | null = null): void {
  current = Promise.resolve(archive);
  selection = only;
}

/** The archive to render. */
export function getArchive(): Promise<Archive> {
  current ??= collectArchive({ input: process.env.ARCHIVE_INPUT ?? 'articles' });
  return current;
}

/** The units to render; null for all. */
export function getSelection(): RenderSelection | null {
  return selection;
}
