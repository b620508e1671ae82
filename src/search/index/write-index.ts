/**
 * Write a built index as files: terms sorted and cut into shards by a byte
 * budget (Pagefind cuts by count), each shard a directory and the postings
 * (shard-file.ts) named by the hash of its content, plus the docs table,
 * the fragment packs and the versioned manifest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { byKey, encodeShard } from '../shard-file.ts';
import { INDEX_VERSION, type DocMeta, type ShardManifest, type ShardRef } from '../types.ts';
import type { Postings } from './build-index.ts';
import { TermRuns } from './term-runs.ts';
import type { PackedFragments } from './fragment-packs.ts';
import { FileWriter } from '../../util/files.ts';
import { encodeDocs } from '../docs-table.ts';
import { encodeLengths } from './fragment-packs.ts';

/**
 * The terms of one segment: postings by key, as collected (or already
 * encoded), or collected in runs on disk (see term-runs.ts); the last
 * build's shards, when none of them changed; or the last build's shards
 * with what to patch in them.
 */
export type SegmentTerms = Map<string, Postings | Uint8Array> | TermRuns | ShardRef[] | PatchedTerms;

/** What to write: the terms with their postings, docs and fragments. */
export interface IndexFiles {
  /** The segments' terms (see `ShardManifest.segments`): one, or the archive as last cut whole and the articles added since. */
  segments: SegmentTerms[];
  /** Docs table, indexed by doc id (holes marked deleted). */
  docs: DocMeta[];
  /** Live docs in archive order as runs of doc ids (see `ShardManifest.order`); absent when it is doc id order. */
  order?: number[];
  /** The fragments, packed; packs not in `data` are the last build's (they must be in `existing`). */
  fragments: PackedFragments;
  papers: Array<{ id: string; name: string }>;
}

/**
 * The last build's shards and how to patch them. `dirty[i]` is false when
 * no term of shard `i` changes and no new term falls in its range (from its
 * first key up to the next shard's first key; the first shard also takes
 * the keys before it, the last those after it).
 */
export interface PatchedTerms {
  shards: ShardRef[];
  dirty: boolean[];
  /** Terms of shard `i` in key order, patched (terms left with no doc dropped), with the new terms of its range merged in. */
  entries(i: number): Iterable<[string, Uint8Array]>;
  /** Bytes of the postings of shard `i`'s first term (unchanged when the shard is not dirty). */
  firstLength(i: number): number;
}

/**
 * Target size of one term shard in bytes before compression, unless told
 * otherwise. A query reads a shard's directory and its terms' postings by
 * range requests, not the whole shard, so the budget sets the number of
 * files more than the bytes a query reads: 96 KB makes a quarter of the
 * files 24 KB made, and a directory a query reads of 180 bytes on average
 * (2,514 shards at 20,000 pages).
 */
export const SHARD_BYTES = 96 * 1024;

export interface WriteOptions {
  /** Target size of one shard in bytes before compression. Default `SHARD_BYTES`. */
  shardBytes?: number;
  /**
   * Files the destination already has, relative path → content hash: such a
   * file is not written again (incremental builds). Default none.
   */
  existing?: Map<string, string>;
}

export interface WrittenIndex {
  manifest: ShardManifest;
  /** Bytes on disk, all files. */
  bytes: number;
  files: number;
  /** Every file of the index, relative path → content hash (written or already there). */
  contents: Map<string, string>;
  /** Files actually written. */
  written: number;
}

const encoder = new TextEncoder();

/**
 * Cuts sorted terms into shards by a byte budget: a term goes into the
 * current shard unless that would take it past the budget (a shard holds at
 * least one term). Full and patched builds cut with this, so the same terms
 * give the same shards.
 */
export class ShardCutter {
  private terms: Array<[string, Uint8Array]> = [];
  /** Bytes of the shard so far, as its directory and postings will take them. */
  private length = 0;

  constructor(
    private readonly budget: number,
    private readonly emit: (data: Uint8Array, from: string, to: string, header: number) => void,
  ) {}

  /** Whether the current shard is empty (the last term added was flushed). */
  get empty(): boolean {
    return this.terms.length === 0;
  }

  /** Whether a term with postings of `length` bytes would start a new shard. */
  wouldFlush(length: number): boolean {
    return this.terms.length > 0 && this.length + length > this.budget;
  }

  add(key: string, data: Uint8Array): void {
    if (this.wouldFlush(data.length)) this.flush();
    this.terms.push([key, data]);
    const k = encoder.encode(key).length;
    this.length += varintLength(k) + k + varintLength(data.length) + data.length;
  }

  flush(): void {
    if (!this.terms.length) return;
    const { data, header } = encodeShard(this.terms);
    this.emit(data, this.terms[0][0], this.terms[this.terms.length - 1][0], header);
    this.terms = [];
    this.length = 0;
  }
}

/** Bytes of a number as a varint. */
const varintLength = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

const hash = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/**
 * Write the index into `dir` (created; previous contents removed).
 *
 * @returns The manifest and the size on disk.
 */
export async function writeIndex(index: IndexFiles, dir: string, options: WriteOptions = {}): Promise<WrittenIndex> {
  const budget = options.shardBytes ?? SHARD_BYTES;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 's'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'f'), { recursive: true });
  const packs = index.fragments;
  let bytes = 0;
  let files = 0;
  let written = 0;
  const contents = new Map<string, string>();
  const writer = new FileWriter();
  const put = (rel: string, data: Uint8Array | string) => {
    const sum = hash(data);
    contents.set(rel, sum);
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    files++;
    if (options.existing?.get(rel) === sum) return;
    writer.write(path.join(dir, rel), data);
    written++;
  };

  const cutter = (shards: ShardRef[]) =>
    new ShardCutter(budget, (data, from, to, header) => {
      const file = `s/${hash(data)}.bin`;
      put(file, data);
      shards.push({ from, to, file, header });
    });
  const writeSegment = (terms: Map<string, Postings | Uint8Array> | TermRuns): ShardRef[] => {
    const shards: ShardRef[] = [];
    const cut = cutter(shards);
    if (terms instanceof TermRuns) {
      for (const [key, data] of terms.entries()) cut.add(key, data);
    } else {
      for (const key of [...terms.keys()].sort(byKey)) {
        const p = terms.get(key)!;
        cut.add(key, p instanceof Uint8Array ? p : p.finish());
      }
    }
    cut.flush();
    return shards;
  };
  const kept = (s: ShardRef, shards: ShardRef[]) => {
    // A shard of the last build, already in place (named by content).
    const sum = options.existing?.get(s.file);
    if (!sum) throw new Error(`search index: kept shard ${s.file} is missing from the previous build`);
    contents.set(s.file, sum);
    shards.push(s);
  };
  /**
   * The last build's shards, patched: a shard whose terms and whose
   * successor's first term are unchanged is kept as it is when the cut
   * reaches its start; the others are read, patched and cut again, exactly
   * as a full build cuts the same terms.
   */
  const patchSegment = (p: PatchedTerms): ShardRef[] => {
    const shards: ShardRef[] = [];
    const cut = cutter(shards);
    const n = p.shards.length;
    for (let i = 0; i < n; i++) {
      if (!p.dirty[i] && !(i + 1 < n && p.dirty[i + 1]) && (cut.empty || cut.wouldFlush(p.firstLength(i)))) {
        cut.flush();
        kept(p.shards[i], shards);
        continue;
      }
      for (const [key, data] of p.entries(i)) cut.add(key, data);
    }
    cut.flush();
    return shards;
  };
  const keptAll = (refs: ShardRef[]) => {
    const shards: ShardRef[] = [];
    for (const s of refs) kept(s, shards);
    return shards;
  };
  let segments: ShardRef[][];
  try {
    segments = index.segments.map((terms) => (Array.isArray(terms) ? keptAll(terms) : terms instanceof Map || terms instanceof TermRuns ? writeSegment(terms) : patchSegment(terms)));
    // A second segment whose docs were all removed is no segment.
    segments = segments.filter((shards, i) => i === 0 || shards.length);
  } catch (e) {
    for (const terms of index.segments) if (terms instanceof TermRuns) terms.dispose();
    // Note: the writes under way finish before the caller may write here again.
    await writer.flush().catch(() => {});
    throw e;
  }

  const docsData = encodeDocs(index.docs);
  const docsFile = `docs-${hash(docsData)}.bin`;
  put(docsFile, docsData);

  for (const { file } of packs.packs) {
    const data = packs.data.get(file);
    if (data) put(file, data);
    else {
      const sum = options.existing?.get(file);
      if (!sum) throw new Error(`search index: kept fragment pack ${file} is missing from the previous build`);
      contents.set(file, sum);
      files++;
    }
  }

  const lengths = encodeLengths(packs.lengths);
  const fragmentLengths = `lengths-${hash(lengths)}.bin`;
  put(fragmentLengths, lengths);

  const manifest: ShardManifest = { version: INDEX_VERSION, docs: index.docs.length, docsFile, papers: index.papers, segments, ...(index.order ? { order: index.order } : {}), fragments: packs.packs, fragmentLengths };
  put('manifest.json', JSON.stringify(manifest));
  await writer.flush();
  return { manifest, bytes, files, contents, written };
}
