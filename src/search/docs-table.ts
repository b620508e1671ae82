/**
 * The docs table (`docs-<hash>.bin`): per doc, its length (plus one; 0 marks
 * a deleted doc), title length, paper, page and date (days, zigzag delta
 * from the doc before), all varints. Written by the index writer and by
 * `archive merge`, read by the engine.
 */
import { ByteReader, ByteWriter } from './codec.ts';
import type { DocMeta } from './types.ts';

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const days = (date: string) => Math.round(Date.parse(date + 'T00:00:00Z') / 86_400_000);

/** Encode a docs table, indexed by doc id. */
export function encodeDocs(docs: DocMeta[]): Uint8Array {
  const w = new ByteWriter();
  w.varint(docs.length);
  let prevDays = 0;
  for (const d of docs) {
    w.varint(d.deleted ? 0 : d.length + 1);
    w.varint(d.titleEnd);
    w.varint(d.paper);
    w.varint(d.page);
    const day = days(d.date);
    w.varint(zigzag(day - prevDays));
    prevDays = day;
  }
  return w.finish();
}

/** Decode a docs table. */
export function decodeDocs(data: Uint8Array): DocMeta[] {
  const r = new ByteReader(data);
  const n = r.varint();
  const docs: DocMeta[] = [];
  let day = 0;
  for (let i = 0; i < n; i++) {
    const stored = r.varint();
    const titleEnd = r.varint();
    const paper = r.varint();
    const page = r.varint();
    const z = r.varint();
    day += z % 2 ? -(z + 1) / 2 : z / 2;
    const meta: DocMeta = { length: Math.max(0, stored - 1), titleEnd, paper, page, date: new Date(day * 86_400_000).toISOString().slice(0, 10) };
    if (stored === 0) meta.deleted = true;
    docs.push(meta);
  }
  return docs;
}
