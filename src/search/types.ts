/**
 * The search index format, shared by the writer and every reader.
 *
 * Files under `<site>/search-index/`: `manifest.json`, one `docs-<hash>.bin`
 * (per-article numbers for ranking and filters), term shards
 * `s/<hash>.bin` (terms sorted, cut by a byte budget, named by content hash,
 * each a directory and the postings, read by range requests: shard-file.ts),
 * and fragment packs `f/<hash>.bin`: every article's fragment, compressed on
 * its own, packs of consecutive doc ids cut by a byte budget; a reader fetches
 * only the fragments of the results on screen, each with a range request.
 */

import type { Correction } from '../types.ts';

/** Bump when the file layout or encoding changes; readers refuse other versions. */
export const INDEX_VERSION = 4;

/** One shard of a segment: `from`/`to` are its first and last key. */
export interface ShardRef {
  from: string;
  to: string;
  file: string;
  /** Bytes of the shard's directory at its start (see shard-file.ts). */
  header: number;
}

/** `manifest.json`. */
export interface ShardManifest {
  version: number;
  /** Size of the doc id space; ids are 0…docs-1, oldest first (new articles append ids). */
  docs: number;
  /** File with the per-doc table, relative to the index folder. */
  docsFile: string;
  papers: Array<{ id: string; name: string }>;
  /**
   * Index segments, each a list of term shards in key order. The first holds
   * the archive as of the last time the index was cut whole; a second, small
   * one the articles added or changed since (their old doc ids are marked
   * deleted in the docs table), so adding or fixing a page rewrites only
   * that one. Postings of later segments have higher doc ids.
   */
  segments: ShardRef[][];
  /**
   * The live docs in archive order (oldest first), as runs of consecutive
   * doc ids: start, length, start, length… Absent when that order is doc id
   * order (an index with one segment and no deleted doc). Results of the
   * same date are listed newest first by this order.
   */
  order?: number[];
  /** Fragment packs in doc order; a pack holds the docs from its `first` up to the next pack's. */
  fragments: FragmentPack[];
  /**
   * File with the compressed length of every doc's fragment (varints, by doc
   * id; 0 for a deleted doc), read once with the first fragment: a reader
   * then needs no pack's header, which cost a later query a few KB (one
   * header per pack its results are in).
   */
  fragmentLengths: string;
}

/**
 * One fragment pack: a header, the compressed length of each of its
 * fragments (varints), then the fragments of docs `first`… back to back,
 * each raw-deflated JSON.
 */
export interface FragmentPack {
  /** Relative to the index folder; in a merged index (`archive merge`) a shard's pack, in that shard's folder (`<shard>/f/<hash>.bin`). */
  file: string;
  first: number;
  /** Bytes of the header. */
  header: number;
}

/** Per-article numbers from the docs table. */
export interface DocMeta {
  /** The article was removed or replaced since the first segment was written: ignore its postings. */
  deleted?: boolean;
  /** Canonical units in the article's text. */
  length: number;
  /** Canonical units of kicker + headline + subhead at the start of the text. */
  titleEnd: number;
  /** Index into `ShardManifest.papers`. */
  paper: number;
  /** Page number, 0 when the page id is not a number. */
  page: number;
  /** Issue date as YYYY-MM-DD. */
  date: string;
}

/** A fragment in a pack: what a result needs on screen. */
export interface Fragment {
  url: string;
  kicker: string | null;
  headline: string;
  subhead: string | null;
  byline: string | null;
  /** The dateline taken out of the first paragraph; absent when none. */
  dateline?: string;
  paragraphs: string[];
  /** Look-alike characters the parser corrected, so a snippet can find and mark the scan's reading; absent when none. */
  corrections?: Correction[];
  date: string;
  paper: string;
  paperName: string;
  page: string;
}

/** Key prefixes of the three kinds of terms. */
export const KEY = {
  /** Two canonical units, with positions: any string of 2+ units is matched exactly. */
  bigram: 'b',
  /** One canonical unit: one-character queries. */
  unit: 'u',
  /** A jieba word of 2+ units: whole-word matches rank higher. */
  word: 'w',
} as const;
