/**
 * `archive search "<query>" [--site _site] [--limit N] [--json]`: the same
 * engine the search page runs, over the built index files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { SearchEngine, type SearchOptions } from '../search/engine/search-engine.ts';
import { makeSnippet } from '../search/engine/snippet.ts';
import { fileLoader } from '../search/file-loader.ts';

export interface SearchCommandOptions extends SearchOptions {
  site: string;
  limit: number;
  json: boolean;
}

/** Search the built site and print results; returns the exit code. */
export async function searchCommand(query: string, options: SearchCommandOptions): Promise<number> {
  const dir = path.join(options.site, 'search-index');
  try {
    await fs.access(path.join(dir, 'manifest.json'));
  } catch {
    console.error(`${path.join(dir, 'manifest.json')}: no search index; build the site first (archive build)`);
    return 1;
  }
  const engine = new SearchEngine(fileLoader(dir));
  const response = await engine.search(query, options);
  const shown = response.hits.slice(0, options.limit);
  const results = await Promise.all(
    shown.map(async (h) => {
      const f = await engine.fragment(h.doc);
      return { url: f.url, title: f.headline, date: f.date, paper: f.paperName, page: f.page, score: Math.round(h.score * 1000) / 1000, snippet: makeSnippet(f, response.terms).text };
    }),
  );
  if (options.json) process.stdout.write(JSON.stringify({ total: response.total, results }) + '\n');
  else {
    console.log(`${response.total} result${response.total === 1 ? '' : 's'} for ${JSON.stringify(query)}`);
    for (const r of results) console.log(`\n${r.title}  ${r.paper} ${r.date} 第${r.page}版  ${r.url}\n  ${r.snippet}`);
  }
  return 0;
}
