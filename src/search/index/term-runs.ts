/**
 * Collect the terms of a large archive in runs, so that the memory of the
 * index does not grow with the archive: the terms of each run of articles
 * are collected, sorted and written to a temporary file, and the runs are
 * then read back in step, a term's postings over all runs put one after the
 * other (docs ascend from one run to the next, so that is a copy of each
 * run's bytes). The postings are those one collection of every article
 * gives, byte for byte.
 *
 * Note: at 20,000 pages (120,000 articles) collecting every term at once
 * held about half a gigabyte of postings, and a sorted copy of them while
 * the shards were cut.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WordCounts } from '../../types.ts';
import { collectTerms, type IndexedArticle, type Postings } from './build-index.ts';
import { byKey } from '../shard-file.ts';
import { mergedPostings } from './postings.ts';

/** Articles whose terms are collected in memory at once (about 30 MB of postings for the synthetic archive's articles). */
export const RUN_ARTICLES = 8192;

/**
 * Terms in key order with their postings, from runs written to a folder
 * that `dispose` removes (reading the terms to their end also does).
 */
export class TermRuns {
  private disposed = false;

  constructor(
    private readonly dir: string,
    private readonly files: string[],
  ) {}

  /** The terms in key order, each with its postings over every run; read once. */
  *entries(): Generator<[string, Uint8Array]> {
    const readers = this.files.map((f) => new RunReader(f));
    try {
      // Note: the runs' postings hold the final doc ids already (base 0).
      yield* mergedPostings(readers.map((r) => ({ terms: r.entries(), base: 0 })));
    } finally {
      for (const r of readers) r.close();
      this.dispose();
    }
  }

  /** Remove the runs' files. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The terms of `entries` (ascending doc ids): collected at once when they
 * are at most `runArticles` articles, else in runs (see `TermRuns`).
 *
 * @param onProgress Told the number of entries done, over all runs.
 */
export function collectInRuns(
  entries: Array<{ doc: number; article: IndexedArticle }>,
  precut: WordCounts | undefined,
  onProgress?: (done: number) => void,
  runArticles = RUN_ARTICLES,
): Map<string, Postings> | TermRuns {
  if (entries.length <= runArticles) return collectTerms(entries, precut, undefined, onProgress);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-terms-'));
  const files: string[] = [];
  try {
    for (let start = 0; start < entries.length; start += runArticles) {
      const terms = collectTerms(entries.slice(start, start + runArticles), precut, undefined, onProgress && ((n) => onProgress(start + n)));
      const file = path.join(dir, `${files.length}.run`);
      writeRun(file, terms);
      files.push(file);
    }
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return new TermRuns(dir, files);
}

/** Record header: key bytes (uint16), postings bytes (uint32). */
const HEADER = 6;

/** Write one run's terms in key order: per term its header, key (UTF-8) and postings. */
function writeRun(file: string, terms: Map<string, Postings>): void {
  const fd = fs.openSync(file, 'w');
  const buf = Buffer.allocUnsafe(4 << 20);
  let at = 0;
  const flush = () => {
    if (at) fs.writeSync(fd, buf, 0, at);
    at = 0;
  };
  try {
    for (const key of [...terms.keys()].sort(byKey)) {
      const data = terms.get(key)!.finish();
      terms.delete(key);
      const k = Buffer.byteLength(key);
      if (at + HEADER + k + data.length > buf.length) flush();
      if (HEADER + k + data.length > buf.length) {
        const head = Buffer.allocUnsafe(HEADER + k);
        head.writeUInt16LE(k, 0);
        head.writeUInt32LE(data.length, 2);
        head.write(key, HEADER);
        fs.writeSync(fd, head);
        fs.writeSync(fd, data);
        continue;
      }
      buf.writeUInt16LE(k, at);
      buf.writeUInt32LE(data.length, at + 2);
      buf.write(key, at + HEADER);
      buf.set(data, at + HEADER + k);
      at += HEADER + k + data.length;
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a run's terms in order through a buffer. */
class RunReader {
  private readonly fd: number;
  private buf = Buffer.allocUnsafe(1 << 20);
  private pos = 0;
  private end = 0;
  private eof = false;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'r');
  }

  /** Whether `n` bytes are buffered from `pos` on (reading more when they are not). */
  private fill(n: number): boolean {
    if (this.end - this.pos >= n) return true;
    if (this.pos) {
      this.buf.copy(this.buf, 0, this.pos, this.end);
      this.end -= this.pos;
      this.pos = 0;
    }
    if (n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(n);
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    while (this.end < n && !this.eof) {
      const got = fs.readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
      if (got === 0) this.eof = true;
      this.end += got;
    }
    return this.end >= n;
  }

  /** The run's terms and their postings (copies), in order. */
  *entries(): Generator<[string, Uint8Array]> {
    for (let entry = this.next(); entry; entry = this.next()) yield entry;
  }

  /** The next term and its postings (a copy), or null at the end. */
  private next(): [string, Uint8Array] | null {
    if (!this.fill(HEADER)) {
      if (this.end !== this.pos) throw new Error('search index: a run of terms ends inside a record');
      return null;
    }
    const k = this.buf.readUInt16LE(this.pos);
    const d = this.buf.readUInt32LE(this.pos + 2);
    if (!this.fill(HEADER + k + d)) throw new Error('search index: a run of terms ends inside a record');
    const key = this.buf.toString('utf8', this.pos + HEADER, this.pos + HEADER + k);
    const data = new Uint8Array(this.buf.subarray(this.pos + HEADER + k, this.pos + HEADER + k + d));
    this.pos += HEADER + k + d;
    return [key, data];
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
