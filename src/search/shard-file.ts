/**
 * A term shard file (`s/<hash>.bin`): a directory, then the postings.
 *
 * The directory is the number of terms, then per term its key (varint
 * length, UTF-8) and the byte length of its postings, in key order; the
 * postings follow back to back in the same order. `ShardRef.header` is the
 * directory's length, so a reader fetches it with one range request and
 * then the postings of the term it needs with another: a query reads the
 * bytes of its own terms, not the whole shard (which held 1 KB of what a
 * query needed in 24 KB).
 */
import { ByteReader, ByteWriter } from './codec.ts';

/** Key order of the shards (UTF-16 code units), shared by every reader. */
export const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A term's postings in a shard file: bytes `start`…`end` (exclusive) of the file. */
export interface ShardEntry {
  key: string;
  start: number;
  end: number;
}

/** The directory of a shard file, from the file or from its first `header` bytes. */
export function readDirectory(data: Uint8Array): ShardEntry[] {
  const r = new ByteReader(data);
  const n = r.varint();
  const entries: ShardEntry[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const key = r.string();
    const length = r.varint();
    entries.push({ key, start: at, end: (at += length) });
  }
  for (const e of entries) {
    e.start += r.pos;
    e.end += r.pos;
  }
  return entries;
}

/** Every term of a whole shard file with its postings, in key order. */
export function* shardEntries(data: Uint8Array): Generator<[string, Uint8Array]> {
  for (const e of readDirectory(data)) yield [e.key, data.subarray(e.start, e.end)];
}

/** A shard file: its bytes and the length of its directory. */
export function encodeShard(terms: Array<[string, Uint8Array]>): { data: Uint8Array; header: number } {
  const head = new ByteWriter();
  head.varint(terms.length);
  let body = 0;
  for (const [key, postings] of terms) {
    head.string(key);
    head.varint(postings.length);
    body += postings.length;
  }
  const dir = head.finish();
  const data = new Uint8Array(dir.length + body);
  data.set(dir, 0);
  let at = dir.length;
  for (const [, postings] of terms) {
    data.set(postings, at);
    at += postings.length;
  }
  return { data, header: dir.length };
}
