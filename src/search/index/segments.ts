/**
 * Which articles the index holds, under which doc ids. The index is always
 * one segment with doc ids 0… in archive order, oldest first: the same
 * input gives the same files, however the archive got there.
 *
 * A full build collects every article's terms. A later build patches the
 * previous build's postings instead: articles whose text is unchanged keep
 * their postings (moved to their new doc ids), changed and new articles are
 * collected anew, removed ones dropped. The patched postings are exactly the
 * postings a full build collects, so the shards cut from them are
 * byte-identical (a test checks this); only the work differs.
 */
import { createHash } from 'node:crypto';
import type { ArchiveArticle } from '../../types.ts';
import type { DocMeta, ShardRef } from '../types.ts';
import { articleFields } from '../fields.ts';
import { ByteReader, ByteWriter } from '../codec.ts';
import { KEY } from '../types.ts';
import { collectTerms, docMeta, fragmentOf, type Postings } from './build-index.ts';
import type { IndexFiles } from './write-index.ts';

/**
 * A complete index of articles, doc ids 0… in the order given (pass them
 * oldest first). For tests and benchmarks.
 */
export function buildIndex(articles: ArchiveArticle[], precut?: Map<string, Record<string, number>>): IndexFiles {
  return planIndex(articles, precut, null).files;
}

/** What the next build needs to know about the index on disk. */
export interface SearchState {
  /** Article id → [doc id, hash of what the index holds of it, its length and title length in units]. */
  docs: Record<string, DocState>;
  /** Docs in the index. */
  count: number;
  /** The index's shards, in key order. */
  shards: ShardRef[];
}

type DocState = [doc: number, hash: string, length: number, titleEnd: number];

/** Reads a file of the previous build's index (relative path), or null when it is missing. */
export type ReadIndexFile = (file: string) => Uint8Array | null;

/** Share of changed articles past which collecting everything is quicker than patching. */
const PATCH_MOST = 0.5;

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Hash of everything the index holds of an article: its text, words, fragment and filters. */
const contentHash = (a: ArchiveArticle, words: Record<string, number> | undefined) => sha(JSON.stringify([articleFields(a), words ?? null, fragmentOf(a), a.pageNumber]));

/**
 * Plan the index files for `articles` (oldest first).
 *
 * @param previous The state after the last build, or null to collect every article.
 * @param read Reads the previous build's index files (needed with `previous`).
 * @param onProgress Told how many of the articles to collect are done.
 * @returns The files to write, whether every article was collected, how
 *   many were collected, and a function that gives the new state once the
 *   shards are cut.
 */
export function planIndex(
  articles: ArchiveArticle[],
  words: Map<string, Record<string, number>> | undefined,
  previous: SearchState | null,
  onProgress?: (done: number, total: number) => void,
  read?: ReadIndexFile,
): { files: IndexFiles; full: boolean; indexed: number; state: (shards: ShardRef[]) => SearchState } {
  const hashes = articles.map((a) => contentHash(a, words?.get(a.id)));
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
  const patch = previous && read ? patchPlan(articles, hashes, previous, read) : null;
  const docs: DocMeta[] = articles.map((a, i) => {
    // Note: an unchanged article's lengths come from the state; measuring 30,000 again took a second.
    const kept = previous?.docs[a.id];
    return docMeta(a, paperOf(a), kept && kept[1] === hashes[i] ? { length: kept[2], titleEnd: kept[3] } : undefined);
  });
  let terms: IndexFiles['terms'];
  let indexed: number;
  if (patch && !patch.old) {
    // Note: no article changed or moved: the postings, hence the shards, are the last build's.
    terms = previous!.shards;
    indexed = 0;
  } else if (patch?.old) {
    const fresh = collectTerms(patch.changed, words, undefined, progress(patch.changed.length));
    terms = patchTerms(patch.old, patch.remap, patch.firstMoved, fresh);
    indexed = patch.changed.length;
  } else {
    terms = collectTerms(
      articles.map((article, doc) => ({ doc, article })),
      words,
      undefined,
      progress(articles.length),
    );
    indexed = articles.length;
  }
  return {
    files: { terms, docs, fragments: new Map(articles.map((a, doc) => [doc, fragmentOf(a)])), papers },
    full: !patch,
    indexed,
    state: (shards) => ({
      docs: Object.fromEntries(articles.map((a, i) => [a.id, [i, hashes[i], docs[i].length, docs[i].titleEnd] as DocState])),
      count: articles.length,
      shards,
    }),
  };
}

/**
 * How to patch the previous index into this one (`old` null when no article
 * changed or moved), or null when collecting every article is the way (too
 * much changed, kept articles changed order, or a previous shard is missing
 * or damaged).
 */
function patchPlan(articles: ArchiveArticle[], hashes: string[], previous: SearchState, read: ReadIndexFile) {
  // Old doc id → new doc id, -1 for an article removed or changed.
  const remap = new Int32Array(previous.count).fill(-1);
  const changed: Array<{ doc: number; article: ArchiveArticle }> = [];
  articles.forEach((article, doc) => {
    const kept = previous.docs[article.id];
    if (kept && kept[1] === hashes[doc] && kept[0] < previous.count) remap[kept[0]] = doc;
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
  if (changed.length === 0 && firstMoved === previous.count && articles.length === previous.count) return { remap, firstMoved, changed, old: null };
  const old = new Map<string, Uint8Array>();
  for (const shard of previous.shards) {
    const data = read(shard.file);
    // Shards are named by the hash of their content: a damaged one is not trusted.
    if (!data || `s/${sha(data)}.bin` !== shard.file) return null;
    const r = new ByteReader(data);
    for (let n = r.varint(), i = 0; i < n; i++) {
      const key = r.string();
      old.set(key, r.bytes(r.varint()));
    }
  }
  return { remap, firstMoved, changed, old };
}

/**
 * The previous postings moved to the new doc ids, with the changed
 * articles' postings merged in.
 *
 * @param old Previous postings by key.
 * @param remap Old doc id → new doc id, or -1 to drop.
 * @param firstMoved The lowest old doc id that does not keep its id.
 * @param fresh Postings of the changed articles, under their new ids.
 */
export function patchTerms(old: Map<string, Uint8Array>, remap: Int32Array, firstMoved: number, fresh: Map<string, Postings>): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [key, bytes] of old) {
    const added = fresh.get(key);
    const patched = patchPostings(bytes, key[0] === KEY.bigram, remap, firstMoved, added ? added.finish() : null);
    if (patched) out.set(key, patched);
  }
  for (const [key, p] of fresh) if (!old.has(key)) out.set(key, p.finish());
  return out;
}

/** A cursor over encoded postings (see `Postings`): doc, count and the span of its positions. */
class PostingsCursor {
  private pos = 0;
  private left: number;
  doc = 0;
  count = 0;
  start = 0;
  posStart = 0;
  posEnd = 0;

  constructor(
    readonly buf: Uint8Array,
    private readonly positional: boolean,
  ) {
    this.left = this.varint();
  }

  private varint(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 0x80;
    }
  }

  /** Step to the next doc; false at the end. */
  next(): boolean {
    if (this.left === 0) return false;
    this.left--;
    this.start = this.pos;
    this.doc += this.varint();
    this.count = this.varint();
    this.posStart = this.pos;
    if (this.positional) for (let k = 0; k < this.count; k++) this.varint();
    this.posEnd = this.pos;
    return true;
  }
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
