/**
 * Which part of the archive a shard build takes: `archive build --only
 * jlrb/2023` (one paper's year), `--only jlrb` (every year of a paper), or a
 * comma-separated list of either (`--only jlrb/2022,jlrb/2023`).
 *
 * The unit of sharding is the *scope*: one paper's year. An article page
 * shows nothing from outside its scope (see `scopeOf` and
 * `site/collections.ts`), so a shard renders its article and page views
 * alone and a merge never renders them again.
 */
import { ArchiveError } from '../util/errors.ts';

/** A parsed `--only` value. */
export interface Only {
  /** The value as given, normalized: items sorted, comma-separated, e.g. `jlrb/2022,jlrb/2023`. */
  spec: string;
  /** The items: a paper with its years, or null for every year. */
  items: Array<{ paper: string; year: string | null }>;
}

const ITEM = /^([a-z0-9][a-z0-9_-]*)(?:\/(\d{4}))?$/;

/**
 * Parse an `--only` value.
 *
 * @throws ArchiveError naming the bad item, or two items that overlap.
 */
export function parseOnly(value: string): Only {
  const raw = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!raw.length) throw new ArchiveError(`--only needs a paper or paper/year, e.g. --only jlrb/2023 (got ${JSON.stringify(value)})`);
  const items = raw.map((item) => {
    const m = ITEM.exec(item);
    if (!m) throw new ArchiveError(`--only: "${item}" is not a paper id or paper/year, e.g. jlrb or jlrb/2023`);
    return { paper: m[1], year: m[2] ?? null };
  });
  const only = { spec: items.map(itemSpec).sort().join(','), items };
  for (const a of items) for (const b of items) if (a !== b && itemsOverlap(a, b)) throw new ArchiveError(`--only: "${itemSpec(a)}" and "${itemSpec(b)}" overlap`);
  return only;
}

const itemSpec = (i: Only['items'][number]) => (i.year ? `${i.paper}/${i.year}` : i.paper);

/** Whether a shard takes a paper (any of its years, when `date` is left out) or a date of a paper (YYYY-MM-DD). */
export function takes(only: Only, paper: string, date?: string): boolean {
  return only.items.some((i) => i.paper === paper && (date === undefined || i.year === null || date.startsWith(`${i.year}-`)));
}

/** Whether two shards may hold the same scope. */
export function overlaps(a: Only, b: Only): boolean {
  return a.items.some((x) => b.items.some((y) => itemsOverlap(x, y)));
}

const itemsOverlap = (x: Only['items'][number], y: Only['items'][number]) => x.paper === y.paper && (x.year === null || y.year === null || x.year === y.year);

/** The scope of an article or page: its paper's year, e.g. `jlrb/2023`. */
export function scopeOf(place: { paper: string; date: string }): string {
  return `${place.paper}/${place.date.slice(0, 4)}`;
}

/** Folder name of a shard's search segment in a merged site, e.g. `jlrb-2023` or `jlrb-2022+jlrb-2023`. */
export function partName(only: Only): string {
  return only.spec.replace(/\//g, '-').replace(/,/g, '+');
}
