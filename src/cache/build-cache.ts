/**
 * The persistent build cache (.cache/ by default, git-ignored). Entries are
 * keyed by content hash and by the version of the code that produced them;
 * each carries a checksum, so a corrupted or partial entry is detected,
 * removed and rebuilt, never trusted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, hash } from 'node:crypto';

/**
 * Entry format: a header line `{"format":2,"key":…,"sum":…}`, then the value's
 * JSON (`sum` is its hash). Format 1 (one JSON object holding the value's
 * JSON as a string, parsed twice) is still read.
 */
const FORMAT = 2;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries that failed their checksum or did not parse, and were rebuilt. */
  corrupt: number;
}

/** SHA-256 in hex (one-shot `crypto.hash`: four times quicker than `createHash` on the short strings builds hash by the ten thousand). */
export const sha256 = (data: string | Uint8Array) => hash('sha256', data, 'hex');

export class BuildCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, corrupt: 0 };

  /** @param dir Cache folder, or null for no cache. */
  constructor(readonly dir: string | null) {}

  private file(ns: string, key: string): string {
    return path.join(this.dir!, ns, key.slice(0, 2), `${key}.json`);
  }

  /** Whether an entry is stored under `key` (not whether it is sound: `get` checks that); counts a miss when not. */
  has(ns: string, key: string): boolean {
    const found = this.dir !== null && fs.existsSync(this.file(ns, key));
    if (!found) this.stats.misses++;
    return found;
  }

  /** The value stored under `key`, or undefined (also for a damaged entry, which is removed). */
  get<T>(ns: string, key: string): T | undefined {
    if (!this.dir) return undefined;
    const file = this.file(ns, key);
    let raw: Buffer;
    try {
      raw = fs.readFileSync(file);
    } catch {
      this.stats.misses++;
      return undefined;
    }
    try {
      const line = raw.indexOf(0x0a);
      let data: string;
      if (line < 0) {
        const entry = JSON.parse(raw.toString('utf8')) as { format: number; key: string; sum: string; data: string };
        if (entry.format !== 1 || entry.key !== key || sha256(entry.data) !== entry.sum) throw new Error('checksum');
        data = entry.data;
      } else {
        const head = JSON.parse(raw.toString('utf8', 0, line)) as { format: number; key: string; sum: string };
        // Note: the sum of the value's UTF-8 bytes as read, so the text is decoded once and not encoded again to be hashed.
        const body = raw.subarray(line + 1);
        if (head.format !== FORMAT || head.key !== key || sha256(body) !== head.sum) throw new Error('checksum');
        data = body.toString('utf8');
      }
      const value = JSON.parse(data) as T;
      this.stats.hits++;
      return value;
    } catch {
      this.stats.corrupt++;
      this.stats.misses++;
      fs.rmSync(file, { force: true });
      return undefined;
    }
  }

  /** Store a value; written to a temporary file and renamed, so a crash never leaves half an entry under the name. */
  set(ns: string, key: string, value: unknown): void {
    if (!this.dir) return;
    const file = this.file(ns, key);
    const data = JSON.stringify(value);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify({ format: FORMAT, key, sum: sha256(data) })}\n${data}`);
    fs.renameSync(tmp, file);
  }
}

/**
 * Version of the code under `paths` (folders or single files): a hash of every source file in them, so
 * any change to the parser invalidates what it produced, and nothing else does.
 */
export function codeVersion(paths: string[]): string {
  const h = createHash('sha256');
  const add = (p: string) => {
    h.update(path.basename(p));
    h.update(fs.readFileSync(p));
  };
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'fixtures') walk(p);
      } else if (!/\.test\.ts$/.test(e.name)) add(p);
    }
  };
  for (const p of paths) {
    if (fs.statSync(p).isDirectory()) walk(p);
    else add(p);
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * The project's source files a module depends on: itself and, transitively,
 * every module it imports by a relative path.
 *
 * @param entry Path of a .ts module, or of a compiled .js one (whose
 *   imports the compiler wrote in double quotes).
 * @returns Full paths, sorted.
 */
export function importGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*\(?\s*(['"])(\.{1,2}\/[^'"]+)\1/g)) visit(path.resolve(path.dirname(file), m[2]));
  };
  visit(path.resolve(entry));
  return [...seen].sort();
}

/**
 * Records by key kept in one cache entry from one build to the next (the
 * scan memo, the heads of analyses): a build finds those of the last one,
 * keeps those it used or made, and stores them when they differ. The entry
 * is checksummed like any other; a damaged one, or one of another version,
 * is as none.
 */
export class KeptRecords<T> {
  private readonly known: Record<string, T>;
  private readonly next: Record<string, T> = {};
  private changed = false;

  /**
   * @param name What the records are of (e.g. the input folder): one entry each.
   * @param version Version of the code that made them: records of another are not used.
   */
  constructor(
    private readonly cache: BuildCache,
    private readonly ns: string,
    private readonly name: string,
    private readonly version: string,
  ) {
    // Note: read through a cache of its own, so the stats count what the build counts (the analyses).
    const entry = cache.dir ? new BuildCache(cache.dir).get<{ version: string; records: Record<string, T> }>(ns, name) : undefined;
    this.known = entry?.version === version && typeof entry.records === 'object' && entry.records !== null ? entry.records : {};
  }

  /** The record the last build kept under `key`, if any. */
  peek(key: string): T | undefined {
    return Object.hasOwn(this.known, key) ? this.known[key] : undefined;
  }

  /** The record this build keeps under `key`, else the one the last build kept, if any. */
  get(key: string): T | undefined {
    return Object.hasOwn(this.next, key) ? this.next[key] : this.peek(key);
  }

  /** Keep the last build's record under `key` for the next build (unless this build kept one). */
  use(key: string): void {
    if (!this.kept(key)) this.next[key] = this.known[key];
  }

  /** Whether this build has kept a record under `key`. */
  kept(key: string): boolean {
    return Object.hasOwn(this.next, key);
  }

  /** Keep a record made in this build. */
  put(key: string, value: T): void {
    this.next[key] = value;
    this.changed = true;
  }

  /** Store the records this build kept, when they differ from those it found. */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.known).length) return;
    this.cache.set(this.ns, this.name, { version: this.version, records: this.next });
  }
}
