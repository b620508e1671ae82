/**
 * Which articles go into which index segment. A full index puts every
 * article in one segment, ids 0… oldest first. Later builds keep that
 * segment's files and put only the articles added or changed since into a
 * small second segment (rebuilt each time), marking replaced ids deleted;
 * when the second segment or the deletions grow past a quarter of the first,
 * the index is written in full again.
 */
import { createHash } from 'node:crypto';
import type { ArchiveArticle } from '../../types.ts';
import type { DocMeta, ShardRef } from '../types.ts';
import { collectTerms, docMeta, fragmentOf } from './build-index.ts';
import type { IndexFiles } from './write-index.ts';

/**
 * A complete one-segment index of articles, doc ids 0… in the order given
 * (pass them oldest first). For tests and benchmarks.
 */
export function buildIndex(articles: ArchiveArticle[], precut?: Map<string, Record<string, number>>): IndexFiles {
  return planIndex(articles, precut, null).files;
}

/** What the next build needs to know about the index on disk. */
export interface SearchState {
  /** Article id → [doc id, hash of what the index holds of it, its length and title length in units]. */
  docs: Record<string, DocState>;
  /** Next free doc id. */
  next: number;
  /** Doc ids below this are in the first segment. */
  baseEnd: number;
  /** Live docs when the first segment was written. */
  baseLive: number;
  /** The first segment's shards. */
  base: ShardRef[];
}

type DocState = [doc: number, hash: string, length?: number, titleEnd?: number];

/** Share of the first segment past which the index is written in full again. */
const REBUILD_SHARE = 0.25;

const contentHash = (a: ArchiveArticle) =>
  createHash('sha256').update(JSON.stringify([a.url, a.date, a.paper, a.paperName, a.page, a.pageNumber, a.kicker, a.headline, a.subhead, a.byline, a.paragraphs])).digest('hex').slice(0, 16);

/**
 * Plan the index files for `articles` (oldest first).
 *
 * @param previous The state after the last build, or null to write in full.
 * @param onProgress Told how many of the articles to index are done.
 * @returns The files to write, whether the index is written in full, how
 *   many articles it indexes anew, and a
 *   function that gives the new state once the files are written.
 */
export function planIndex(
  articles: ArchiveArticle[],
  words: Map<string, Record<string, number>> | undefined,
  previous: SearchState | null,
  onProgress?: (done: number, total: number) => void,
): { files: IndexFiles; full: boolean; indexed: number; state: (segments: ShardRef[][]) => SearchState } {
  const hashes = articles.map(contentHash);
  const progress = (total: number) => onProgress && ((n: number) => onProgress(n, total));
  const papers: Array<{ id: string; name: string }> = [];
  const paperIndex = new Map<string, number>();
  const paperOf = (a: ArchiveArticle) => {
    if (!paperIndex.has(a.paper)) {
      paperIndex.set(a.paper, papers.length);
      papers.push({ id: a.paper, name: a.paperName });
    }
    return paperIndex.get(a.paper)!;
  };

  if (previous) {
    let next = previous.next;
    const ids = articles.map((a, i) => {
      const kept = previous.docs[a.id];
      return kept && kept[1] === hashes[i] ? kept[0] : next++;
    });
    const live = new Set(ids);
    let deletedBase = 0;
    for (let id = 0; id < previous.baseEnd; id++) if (!live.has(id)) deletedBase++;
    const delta = ids.filter((id) => id >= previous.baseEnd).length;
    if (delta <= REBUILD_SHARE * previous.baseLive && deletedBase <= REBUILD_SHARE * previous.baseLive) {
      const docs: DocMeta[] = Array.from({ length: next }, () => ({ deleted: true, length: 0, titleEnd: 0, paper: 0, page: 0, date: '1970-01-01' }));
      const fragments = new Map<number, ReturnType<typeof fragmentOf>>();
      const entries: Array<{ doc: number; article: ArchiveArticle }> = [];
      articles.forEach((a, i) => {
        // Note: an unchanged article's lengths come from the state; measuring 30,000 again took a second.
        const kept = previous.docs[a.id];
        const measured = kept && kept[1] === hashes[i] && kept[2] !== undefined && kept[3] !== undefined ? { length: kept[2], titleEnd: kept[3] } : undefined;
        docs[ids[i]] = docMeta(a, paperOf(a), measured);
        fragments.set(ids[i], fragmentOf(a));
        if (ids[i] >= previous.baseEnd) entries.push({ doc: ids[i], article: a });
      });
      entries.sort((x, y) => x.doc - y.doc);
      const docIds = Object.fromEntries(articles.map((a, i) => [a.id, [ids[i], hashes[i], docs[ids[i]].length, docs[ids[i]].titleEnd] as DocState]));
      return {
        files: { segments: [previous.base, collectTerms(entries, words, undefined, progress(entries.length))], docs, fragments, papers },
        full: false,
        indexed: entries.length,
        state: () => ({ docs: docIds, next, baseEnd: previous.baseEnd, baseLive: previous.baseLive, base: previous.base }),
      };
    }
  }
  // In full: ids 0… in archive order, one segment.
  const entries = articles.map((article, doc) => ({ doc, article }));
  const docs = articles.map((a) => docMeta(a, paperOf(a)));
  return {
    files: {
      segments: [collectTerms(entries, words, undefined, progress(entries.length))],
      docs,
      fragments: new Map(articles.map((a, doc) => [doc, fragmentOf(a)])),
      papers,
    },
    full: true,
    indexed: entries.length,
    state: (segments) => ({
      docs: Object.fromEntries(articles.map((a, i) => [a.id, [i, hashes[i], docs[i].length, docs[i].titleEnd] as DocState])),
      next: articles.length,
      baseEnd: articles.length,
      baseLive: articles.length,
      base: segments[0],
    }),
  };
}
