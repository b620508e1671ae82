/**
 * One search index over the shards' indexes. Each shard's docs take the
 * next block of doc ids (its `base` … `base + docs - 1`), so a term's
 * postings over all shards are the shards' postings one after the other:
 * only the first doc delta of each is rewritten (the rest of the bytes are
 * copied), and the terms of every shard, merged in key order, are cut into
 * one segment by the byte budget a build cuts by. A query then reads as
 * many bytes as in a single build's index, where one segment per shard
 * would read a term shard of every shard for every term.
 *
 * The shards' fragment packs stay in their folders, under
 * `search-index/<part>/f/`; the manifest lists them with their first doc
 * moved to the merged doc ids, so the engine reads them as a single build's.
 * The docs table is written again for all docs, its papers numbered over
 * all shards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { decodeDocs, encodeDocs } from '../search/docs-table.ts';
import { INDEX_VERSION, type DocMeta, type FragmentPack, type ShardManifest, type ShardRef } from '../search/types.ts';
import { SHARD_BYTES, ShardCutter } from '../search/index/write-index.ts';
import { mergedPostings, type TermSource } from '../search/index/postings.ts';
import { FileWriter } from '../util/files.ts';
import { shardEntries } from '../search/shard-file.ts';
import { ArchiveError } from '../util/errors.ts';

/** A shard's index folder and the name of its part in the merged index. */
export interface IndexPart {
  name: string;
  /** The shard's `search-index/` folder. */
  dir: string;
}

const hash = (data: Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/**
 * Write the merged index into `dest`: term shards, docs table, manifest.
 *
 * @param parts In doc id order (see `partOrder` in merge.ts).
 * @returns The shards' files to link in (their fragment packs), path
 *   relative to `dest` → source file; the manifest; files written.
 */
export async function mergeIndex(parts: IndexPart[], dest: string, shardBytes = SHARD_BYTES): Promise<{ links: Map<string, string>; manifest: ShardManifest; written: number }> {
  const papers: ShardManifest['papers'] = [];
  const docs: DocMeta[] = [];
  const packs: FragmentPack[] = [];
  const links = new Map<string, string>();
  // The shards' fragment lengths files, one after the other (varints by doc id).
  const lengths: Uint8Array[] = [];
  // Archive order over all shards: each shard's, after the shards before it (see `ShardManifest.order`).
  const order: number[] = [];
  let ordered = false;
  const sources: TermSource[] = [];
  for (const part of parts) {
    const manifest = readManifest(part.dir);
    const base = docs.length;
    // The shard's paper numbers → the merged ones.
    const paper = manifest.papers.map((p) => {
      const at = papers.findIndex((q) => q.id === p.id);
      return at >= 0 ? at : papers.push(p) - 1;
    });
    const own = decodeDocs(fs.readFileSync(path.join(part.dir, manifest.docsFile)));
    if (own.length !== manifest.docs) throw new ArchiveError(`${part.dir}: the docs table holds ${own.length} docs, the manifest says ${manifest.docs}: build the shard again`);
    for (const d of own) docs.push({ ...d, paper: paper[d.paper] ?? d.paper });
    lengths.push(fs.readFileSync(path.join(part.dir, manifest.fragmentLengths)));
    if (manifest.order) ordered = true;
    (manifest.order ?? [0, manifest.docs]).forEach((n, i) => order.push(i % 2 ? n : base + n));
    for (const p of manifest.fragments) packs.push({ ...p, file: `${part.name}/${p.file}`, first: base + p.first });
    // A shard's second segment has higher doc ids than its first: the postings of its segments, in turn, ascend.
    for (const shards of manifest.segments) sources.push({ terms: termsOf(part.dir, shards), base });
    for (const p of manifest.fragments) links.set(`${part.name}/${p.file}`, path.join(part.dir, p.file));
  }

  fs.mkdirSync(path.join(dest, 's'), { recursive: true });
  const writer = new FileWriter();
  let written = 0;
  const put = (rel: string, data: Uint8Array | string) => {
    writer.write(path.join(dest, rel), data);
    written++;
  };
  const segment: ShardRef[] = [];
  const cut = new ShardCutter(shardBytes, (data, from, to, header) => {
    const file = `s/${hash(data)}.bin`;
    put(file, data);
    segment.push({ from, to, file, header });
  });
  for (const [key, postings] of mergedPostings(sources)) cut.add(key, postings);
  cut.flush();
  const table = encodeDocs(docs);
  const docsFile = `docs-${hash(table)}.bin`;
  put(docsFile, table);
  const allLengths = Buffer.concat(lengths);
  const fragmentLengths = `lengths-${hash(allLengths)}.bin`;
  put(fragmentLengths, allLengths);
  const manifest: ShardManifest = { version: INDEX_VERSION, docs: docs.length, docsFile, papers, segments: [segment], ...(ordered ? { order } : {}), fragments: packs, fragmentLengths };
  put('manifest.json', JSON.stringify(manifest));
  await writer.flush();
  return { links, manifest, written };
}

/** The terms of one segment in key order, its shards read one at a time. */
function* termsOf(dir: string, shards: ShardRef[]): Generator<[string, Uint8Array]> {
  for (const s of shards) yield* shardEntries(fs.readFileSync(path.join(dir, s.file)));
}

function readManifest(dir: string): ShardManifest {
  let manifest: ShardManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ShardManifest;
  } catch {
    throw new ArchiveError(`${dir}: no readable manifest.json: build the shard again`);
  }
  if (manifest.version !== INDEX_VERSION) throw new ArchiveError(`${dir}: search index version ${manifest.version}, this archive writes version ${INDEX_VERSION}: build the shard again`);
  // A merged index names packs in its shards' folders.
  if (manifest.fragments.some((p) => !p.file.startsWith('f/'))) throw new ArchiveError(`${dir}: already a merged index; merge the shards it was merged from`);
  return manifest;
}
