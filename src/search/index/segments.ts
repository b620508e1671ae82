/**
 * Which articles the index holds, under which doc ids.
 *
 * A full build collects every article's terms into one segment, doc ids
 * 0… in archive order, oldest first.
 *
 * A later build leaves that segment as it is and writes a second, small
 * one: the articles added or changed since take the next doc ids, and
 * their old ids are marked deleted in the docs table. A new page's terms
 * fall in most shards, so patching the first segment rewrote most of it for
 * one added page (2,037 files written at 5,000 pages, all to upload again),
 * and an edit took 5 s of patching; the second segment is a few percent of
 * the index.
 *
 * When the second segment and the deleted docs pass `DELTA_MOST` of the
 * archive, the index is cut whole again: the first segment's postings are
 * patched (kept articles moved to their ids in archive order, the rest
 * collected anew, removed ones dropped) into exactly the postings a full
 * build collects, so the files are byte for byte a full build's (a test
 * checks this). Between those, searches answer exactly as they would over
 * a full build (a test checks that too): scores count live docs only, and
 * `order` gives the archive order that ties are listed in.
 */
import { createHash } from 'node:crypto';
import type { WordCounts } from '../../types.ts';
import type { DocMeta, ShardRef } from '../types.ts';
import { articleFields } from '../fields.ts';
import { ByteWriter } from '../codec.ts';
import { KEY } from '../types.ts';
import { collectTerms, docMeta, fragmentOf, type IndexedArticle, type Postings } from './build-index.ts';
import type { IndexFiles, PatchedTerms, SegmentTerms } from './write-index.ts';
import { packFragments, type PackInput } from './fragment-packs.ts';
import { byKey, readDirectory, shardEntries } from '../shard-file.ts';
import { PostingsCursor } from './postings.ts';
import { collectInRuns, RUN_ARTICLES, TermRuns } from './term-runs.ts';

/**
 * A complete index of articles, doc ids 0… in the order given (pass them
 * oldest first). For tests and benchmarks.
 */
export function buildIndex(articles: IndexedArticle[], precut?: WordCounts): IndexFiles {
  return planIndex(articles, precut, null).files;
}

/** What the next build needs to know about the index on disk. */
export interface SearchState {
  /** Article id → [doc id, hash of what the index holds of it, its length and title length in units, its fragment's length]. */
  docs: Record<string, DocState>;
  /** Doc ids in the index, deleted ones included. */
  count: number;
  /** Docs of the first segment: ids below it (absent in states of older builds: all of them). */
  base?: number;
  /** The first segment's shards, in key order. */
  shards: ShardRef[];
  /** The second segment's shards (docs from `base` on), in key order; absent or empty when there is none. */
  delta?: ShardRef[];
  /** The fragment packs, pack key → file (see `packFragments`). */
  packs: Record<string, string>;
  /** First doc of each fragment pack (absent in states of older builds). */
  packStarts?: number[];
}

type DocState = [doc: number, hash: string, length: number, titleEnd: number, fragment: number];

/** Reads a file of the previous build's index (relative path), or null when it is missing. */
export type ReadIndexFile = (file: string) => Uint8Array | null;

/** Share of changed articles past which collecting everything is quicker than patching. */
const PATCH_MOST = 0.5;

/**
 * Share of the live articles that the second segment and the deleted docs
 * together may reach before the index is cut whole again. At 5,000 pages
 * (30,000 articles) that is about 250 pages added or fixed; a query then
 * reads a directory and the postings of each term in both segments.
 */
export const DELTA_MOST = 0.05;

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Hash of everything the index holds of an article: its text, words, fragment and filters. */
const contentHash = (a: IndexedArticle, words: Record<string, number> | undefined) => sha(JSON.stringify([articleFields(a), words ?? null, fragmentOf(a), a.pageNumber]));

/**
 * Plan the index files for `articles` (oldest first).
 *
 * @param previous The state after the last build, or null to collect every article.
 * @param read Reads the previous build's index files (needed with `previous`).
 * @param onProgress Told how many of the articles to collect are done.
 * @param existing Index files of the last build, relative path → content hash.
 * @param sources Article id → key of everything the article was made from
 *   (within one version of the code, the same key means the same article);
 *   articles without one are hashed.
 * @param deltaMost See `DELTA_MOST` (tests: 0 always cuts the index whole, 1 always adds to the second segment).
 * @param runArticles See `RUN_ARTICLES` (tests).
 * @returns The files to write, whether every article was collected, how
 *   many were collected, and a function that gives the new state once the
 *   shards are cut.
 */
export function planIndex(
  articles: IndexedArticle[],
  words: WordCounts | undefined,
  previous: SearchState | null,
  onProgress?: (done: number, total: number) => void,
  read?: ReadIndexFile,
  existing?: Map<string, string>,
  sources?: Map<string, string>,
  deltaMost = DELTA_MOST,
  runArticles = RUN_ARTICLES,
): { files: IndexFiles; full: boolean; indexed: number; state: (segments: ShardRef[][]) => SearchState } {
  // Note: hashing what the index holds of 30,000 articles took 0.8 s; the key of what each was made from is as good.
  const hashes = articles.map((a) => {
    const source = sources?.get(a.id);
    return source === undefined ? contentHash(a, words?.get(a.id)) : sha(`source|${source}`);
  });
  const progress = (total: number) => onProgress && ((n: number) => onProgress(n, total));
  const papers: Array<{ id: string; name: string }> = [];
  const paperIndex = new Map<string, number>();
  const paperOf = (a: IndexedArticle) => {
    if (!paperIndex.has(a.paper)) {
      paperIndex.set(a.paper, papers.length);
      papers.push({ id: a.paper, name: a.paperName });
    }
    return paperIndex.get(a.paper)!;
  };
  const delta = previous && read && previous.shards.length ? deltaPlan(articles, hashes, previous, deltaMost) : null;
  if (delta) return planDelta(articles, words, previous!, read!, existing, delta, hashes, { papers, paperOf }, progress);
  const patch = previous && read && previous.shards.length ? patchPlan(articles, hashes, previous) : null;
  const docs: DocMeta[] = articles.map((a, i) => docMetaOf(a, paperOf(a), unchanged(previous, a.id, hashes[i])));
  let terms: SegmentTerms;
  let indexed: number;
  if (patch && !patch.moved) {
    // Note: no article changed or moved: the postings, hence the shards, are the last build's.
    terms = previous!.shards;
    indexed = 0;
  } else if (patch) {
    const fresh = collectTerms(patch.changed, words, undefined, progress(patch.changed.length));
    terms = patchedShards(previous!.shards, read!, patch.remap, patch.firstMoved, fresh);
    indexed = patch.changed.length;
  } else {
    terms = collectInRuns(
      articles.map((article, doc) => ({ doc, article })),
      words,
      progress(articles.length),
      runArticles,
    );
    indexed = articles.length;
  }
  let fragments: ReturnType<typeof packAll>;
  try {
    fragments = packAll(articles.map((a, i) => [i, a]), articles.length, hashes, previous, existing);
  } catch (e) {
    // A body left the cache (see `BodyGoneError`): the runs' files are not left behind.
    if (terms instanceof TermRuns) terms.dispose();
    throw e;
  }
  return {
    files: { segments: [terms], docs, fragments, papers },
    full: !patch,
    indexed,
    state: ([shards]) => ({
      docs: Object.fromEntries(articles.map((a, i) => [a.id, [i, hashes[i], docs[i].length, docs[i].titleEnd, fragments.lengths[i]] as DocState])),
      count: articles.length,
      base: articles.length,
      shards,
      delta: [],
      packs: Object.fromEntries(fragments.byKey),
      packStarts: fragments.packs.map((p) => p.first),
    }),
  };
}

/**
 * The fragment packs of `count` doc ids, `live` the docs that hold an
 * article (the rest are deleted and take no bytes). Only packs still on
 * disk are reused; an unchanged article's compressed length comes from the state.
 */
function packAll(live: Array<[doc: number, article: IndexedArticle]>, count: number, hashes: string[], previous: SearchState | null, existing: Map<string, string> | undefined, starts?: number[]) {
  const reusable = new Map(Object.entries(previous?.packs ?? {}).filter(([, file]) => existing?.has(file)));
  const inputs: PackInput[] = Array.from({ length: count }, () => ({ key: '-', length: 0, fragment: null }));
  live.forEach(([doc, a], i) => (inputs[doc] = { key: hashes[i], length: unchanged(previous, a.id, hashes[i])?.[4], fragment: () => fragmentOf(a) }));
  return packFragments(inputs, reusable, undefined, starts);
}

/** How the second segment changes: every article's doc id, and the articles to collect anew. */
interface DeltaPlan {
  /** Doc id of each article (in the order given). */
  ids: Int32Array;
  /** Indexes of the articles added or changed, in order (their ids follow the last build's). */
  changed: number[];
  /** Old doc id → whether its article is kept. */
  kept: Uint8Array;
  /** Docs of the first segment (ids below it). */
  base: number;
  /** Doc ids after this build, deleted ones included. */
  count: number;
}

/**
 * The articles' doc ids when added to the second segment, or null when
 * the index is to be cut whole (no second segment allowed, or it and the
 * deleted docs would pass `most` of the archive).
 */
function deltaPlan(articles: IndexedArticle[], hashes: string[], previous: SearchState, most: number): DeltaPlan | null {
  const base = previous.base ?? previous.count;
  const ids = new Int32Array(articles.length);
  const kept = new Uint8Array(previous.count);
  const changed: number[] = [];
  articles.forEach((a, i) => {
    const doc = unchanged(previous, a.id, hashes[i]);
    if (doc && doc[0] < previous.count) {
      ids[i] = doc[0];
      kept[doc[0]] = 1;
    } else changed.push(i);
  });
  // The second segment (its deleted docs too) and the docs deleted from the first.
  let deletedFirst = 0;
  for (let doc = 0; doc < base; doc++) if (!kept[doc]) deletedFirst++;
  if (previous.count + changed.length - base + deletedFirst > most * articles.length) return null;
  changed.forEach((i, k) => (ids[i] = previous.count + k));
  return { ids, changed, kept, base, count: previous.count + changed.length };
}

/**
 * Plan an index whose first segment is the last build's, untouched, and
 * whose second holds the articles added or changed since the index was
 * last cut whole: the last build's second segment with the articles added
 * or changed now merged in, and those changed or removed dropped.
 */
function planDelta(
  articles: IndexedArticle[],
  words: WordCounts | undefined,
  previous: SearchState,
  read: ReadIndexFile,
  existing: Map<string, string> | undefined,
  plan: DeltaPlan,
  hashes: string[],
  { papers, paperOf }: { papers: IndexFiles['papers']; paperOf: (a: IndexedArticle) => number },
  progress: (total: number) => ((n: number) => void) | undefined,
) {
  const { ids, changed, kept, base, count } = plan;
  const fresh = collectTerms(
    changed.map((i) => ({ doc: ids[i], article: articles[i] })),
    words,
    undefined,
    progress(changed.length),
  );
  let second: SegmentTerms | null = fresh.size ? fresh : null;
  if (previous.delta?.length) {
    // Kept docs keep their ids: postings of docs dropped are taken out, the new ones appended.
    const remap = new Int32Array(previous.count);
    let firstMoved = previous.count;
    for (let doc = 0; doc < previous.count; doc++) {
      remap[doc] = kept[doc] ? doc : -1;
      if (!kept[doc] && doc >= base && firstMoved === previous.count) firstMoved = doc;
    }
    second = patchedShards(previous.delta, read, remap, firstMoved, fresh);
  }
  // Deleted docs take the date of the doc before them: one byte each in the docs table.
  const docs = new Array<DocMeta>(count);
  articles.forEach((a, i) => (docs[ids[i]] = docMetaOf(a, paperOf(a), unchanged(previous, a.id, hashes[i]))));
  for (let doc = 0; doc < count; doc++) if (!docs[doc]) docs[doc] = { deleted: true, length: 0, titleEnd: 0, paper: 0, page: 0, date: docs[doc - 1]?.date ?? '1970-01-01' };
  const fragments = packAll(articles.map((a, i) => [ids[i], a]), count, hashes, previous, existing, previous.packStarts);
  const order = orderRuns(ids);
  return {
    files: { segments: second ? [previous.shards, second] : [previous.shards], docs, ...(order ? { order } : {}), fragments, papers },
    full: false,
    indexed: changed.length,
    state: ([shards, delta]: ShardRef[][]): SearchState => ({
      docs: Object.fromEntries(articles.map((a, i) => [a.id, [ids[i], hashes[i], docs[ids[i]].length, docs[ids[i]].titleEnd, fragments.lengths[ids[i]]] as DocState])),
      count,
      base,
      shards,
      delta: delta ?? [],
      packs: Object.fromEntries(fragments.byKey),
      packStarts: fragments.packs.map((p) => p.first),
    }),
  };
}

/**
 * The doc ids of the articles, in archive order, as runs (start, length,
 * …), or null when they ascend (see `ShardManifest.order`).
 */
export function orderRuns(ids: ArrayLike<number>): number[] | null {
  const runs: number[] = [];
  let ascending = true;
  for (let i = 0; i < ids.length; i++) {
    if (i && ids[i] < ids[i - 1]) ascending = false;
    if (runs.length && runs[runs.length - 2] + runs[runs.length - 1] === ids[i]) runs[runs.length - 1]++;
    else runs.push(ids[i], 1);
  }
  return ascending ? null : runs;
}

/** The last build's state of an article, when what the index holds of it is unchanged (the same hash). */
function unchanged(previous: SearchState | null, id: string, hash: string): DocState | undefined {
  const doc = previous?.docs[id];
  return doc && doc[1] === hash ? doc : undefined;
}

/** An article's docs table entry; an unchanged article's lengths come from the state (measuring 30,000 again took a second). */
function docMetaOf(a: IndexedArticle, paper: number, kept: DocState | undefined): DocMeta {
  return docMeta(a, paper, kept && { length: kept[2], titleEnd: kept[3] });
}

/** Thrown when a shard of the previous build is missing or damaged: the index is then collected in full. */
export class StaleIndexError extends Error {}

/**
 * How to patch the previous index into this one (`moved` false when no
 * article changed or moved), or null when collecting every article is the
 * way (too much changed, or kept articles changed order).
 */
function patchPlan(articles: IndexedArticle[], hashes: string[], previous: SearchState) {
  // Old doc id → new doc id, -1 for an article removed or changed.
  const remap = new Int32Array(previous.count).fill(-1);
  const changed: Array<{ doc: number; article: IndexedArticle }> = [];
  articles.forEach((article, doc) => {
    const kept = unchanged(previous, article.id, hashes[doc]);
    // Note: docs of the second segment are collected anew: their postings are not in the first.
    if (kept && kept[0] < (previous.base ?? previous.count)) remap[kept[0]] = doc;
    else changed.push({ doc, article });
  });
  if (changed.length > PATCH_MOST * articles.length) return null;
  let last = -1;
  let firstMoved = previous.count;
  for (let old = 0; old < remap.length; old++) {
    if (remap[old] !== old && firstMoved === previous.count) firstMoved = old;
    if (remap[old] < 0) continue;
    // Kept postings are moved in order; a reordering would need a sort.
    if (remap[old] <= last) return null;
    last = remap[old];
  }
  const moved = !(changed.length === 0 && firstMoved === previous.count && articles.length === previous.count);
  return { remap, firstMoved, changed, moved };
}

/**
 * The last build's shards with what changes in them: the changed articles'
 * postings (`fresh`, under their new ids) merged in, and the kept ones moved
 * by `remap`. Only the shards that can change are read in full: when kept
 * articles keep their doc ids, those with a new term in their range, and
 * those holding a removed article (found by walking the postings, without
 * decoding them).
 */
function patchedShards(shards: ShardRef[], read: ReadIndexFile, remap: Int32Array, firstMoved: number, fresh: Map<string, Postings>): PatchedTerms {
  const n = shards.length;
  const load = (i: number): Uint8Array => {
    const data = read(shards[i].file);
    // Shards are named by the hash of their content: a damaged one is not trusted.
    if (!data || `s/${sha(data)}.bin` !== shards[i].file) throw new StaleIndexError(`search index: shard ${shards[i].file} of the last build is missing or damaged`);
    return data;
  };
  // The new terms by the shard whose range they fall in.
  const freshKeys = [...fresh.keys()].sort(byKey);
  const freshIn: string[][] = Array.from({ length: n }, () => []);
  for (let i = 0, k = 0; k < freshKeys.length; k++) {
    while (i + 1 < n && freshKeys[k] >= shards[i + 1].from) i++;
    freshIn[i].push(freshKeys[k]);
  }
  const dirty = freshIn.map((keys) => keys.length > 0);
  let removed = false;
  let shifted = false;
  for (let old = firstMoved; old < remap.length; old++) {
    if (remap[old] < 0) removed = true;
    else if (remap[old] !== old) shifted = true;
  }
  const loaded = new Map<number, Uint8Array>();
  if (shifted) {
    // Note: kept articles changed doc ids: every term holding one changes (its deltas do); all shards are cut again.
    dirty.fill(true);
  } else if (removed) {
    for (let i = 0; i < n; i++) {
      if (dirty[i]) continue;
      const data = load(i);
      if (holdsRemoved(data, remap, firstMoved)) {
        dirty[i] = true;
        loaded.set(i, data);
      }
    }
  }
  const take = (i: number) => {
    const data = loaded.get(i) ?? load(i);
    loaded.delete(i);
    return data;
  };
  return {
    shards,
    dirty,
    firstLength: (i) => {
      const [first] = readDirectory(loaded.get(i) ?? load(i));
      return first.end - first.start;
    },
    *entries(i) {
      const keys = freshIn[i];
      let k = 0;
      for (const [key, bytes] of shardEntries(take(i))) {
        while (k < keys.length && keys[k] < key) {
          const only = keys[k++];
          if (!fresh.has(only)) continue;
          yield [only, fresh.get(only)!.finish()] as [string, Uint8Array];
        }
        let added: Uint8Array | null = null;
        if (k < keys.length && keys[k] === key) added = fresh.get(keys[k++])!.finish();
        const patched = patchPostings(bytes, key[0] === KEY.bigram, remap, firstMoved, added);
        if (patched) yield [key, patched] as [string, Uint8Array];
      }
      while (k < keys.length) {
        const only = keys[k++];
        yield [only, fresh.get(only)!.finish()] as [string, Uint8Array];
      }
    },
  };
}

/**
 * Whether a shard holds a doc that `remap` drops (kept docs keep their
 * ids): its postings walked as bytes, keys not decoded.
 */
function holdsRemoved(buf: Uint8Array, remap: Int32Array, firstMoved: number): boolean {
  let pos = 0;
  const varint = () => {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = buf[pos++];
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 0x80;
    }
  };
  for (const { key, start } of readDirectory(buf)) {
    const positional = key[0] === KEY.bigram;
    pos = start;
    let doc = 0;
    for (let docs = varint(); docs > 0; docs--) {
      doc += varint();
      const count = varint();
      if (doc >= firstMoved && remap[doc] < 0) return true;
      if (positional) for (let c = count; c > 0; c--) while (buf[pos++] >= 0x80);
    }
  }
  return false;
}

/**
 * One term's postings, patched; null when no doc is left. Returns the input
 * itself when nothing about the term changed.
 */
function patchPostings(bytes: Uint8Array, positional: boolean, remap: Int32Array, firstMoved: number, added: Uint8Array | null): Uint8Array | null {
  const c = new PostingsCursor(bytes, positional);
  const bodyStart = headerLength(bytes);
  // Docs below `firstMoved` keep their ids (and their deltas): copy them as they are.
  let kept = 0;
  let lastKept = 0;
  let more = c.next();
  while (more && c.doc < firstMoved) {
    kept++;
    lastKept = c.doc;
    more = c.next();
  }
  if (!more && !added) return bytes;
  const body = new ByteWriter(bytes.length + (added?.length ?? 0) + 16);
  body.bytes(bytes.subarray(bodyStart, more ? c.start : bytes.length));
  let n = kept;
  let last = lastKept;
  const a = added ? new PostingsCursor(added, positional) : null;
  let moreAdded = a ? a.next() : false;
  const emit = (cur: PostingsCursor, doc: number) => {
    body.varint(doc - last);
    body.varint(cur.count);
    body.bytes(cur.buf.subarray(cur.posStart, cur.posEnd));
    last = doc;
    n++;
  };
  for (; more; more = c.next()) {
    const doc = remap[c.doc] ?? -1;
    if (doc < 0) continue;
    while (moreAdded && a!.doc < doc) {
      emit(a!, a!.doc);
      moreAdded = a!.next();
    }
    emit(c, doc);
  }
  while (moreAdded) {
    emit(a!, a!.doc);
    moreAdded = a!.next();
  }
  if (n === 0) return null;
  const w = new ByteWriter(body.length + 8);
  w.varint(n);
  w.bytes(body.finish());
  return w.finish();
}

/** Bytes of the varint at the start. */
function headerLength(bytes: Uint8Array): number {
  let i = 0;
  while (bytes[i] >= 0x80) i++;
  return i + 1;
}
