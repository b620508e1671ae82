/**
 * Binary encoding of the search index: unsigned LEB128 varints and
 * length-prefixed UTF-8 strings. Shared by the writer (Node) and the reader
 * (browser and CLI); no node: imports.
 */

/** Growable byte buffer for writing varints. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  /** @param initial Bytes to reserve at first (it grows by doubling). */
  constructor(initial = 1024) {
    this.buf = new Uint8Array(initial);
  }

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Append an unsigned integer as a varint. */
  varint(value: number): void {
    this.ensure(10);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  /** Append raw bytes. */
  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** Append a length-prefixed UTF-8 string. */
  string(s: string): void {
    const data = new TextEncoder().encode(s);
    this.varint(data.length);
    this.bytes(data);
  }

  /** The bytes written so far. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Sequential reader over bytes written by `ByteWriter`. */
export class ByteReader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** Read one varint. */
  varint(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('search: truncated index data');
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 0x80;
    }
  }

  /** Read `n` raw bytes (a view, not a copy). */
  bytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new Error('search: truncated index data');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Read a length-prefixed UTF-8 string. */
  string(): string {
    return new TextDecoder().decode(this.bytes(this.varint()));
  }
}
