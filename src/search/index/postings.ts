/**
 * Reading and joining encoded postings (see `Postings` in build-index.ts):
 * per doc the doc delta, the count and, for bigrams, the position deltas.
 */
import { ByteWriter } from '../codec.ts';
import { KEY } from '../types.ts';

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
 * One term's postings over several parts (shards, runs), doc ids offset by
 * each part's base (ascending: later parts have higher doc ids). Each part's bytes are
 * copied but for its first doc delta; its docs are walked to find its last.
 */
function concatPostings(parts: Array<{ data: Uint8Array; base: number }>, positional: boolean): Uint8Array {
  if (parts.length === 1 && parts[0].base === 0) return parts[0].data;
  const body = new ByteWriter(parts.reduce((n, p) => n + p.data.length, 8));
  let docs = 0;
  let last = 0;
  for (const { data, base } of parts) {
    const c = new PostingsCursor(data, positional);
    if (!c.next()) continue;
    // The first doc under its new delta, then everything after its delta as it is.
    body.varint(base + c.doc - last);
    body.varint(c.count);
    body.bytes(data.subarray(c.posStart));
    docs++;
    while (c.next()) docs++;
    last = base + c.doc;
  }
  const w = new ByteWriter(body.length + 8);
  w.varint(docs);
  w.bytes(body.finish());
  return w.finish();
}


/** Terms in key order with their postings, from one part (a shard's segment, a run of collected terms). */
export interface TermSource {
  terms: Iterator<[string, Uint8Array]>;
  /** First doc id of the part (0 when its postings hold the final doc ids already). */
  base: number;
}

/**
 * The terms of all parts in key order, each with its postings over every
 * part that has it (see `concatPostings`; parts in doc id order).
 */
export function* mergedPostings(sources: TermSource[]): Generator<[string, Uint8Array]> {
  const heads = sources.map((s) => s.terms.next());
  for (;;) {
    let key: string | null = null;
    for (const h of heads) if (!h.done && (key === null || h.value[0] < key)) key = h.value[0];
    if (key === null) return;
    const parts: Array<{ data: Uint8Array; base: number }> = [];
    heads.forEach((h, i) => {
      if (h.done || h.value[0] !== key) return;
      parts.push({ data: h.value[1], base: sources[i].base });
      heads[i] = sources[i].terms.next();
    });
    yield [key, concatPostings(parts, key[0] === KEY.bigram)];
  }
}
