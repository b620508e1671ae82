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
import type { ArchiveArticle, WordCounts } from '../../types.ts';
import type { DocMeta, ShardRef } from '../types.ts';
import { articleFields } from '../fields.ts';
import { ByteReader, ByteWriter } from '../codec.ts';
import { KEY } from '../types.ts';
import { collectTerms, docMeta, fragmentOf, type Postings } from './build-index.ts';
import { byKey, type IndexFiles, type PatchedTerms } from './write-index.ts';
import { packFragments } from './fragment-packs.ts';

/**
 * A complete index of articles, doc ids 0… in the order given (pass them
 * oldest first). For tests and benchmarks.
 */
export function buildIndex(articles: ArchiveArticle[], precut?: WordCounts): IndexFiles {
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
  /** The fragment packs, pack key → file (see `packFragments`). */
  packs: Record<string, string>;
}

type DocState = [doc: number, hash: string, length: number, titleEnd: number, fragment: number];

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
 * @param existing Index files of the last build, relative path → content hash.
 * @param sources Article id → key of everything the article was made from
 *   (within one version of the code, the same key means the same article);
 *   articles without one are hashed.
 * @returns The files to write, whether every article was collected, how
 *   many were collected, and a function that gives the new state once the
 *   shards are cut.
 */
export function planIndex(
  articles: ArchiveArticle[],
  words: WordCounts | undefined,
  previous: SearchState | null,
  onProgress?: (done: number, total: number) => void,
  read?: ReadIndexFile,
  existing?: Map<string, string>,
  sources?: Map<string, string>,
): { files: IndexFiles; full: boolean; indexed: number; state: (shards: ShardRef[]) => SearchState } {
  // Note: hashing what the index holds of 30,000 articles took 0.8 s; the key of what each was made from is as good.
  const hashes = articles.map((a) => {
    const source = sources?.get(a.id);
    return source === undefined ? contentHash(a, words?.get(a.id)) : sha(`source|${source}`);
  });
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
  const patch = previous && read && previous.shards.length ? patchPlan(articles, hashes, previous) : null;
  const docs: DocMeta[] = articles.map((a, i) => {
    // Note: an unchanged article's lengths come from the state; measuring 30,000 again took a second.
    const kept = previous?.docs[a.id];
    return docMeta(a, paperOf(a), kept && kept[1] === hashes[i] ? { length: kept[2], titleEnd: kept[3] } : undefined);
  });
  let terms: IndexFiles['terms'];
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
    terms = collectTerms(
      articles.map((article, doc) => ({ doc, article })),
      words,
      undefined,
      progress(articles.length),
    );
    indexed = articles.length;
  }
  // Note: only packs still on disk are reused; an unchanged article's compressed length comes from the state.
  const reusable = new Map(Object.entries(previous?.packs ?? {}).filter(([, file]) => existing?.has(file)));
  const fragments = packFragments(
    articles.map((a, doc) => {
      const kept = previous?.docs[a.id];
      return { key: hashes[doc], length: kept && kept[1] === hashes[doc] ? kept[4] : undefined, fragment: () => fragmentOf(a) };
    }),
    reusable,
  );
  return {
    files: { terms, docs, fragments, papers },
    full: !patch,
    indexed,
    state: (shards) => ({
      docs: Object.fromEntries(articles.map((a, i) => [a.id, [i, hashes[i], docs[i].length, docs[i].titleEnd, fragments.lengths[i]] as DocState])),
      count: articles.length,
      shards,
      packs: Object.fromEntries(fragments.byKey),
    }),
  };
}

/** Thrown when a shard of the previous build is missing or damaged: the index is then collected in full. */
export class StaleIndexError extends Error {}

/**
 * How to patch the previous index into this one (`moved` false when no
 * article changed or moved), or null when collecting every article is the
 * way (too much changed, or kept articles changed order).
 */
function patchPlan(articles: ArchiveArticle[], hashes: string[], previous: SearchState) {
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
      const r = new ByteReader(loaded.get(i) ?? load(i));
      r.varint();
      r.bytes(r.varint());
      return r.varint();
    },
    *entries(i) {
      const r = new ByteReader(take(i));
      const keys = freshIn[i];
      let k = 0;
      for (let left = r.varint(); left > 0; left--) {
        const key = r.string();
        const bytes = r.bytes(r.varint());
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
  for (let terms = varint(); terms > 0; terms--) {
    const keyLength = varint();
    const positional = buf[pos] === BIGRAM_BYTE;
    pos += keyLength;
    const end = varint() + pos;
    let doc = 0;
    for (let docs = varint(); docs > 0; docs--) {
      doc += varint();
      const count = varint();
      if (doc >= firstMoved && remap[doc] < 0) return true;
      if (positional) for (let c = count; c > 0; c--) while (buf[pos++] >= 0x80);
    }
    pos = end;
  }
  return false;
}

const BIGRAM_BYTE = KEY.bigram.charCodeAt(0);

/** A cursor over encoded postings (see `Postings`): doc, count and the span of its positions. */
export class PostingsCursor {
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
