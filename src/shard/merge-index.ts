/**
 * One search index over the shards' indexes, without reading their
 * postings: each shard's index folder is kept as it is, under
 * `search-index/<part>/`, and a new manifest lists every shard's segments
 * (their postings number the shard's docs from 0, so each segment gets the
 * first doc id of its shard) and the parts, where the engine reads a doc's
 * fragment. The docs table is written again for all docs, its papers
 * numbered over all shards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { decodeDocs, encodeDocs } from '../search/docs-table.ts';
import { INDEX_VERSION, type DocMeta, type ShardManifest } from '../search/types.ts';
import { filesOf } from '../output/site-folder.ts';
import { ArchiveError } from '../util/errors.ts';

/** A shard's index folder and the name of its part in the merged index. */
export interface IndexPart {
  name: string;
  /** The shard's `search-index/` folder. */
  dir: string;
}

/**
 * Write the merged manifest and docs table into `dest`.
 *
 * @param parts In doc id order (see `partOrder` in merge.ts).
 * @returns The shards' index files to link in, path relative to `dest` → source file, and the manifest.
 */
export function mergeIndex(parts: IndexPart[], dest: string): { links: Map<string, string>; manifest: ShardManifest; written: number } {
  const papers: ShardManifest['papers'] = [];
  const docs: DocMeta[] = [];
  const segments: ShardManifest['segments'] = [];
  const segmentBases: number[] = [];
  const refs: NonNullable<ShardManifest['parts']> = [];
  const links = new Map<string, string>();
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
    for (const [i, shards] of manifest.segments.entries()) {
      segments.push(shards.map((s) => ({ ...s, file: `${part.name}/${s.file}` })));
      segmentBases.push(base + (manifest.segmentBases?.[i] ?? 0));
    }
    refs.push({ dir: part.name, base, docs: manifest.docs });
    for (const [rel, file] of filesOf(part.dir)) links.set(`${part.name}/${rel}`, file);
  }
  const table = encodeDocs(docs);
  const docsFile = `docs-${createHash('sha256').update(table).digest('hex').slice(0, 16)}.bin`;
  const manifest: ShardManifest = { version: INDEX_VERSION, docs: docs.length, docsFile, papers, segments, segmentBases, parts: refs };
  fs.mkdirSync(dest, { recursive: true });
  fs.writeFileSync(path.join(dest, docsFile), table);
  fs.writeFileSync(path.join(dest, 'manifest.json'), JSON.stringify(manifest));
  return { links, manifest, written: 2 };
}

function readManifest(dir: string): ShardManifest {
  let manifest: ShardManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ShardManifest;
  } catch {
    throw new ArchiveError(`${dir}: no readable manifest.json: build the shard again`);
  }
  if (manifest.version !== INDEX_VERSION) throw new ArchiveError(`${dir}: search index version ${manifest.version}, this archive writes version ${INDEX_VERSION}: build the shard again`);
  if (manifest.parts) throw new ArchiveError(`${dir}: already a merged index; merge the shards it was merged from`);
  return manifest;
}
