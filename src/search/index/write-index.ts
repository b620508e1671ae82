/**
 * Write a built index as files: terms sorted and cut into shards by a byte
 * budget (Pagefind cuts by count; a byte budget keeps downloads even), each
 * shard named by the hash of its content, plus the docs table, one fragment
 * per article and the versioned manifest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ByteWriter } from '../codec.ts';
import { INDEX_VERSION, type DocMeta, type Fragment, type ShardManifest, type ShardRef } from '../types.ts';
import type { Postings } from './build-index.ts';
import { FileWriter } from '../../util/files.ts';

/** What to write: the terms with their postings, docs and fragments. */
export interface IndexFiles {
  /** Postings by key, as collected or as patched from the last build (already encoded); or the last build's shards, when no article changed. */
  terms: Map<string, Postings | Uint8Array> | ShardRef[];
  /** Docs table, indexed by doc id (holes marked deleted). */
  docs: DocMeta[];
  /** Fragments of the live docs. */
  fragments: Map<number, Fragment>;
  papers: Array<{ id: string; name: string }>;
}

export interface WriteOptions {
  /** Target size of one shard in bytes before compression. Default 24 KiB. */
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

const hash = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex').slice(0, 16);

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const days = (date: string) => Math.round(Date.parse(date + 'T00:00:00Z') / 86_400_000);

/**
 * Write the index into `dir` (created; previous contents removed).
 *
 * @returns The manifest and the size on disk.
 */
export async function writeIndex(index: IndexFiles, dir: string, options: WriteOptions = {}): Promise<WrittenIndex> {
  const budget = options.shardBytes ?? 24 * 1024;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 's'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'f'), { recursive: true });
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

  const writeSegment = (terms: Map<string, Postings | Uint8Array>): ShardRef[] => {
    const keys = [...terms.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const shards: ShardRef[] = [];
    let shard = new ByteWriter();
    let shardKeys: string[] = [];
    const flush = () => {
      if (!shardKeys.length) return;
      const body = new ByteWriter();
      body.varint(shardKeys.length);
      body.bytes(shard.finish());
      const data = body.finish();
      const file = `s/${hash(data)}.bin`;
      put(file, data);
      shards.push({ from: shardKeys[0], to: shardKeys[shardKeys.length - 1], file });
      shard = new ByteWriter();
      shardKeys = [];
    };
    for (const key of keys) {
      const p = terms.get(key)!;
      const data = p instanceof Uint8Array ? p : p.finish();
      if (shardKeys.length && shard.length + data.length > budget) flush();
      shard.string(key);
      shard.varint(data.length);
      shard.bytes(data);
      shardKeys.push(key);
    }
    flush();
    return shards;
  };
  // Note: one segment always (the format allows more): the same input gives the same files.
  const kept = (shards: ShardRef[]) => {
    // The last build's shards, already in place (named by content).
    for (const s of shards) {
      const sum = options.existing?.get(s.file);
      if (!sum) throw new Error(`search index: kept shard ${s.file} is missing from the previous build`);
      contents.set(s.file, sum);
    }
    return shards;
  };
  const segments = [Array.isArray(index.terms) ? kept(index.terms) : writeSegment(index.terms)];

  const docs = new ByteWriter();
  docs.varint(index.docs.length);
  let prevDays = 0;
  for (const d of index.docs) {
    // Length is stored plus one; 0 marks a deleted doc.
    docs.varint(d.deleted ? 0 : d.length + 1);
    docs.varint(d.titleEnd);
    docs.varint(d.paper);
    docs.varint(d.page);
    const day = days(d.date);
    docs.varint(zigzag(day - prevDays));
    prevDays = day;
  }
  const docsData = docs.finish();
  const docsFile = `docs-${hash(docsData)}.bin`;
  put(docsFile, docsData);

  for (const [doc, f] of index.fragments) put(`f/${doc}.json`, JSON.stringify(f));

  const manifest: ShardManifest = { version: INDEX_VERSION, docs: index.docs.length, docsFile, papers: index.papers, segments };
  put('manifest.json', JSON.stringify(manifest));
  await writer.flush();
  return { manifest, bytes, files, contents, written };
}
