/**
 * Browser entry of the search engine: `createSearch({ baseUrl })` reads the
 * index the build wrote under `<site>/search/` with fetch, caching shards.
 */
import { SearchEngine } from '../engine/search-engine.ts';

export interface CreateSearchOptions {
  /** URL of the index folder, e.g. "/search-index/" or "/repo/search-index/". */
  baseUrl: string;
}

/** Create a search engine that fetches index files from `baseUrl`. */
export function createSearch(options: CreateSearchOptions): SearchEngine {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : options.baseUrl + '/';
  return new SearchEngine(async (file) => {
    const res = await fetch(base + file);
    if (!res.ok) throw new Error(`search: cannot load ${base + file} (HTTP ${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  });
}
