/**
 * The query engine, shared by the browser and `archive search`: it reads the
 * manifest, fetches the directory of each shard a query's terms live in and
 * then only those terms' postings, by range requests (and caches them),
 * matches every term exactly through positional bigrams, filters and
 * ranks. No node: imports; file access goes through a `Loader`.
 */
import { ByteReader } from '../codec.ts';
import { parseQuery, type QueryTerm } from '../tokenize.ts';
import { INDEX_VERSION, KEY, type DocMeta, type Fragment, type FragmentPack, type ShardManifest, type ShardRef } from '../types.ts';
import { SCAN_READING_MARK } from '../fields.ts';
import { decodeDocs } from '../docs-table.ts';
import { readDirectory } from '../shard-file.ts';

/** Bytes `start` up to `end` (exclusive) of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Fetch a file of the index folder by relative path; with a range, only
 * those bytes (an HTTP range request). A loader may return the whole file
 * instead (a server that ignores ranges): the engine then slices it and
 * keeps it for the next fragment of the same pack.
 */
export type Loader = (file: string, range?: ByteRange) => Promise<Uint8Array>;

export interface SearchFilters {
  /** Paper id, e.g. `jlrb`. */
  paper?: string;
  /** First date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD. */
  from?: string;
  /** Last date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD. */
  to?: string;
  /** Page number. */
  page?: number;
}

export interface SearchOptions {
  /** `relevance` (default; ties newest first) or `date` (newest first). */
  sort?: 'relevance' | 'date';
  filters?: SearchFilters;
}

export interface SearchHit {
  doc: number;
  score: number;
  date: string;
}

export interface SearchResponse {
  /** Number of matching articles. */
  total: number;
  /** All matches, best first; fetch fragments only for those on screen. */
  hits: SearchHit[];
  /** The parsed terms, for highlighting. */
  terms: QueryTerm[];
}

type Decoded = { docs: Int32Array; counts: Int32Array; positions: Int32Array[] | null };

/** Cover a term of n ≥ 2 units with bigrams at offsets 0, 2, 4 … and n-2: if they all sit at p+offset, the term sits at p. */
export function coverOffsets(n: number): number[] {
  const out: number[] = [];
  for (let o = 0; o <= n - 2; o += 2) out.push(o);
  if (out[out.length - 1] !== n - 2) out.push(n - 2);
  return out;
}

const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 2;
const WORD_BOOST = 1.5;
/**
 * Weight of a term found only in the scan's reading of a corrected field
 * (具市 where the article now says 县市): the article is found, below
 * articles that print the term.
 */
const READING_WEIGHT = 0.3;

/** How a term occurs in one article. */
interface TermMatch {
  /** Occurrences in the text (or, when only a scan reading has it, there). */
  tf: number;
  /** One occurrence lies in the title block. */
  title: boolean;
  /** Found only in the scan's reading of a corrected field, not in the text. */
  reading: boolean;
}

/** The engine over one index folder. */
export class SearchEngine {
  private manifest: ShardManifest | null = null;
  private docs: DocMeta[] = [];
  private live = 0;
  private avgLength = 1;
  /** Place of each doc in archive order, when the manifest gives an order other than doc ids. */
  private rank: Int32Array | null = null;
  /** Shard directories by file. */
  private directories = new Map<string, Promise<Map<string, ByteRange>>>();
  private decoded = new Map<string, Decoded | null>();
  private readingStarts: Promise<Map<number, number>> | null = null;
  /** Where each doc's fragment is in its pack (see `fragmentPlaces`). */
  private places: Promise<{ starts: Float64Array; lengths: Uint32Array }> | null = null;
  /** Whole files (packs, shards), when a loader returned one for a range. */
  private wholeFiles = new Map<string, Uint8Array>();
  /** Bytes fetched so far (before any transfer compression). */
  bytesLoaded = 0;

  constructor(private readonly load: Loader) {}

  private async fetchBytes(file: string, range?: ByteRange): Promise<Uint8Array> {
    const data = await this.load(file, range);
    this.bytesLoaded += data.length;
    return data;
  }

  /** Load the manifest and the docs table (once). */
  async init(): Promise<ShardManifest> {
    if (this.manifest) return this.manifest;
    const manifest = JSON.parse(new TextDecoder().decode(await this.fetchBytes('manifest.json'))) as ShardManifest;
    if (manifest.version !== INDEX_VERSION) {
      throw new Error(`search: the index has format version ${manifest.version}, this page reads version ${INDEX_VERSION}; rebuild the site`);
    }
    this.docs = decodeDocs(await this.fetchBytes(manifest.docsFile));
    let total = 0;
    let live = 0;
    for (const meta of this.docs) {
      if (meta.deleted) continue;
      total += meta.length;
      live++;
    }
    this.avgLength = live ? total / live : 1;
    this.live = live;
    this.rank = manifest.order ? ranks(manifest.order, this.docs.length) : null;
    this.manifest = manifest;
    return manifest;
  }

  /** Papers in the index. */
  get papers(): ShardManifest['papers'] {
    return this.manifest?.papers ?? [];
  }

  /** Per-doc numbers (after `init`). */
  doc(id: number): DocMeta {
    return this.docs[id];
  }

  /** The shard of each segment that may hold `key`. */
  private shardsFor(key: string): ShardRef[] {
    const refs: ShardRef[] = [];
    for (const shards of this.manifest!.segments) {
      let lo = 0;
      let hi = shards.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = shards[mid];
        if (key < s.from) hi = mid - 1;
        else if (key > s.to) lo = mid + 1;
        else {
          refs.push(s);
          break;
        }
      }
    }
    return refs;
  }

  /** A shard's directory, term → its byte range in the file: its first `header` bytes, by a range request (once per shard). */
  private directory(ref: ShardRef): Promise<Map<string, ByteRange>> {
    let p = this.directories.get(ref.file);
    if (!p) {
      p = this.rangeBytes(ref.file, { start: 0, end: ref.header }).then((data) => new Map(readDirectory(data).map((e) => [e.key, { start: e.start, end: e.end }])));
      this.directories.set(ref.file, p);
      p.catch(() => this.directories.delete(ref.file));
    }
    return p;
  }

  /** The postings of `key` in one shard, by a range request, or undefined when the shard does not hold it. */
  private async termBytes(ref: ShardRef, key: string): Promise<Uint8Array | undefined> {
    const range = (await this.directory(ref)).get(key);
    return range && this.rangeBytes(ref.file, range);
  }

  /** Postings of a key, or null when no article has it. */
  private async postings(key: string, positional: boolean): Promise<Decoded | null> {
    if (this.decoded.has(key)) return this.decoded.get(key)!;
    // Later segments hold higher doc ids: concatenating keeps ids ascending.
    const raws = (await Promise.all(this.shardsFor(key).map((ref) => this.termBytes(ref, key)))).filter((x): x is Uint8Array => !!x);
    let out: Decoded | null = null;
    if (raws.length) {
      const docs: number[] = [];
      const counts: number[] = [];
      const positions: Int32Array[] | null = positional ? [] : null;
      for (const raw of raws) {
        const r = new ByteReader(raw);
        const n = r.varint();
        let doc = 0;
        for (let i = 0; i < n; i++) {
          doc += r.varint();
          const c = r.varint();
          let ps: Int32Array | null = null;
          if (positions) {
            ps = new Int32Array(c);
            let pos = 0;
            for (let k = 0; k < c; k++) ps[k] = pos += r.varint();
          }
          if (this.docs[doc]?.deleted) continue;
          docs.push(doc);
          counts.push(c);
          if (positions) positions.push(ps!);
        }
      }
      if (docs.length) out = { docs: Int32Array.from(docs), counts: Int32Array.from(counts), positions };
    }
    this.decoded.set(key, out);
    return out;
  }

  /**
   * Where each article's scan readings begin (see `SCAN_READING_MARK`):
   * doc → position of the first mark, for the articles that have corrections.
   * Fetched once, with the first query that matches anything.
   */
  private scanReadingStarts(): Promise<Map<number, number>> {
    if (!this.readingStarts) {
      const units = Array.from(SCAN_READING_MARK);
      this.readingStarts = this.postings(KEY.bigram + units[0] + units[1], true).then((p) => {
        const starts = new Map<number, number>();
        if (p) for (let i = 0; i < p.docs.length; i++) if (p.positions![i].length) starts.set(p.docs[i], p.positions![i][0]);
        return starts;
      });
      this.readingStarts.catch(() => (this.readingStarts = null));
    }
    return this.readingStarts;
  }

  /**
   * Docs where the term occurs, with occurrence counts, whether one is in the
   * title block, and whether only a scan reading has it (occurrences in the
   * text are counted alone when there are any, so the repeated text of a
   * corrected field does not count twice).
   */
  private async matchTerm(term: QueryTerm): Promise<Map<number, TermMatch>> {
    const u = term.units;
    const out = new Map<number, TermMatch>();
    if (u.length === 1) {
      const p = await this.postings(KEY.unit + u[0], false);
      // One character: count it (text and readings alike), title unknown without positions.
      if (p) for (let i = 0; i < p.docs.length; i++) out.set(p.docs[i], { tf: p.counts[i], title: false, reading: false });
      return out;
    }
    const offsets = coverOffsets(u.length);
    const lists = await Promise.all(offsets.map((o) => this.postings(KEY.bigram + u[o] + u[o + 1], true)));
    if (lists.some((l) => !l)) return out;
    const ls = lists as Decoded[];
    const readingStarts = await this.scanReadingStarts();
    // Walk the shortest list and look the doc up in the others.
    const order = ls.map((_, i) => i).sort((a, b) => ls[a].docs.length - ls[b].docs.length);
    const first = ls[order[0]];
    const cursors = ls.map(() => 0);
    for (let i = 0; i < first.docs.length; i++) {
      const doc = first.docs[i];
      const pos: Int32Array[] = [];
      let ok = true;
      for (let k = 0; k < ls.length && ok; k++) {
        const l = ls[k];
        let c = cursors[k];
        while (c < l.docs.length && l.docs[c] < doc) c++;
        cursors[k] = c;
        if (c >= l.docs.length || l.docs[c] !== doc) ok = false;
        else pos[k] = l.positions![c];
      }
      if (!ok) continue;
      // Positions of the term: p with p + offset[k] in pos[k] for every k.
      let tf = 0;
      let inReadings = 0;
      let title = false;
      const titleEnd = this.docs[doc]?.titleEnd ?? 0;
      const readingStart = readingStarts.get(doc) ?? Infinity;
      const ptr = pos.map(() => 0);
      for (const p of pos[0]) {
        let all = true;
        for (let k = 1; k < pos.length && all; k++) {
          const want = p + offsets[k];
          const arr = pos[k];
          let c = ptr[k];
          while (c < arr.length && arr[c] < want) c++;
          ptr[k] = c;
          if (c >= arr.length || arr[c] !== want) all = false;
        }
        if (!all) continue;
        if (p >= readingStart) inReadings++;
        else {
          tf++;
          if (p + u.length <= titleEnd) title = true;
        }
      }
      if (tf) out.set(doc, { tf, title, reading: false });
      else if (inReadings) out.set(doc, { tf: inReadings, title: false, reading: true });
    }
    return out;
  }

  /**
   * Run a query: every term must occur (a quoted phrase or a single CJK string
   * is matched as an exact substring; Latin is case-insensitive).
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    await this.init();
    const terms = parseQuery(query);
    if (!terms.length) return { total: 0, hits: [], terms };
    const matches = await Promise.all(terms.map((t) => this.matchTerm(t)));
    const words = await Promise.all(
      terms.map((t) => (t.units.length >= 2 && t.units.length <= 8 ? this.postings(KEY.word + t.units.join(''), false) : Promise.resolve(null))),
    );
    const order = matches.map((_, i) => i).sort((a, b) => matches[a].size - matches[b].size);
    const filter = this.filter(options.filters);
    const n = this.live;
    const readingStarts = matches[order[0]].size ? await this.scanReadingStarts() : new Map<number, number>();
    const hits: SearchHit[] = [];
    for (const [doc] of matches[order[0]]) {
      if (!order.every((i) => matches[i].has(doc)) || !filter(doc)) continue;
      const meta = this.docs[doc];
      // The length of the text, without the scan readings after it.
      const length = Math.min(meta.length, readingStarts.get(doc) ?? Infinity);
      let score = 0;
      terms.forEach((_, i) => {
        const m = matches[i].get(doc)!;
        const df = matches[i].size;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const norm = m.tf * (K1 + 1) / (m.tf + K1 * (1 - B + (B * length) / this.avgLength));
        let s = idf * norm;
        if (m.title) s *= TITLE_BOOST;
        if (m.reading) s *= READING_WEIGHT;
        const w = words[i];
        if (w && binaryHas(w.docs, doc)) s *= WORD_BOOST;
        score += s;
      });
      hits.push({ doc, score, date: meta.date });
    }
    // Newest first: by date, then by archive order (doc id order unless the manifest gives it).
    const rank = this.rank;
    const newer = (a: SearchHit, b: SearchHit) => (a.date < b.date ? 1 : a.date > b.date ? -1 : rank ? rank[b.doc] - rank[a.doc] : b.doc - a.doc);
    if (options.sort === 'date') hits.sort(newer);
    else hits.sort((a, b) => b.score - a.score || newer(a, b));
    return { total: hits.length, hits, terms };
  }

  private filter(f: SearchFilters | undefined): (doc: number) => boolean {
    if (!f) return () => true;
    const paper = f.paper ? this.papers.findIndex((p) => p.id === f.paper) : -1;
    if (f.paper && paper < 0) return () => false;
    const from = f.from ? f.from.padEnd(10, f.from.length === 4 ? '-01-01' : '-01').slice(0, 10) : null;
    const to = f.to ? (f.to.length === 4 ? `${f.to}-12-31` : f.to.length === 7 ? `${f.to}-31` : f.to) : null;
    return (doc) => {
      const d = this.docs[doc];
      if (paper >= 0 && d.paper !== paper) return false;
      if (from && d.date < from) return false;
      if (to && d.date > to) return false;
      if (f.page !== undefined && d.page !== f.page) return false;
      return true;
    };
  }

  /** The fragment of one article: what a result shows. */
  async fragment(doc: number): Promise<Fragment> {
    const manifest = await this.init();
    const packs = manifest.fragments;
    // The pack of the doc: the last whose first doc is at most it.
    let lo = 0;
    let hi = packs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (packs[mid].first <= doc) lo = mid;
      else hi = mid - 1;
    }
    const pack = packs[lo];
    const { starts, lengths } = await this.fragmentPlaces();
    if (!pack || doc < pack.first || !(doc < manifest.docs) || !lengths[doc]) throw new Error(`search: no fragment for doc ${doc}`);
    return JSON.parse(await inflate(await this.rangeBytes(pack.file, { start: starts[doc], end: starts[doc] + lengths[doc] }))) as Fragment;
  }

  /**
   * Where each doc's fragment starts in its pack, and its length, from the
   * lengths file (once, with the first fragment; no pack's header is read).
   */
  private fragmentPlaces(): Promise<{ starts: Float64Array; lengths: Uint32Array }> {
    if (!this.places) {
      const manifest = this.manifest!;
      this.places = this.fetchBytes(manifest.fragmentLengths).then((data) => {
        const r = new ByteReader(data);
        const starts = new Float64Array(manifest.docs);
        const lengths = new Uint32Array(manifest.docs);
        let pack = 0;
        let at = 0;
        for (let doc = 0; doc < manifest.docs; doc++) {
          // A pack's fragments start after its header.
          if (pack < manifest.fragments.length && manifest.fragments[pack].first === doc) at = manifest.fragments[pack++].header;
          starts[doc] = at;
          at += lengths[doc] = r.varint();
        }
        return { starts, lengths };
      });
      this.places.catch(() => (this.places = null));
    }
    return this.places;
  }

  /** Bytes of a file, by a range request; a loader may give the whole file instead, which is kept for the rest. */
  private async rangeBytes(file: string, range: ByteRange): Promise<Uint8Array> {
    const whole = this.wholeFiles.get(file);
    if (whole) return whole.subarray(range.start, range.end);
    const data = await this.fetchBytes(file, range);
    if (data.length === range.end - range.start) return data;
    this.wholeFiles.set(file, data);
    return data.subarray(range.start, range.end);
  }
}

/** Raw-deflated bytes inflated to text, with the platform's stream API (browsers and Node alike). */
async function inflate(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** Each doc's place in archive order, from the manifest's runs of doc ids (-1 for docs not in it). */
function ranks(order: number[], docs: number): Int32Array {
  const rank = new Int32Array(docs).fill(-1);
  let r = 0;
  for (let i = 0; i + 1 < order.length; i += 2) for (let k = 0; k < order[i + 1]; k++) rank[order[i] + k] = r++;
  return rank;
}

function binaryHas(arr: Int32Array, v: number): boolean {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] === v) return true;
    if (arr[mid] < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
