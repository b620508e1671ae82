/**
 * Search fragments packed into a few files instead of one file per article.
 *
 * Each fragment is its JSON, compressed on its own (raw deflate), so a
 * reader can fetch exactly one with an HTTP range request and inflate it
 * (`DecompressionStream('deflate-raw')` in browsers and Node). Fragments of
 * consecutive doc ids go into one pack until it would pass a byte budget,
 * the same greedy cut the shards use, so the same fragments give the same
 * packs. A pack starts with a header, the compressed length of each of its
 * fragments (varints), whose size the manifest gives, so a pack can be read
 * on its own; the engine reads every fragment's length from the index's
 * lengths file instead (`ShardManifest.fragmentLengths`, 2 bytes a doc
 * for fragments of 128 B–16 KB, once with the first query), since fetching the header of each pack
 * a query's results were in cost a later query a few KB.
 *
 * A pack whose docs are the same fragments, in the same order, as a pack of
 * the last build keeps that pack's file: an edit rewrites one pack, not all.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { Fragment, FragmentPack } from '../types.ts';
import { ByteWriter } from '../codec.ts';

/** The fragment lengths file (`ShardManifest.fragmentLengths`): one varint per doc. */
export function encodeLengths(lengths: number[]): Uint8Array {
  const w = new ByteWriter(lengths.length * 2 + 8);
  for (const n of lengths) w.varint(n);
  return w.finish();
}

/** Target size of one pack in bytes. */
export const PACK_BYTES = 512 * 1024;

/** One doc's fragment as the packer sees it. */
export interface PackInput {
  /** Key of the fragment's content: the same key, the same compressed bytes. */
  key: string;
  /** Compressed length when already known (from the last build), else measured by compressing. */
  length?: number;
  /** The fragment (made only when its bytes are needed); null for a deleted doc, which takes no bytes. */
  fragment: (() => Fragment) | null;
}

export interface PackedFragments {
  packs: FragmentPack[];
  /** Compressed length of every doc's fragment. */
  lengths: number[];
  /** The packs to write, by file; packs kept from the last build are not here. */
  data: Map<string, Uint8Array>;
  /** File of every pack by its key (hash of its docs' keys): what the next build compares. */
  byKey: Map<string, string>;
}

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/**
 * A fragment's bytes in a pack. Level 9 is deterministic and, on 1–2 KB of JSON, no slower than the default worth measuring.
 * Note: copied out of what zlib returns, a view of its 16 KB output chunk:
 * kept until the packs are written, the views held 16 KB a fragment (590 MB
 * of native memory for the 30,000 articles of 5,000 pages, whose packs are 26 MB).
 */
export const compressFragment = (f: Fragment): Uint8Array => new Uint8Array(deflateRawSync(JSON.stringify(f), { level: 9 }));

/**
 * Cut the fragments of `docs` (by doc id) into packs.
 *
 * @param previous Pack key → file, of the packs the last build wrote (they must still be on disk).
 * @param starts First docs of packs to cut at, up to the last of them; the
 *   greedy cut goes on from there. An index with a second segment keeps the
 *   packs of its docs, so a deleted doc (no bytes) rewrites its own pack,
 *   not every pack after it.
 */
export function packFragments(docs: PackInput[], previous: Map<string, string> = new Map(), budget = PACK_BYTES, starts: number[] = []): PackedFragments {
  // Note: fragments are compressed in doc order and let go once their pack
  // is made, so at most one pack's are held besides the packs.
  const compressed = new Map<number, Uint8Array>();
  const bytesOf = (doc: number): Uint8Array => {
    let data = compressed.get(doc);
    const make = docs[doc].fragment;
    if (!data) compressed.set(doc, (data = make ? compressFragment(make()) : new Uint8Array(0)));
    return data;
  };
  const lengths = new Array<number>(docs.length);
  const out: PackedFragments = { packs: [], lengths, data: new Map(), byKey: new Map() };
  const flush = (first: number, end: number) => {
    if (end === first) return;
    const key = sha(docs
      .slice(first, end)
      .map((d) => d.key)
      .join('\n'));
    const head = new ByteWriter();
    for (let doc = first; doc < end; doc++) head.varint(lengths[doc]);
    const header = head.finish();
    let file = previous.get(key);
    if (!file) {
      const size = lengths.slice(first, end).reduce((a, b) => a + b, header.length);
      const data = new Uint8Array(size);
      data.set(header, 0);
      for (let doc = first, at = header.length; doc < end; doc++) {
        const bytes = bytesOf(doc);
        data.set(bytes, at);
        at += bytes.length;
      }
      file = `f/${sha(data)}.bin`;
      out.data.set(file, data);
    }
    for (let doc = first; doc < end; doc++) compressed.delete(doc);
    out.byKey.set(key, file);
    out.packs.push({ file, first, header: header.length });
  };
  let first = 0;
  let size = 0;
  const fixed = new Set(starts);
  const lastFixed = starts.length ? starts[starts.length - 1] : -1;
  for (let doc = 0; doc < docs.length; doc++) {
    lengths[doc] = docs[doc].length ?? bytesOf(doc).length;
    if (doc > first && (doc <= lastFixed ? fixed.has(doc) : size + lengths[doc] > budget)) {
      flush(first, doc);
      first = doc;
      size = 0;
    }
    size += lengths[doc];
  }
  flush(first, docs.length);
  return out;
}
