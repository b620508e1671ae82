/**
 * Browser entry of the search engine: `createSearch({ baseUrl })` reads the
 * index the build wrote under `<site>/search-index/` with fetch, caching
 * shards; fragments come by range requests.
 */
import { SearchEngine } from '../engine/search-engine.ts';

export interface CreateSearchOptions {
  /** URL of the index folder, e.g. "/search-index/" or "/repo/search-index/". */
  baseUrl: string;
}

/** Create a search engine that fetches index files from `baseUrl`. */
export function createSearch(options: CreateSearchOptions): SearchEngine {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : options.baseUrl + '/';
  return new SearchEngine(async (file, range) => {
    // Note: a host that ignores the range answers 200 with the whole file; the engine copes.
    const res = await fetch(base + file, range ? { headers: { range: `bytes=${range.start}-${range.end - 1}` } } : undefined);
    if (!res.ok) throw new Error(`search: cannot load ${base + file} (HTTP ${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  });
}
