import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BuildCache } from '../cache/build-cache.ts';
import { listFiles } from '../util/files.ts';
import { ScanMemo, SETTLED_MS } from './scan-memo.ts';

const st = { size: 120, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 42 };
const decoded = { digest: 'ab'.repeat(32), warnings: [{ line: 3, message: 'line 3 was GB18030' }] };
const later = st.ctimeMs + SETTLED_MS + 1;

function cache() {
  return new BuildCache(fs.mkdtempSync(path.join(os.tmpdir(), 'memo-')));
}

const entryOf = (c: BuildCache) => listFiles(path.join(c.dir!, 'scans'));

describe('ScanMemo', () => {
  it('should give what decoding gave while the file is as it was, and nothing once any of its size, times or inode differ', () => {
    const c = cache();
    const m = new ScanMemo(c, 'articles', 'v1');
    m.set('a/1.txt', st, decoded, later);
    m.save();
    const again = new ScanMemo(c, 'articles', 'v1');
    expect(again.get('a/1.txt', st)).toEqual(decoded);
    for (const k of ['size', 'mtimeMs', 'ctimeMs', 'ino'] as const) expect(again.get('a/1.txt', { ...st, [k]: st[k] + 1 })).toBeUndefined();
    expect(again.get('a/2.txt', st)).toBeUndefined();
    expect(new ScanMemo(c, 'other input', 'v1').get('a/1.txt', st)).toBeUndefined();
  });

  it('should not remember a file changed just before it was looked at (a second write in the same tick keeps size and mtime)', () => {
    const c = cache();
    const m = new ScanMemo(c, 'articles', 'v1');
    m.set('a/1.txt', st, decoded, st.mtimeMs + SETTLED_MS - 1);
    m.set('a/2.txt', { ...st, ctimeMs: later }, decoded, later);
    m.save();
    const again = new ScanMemo(c, 'articles', 'v1');
    expect(again.get('a/1.txt', st)).toBeUndefined();
    expect(again.get('a/2.txt', { ...st, ctimeMs: later })).toBeUndefined();
  });

  it("should ignore another decoder version's memo and a damaged one", () => {
    const c = cache();
    const m = new ScanMemo(c, 'articles', 'v1');
    m.set('a/1.txt', st, decoded, later);
    m.save();
    expect(new ScanMemo(c, 'articles', 'v2').get('a/1.txt', st)).toBeUndefined();
    const [file] = entryOf(c);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(decoded.digest, 'cd'.repeat(32)));
    expect(new ScanMemo(c, 'articles', 'v1').get('a/1.txt', st)).toBeUndefined();
    fs.writeFileSync(file, text.slice(0, text.length / 2));
    expect(new ScanMemo(c, 'articles', 'v1').get('a/1.txt', st)).toBeUndefined();
  });

  it('should keep only the scans a build saw, and not rewrite an unchanged memo', () => {
    const c = cache();
    const m = new ScanMemo(c, 'articles', 'v1');
    m.set('a/1.txt', st, decoded, later);
    m.set('a/2.txt', st, decoded, later);
    m.save();
    const seen = new ScanMemo(c, 'articles', 'v1');
    seen.get('a/1.txt', st);
    seen.get('a/2.txt', st);
    const [file] = entryOf(c);
    fs.utimesSync(file, 0, 0);
    seen.save();
    expect(fs.statSync(file).mtimeMs).toBe(0);
    const fewer = new ScanMemo(c, 'articles', 'v1');
    fewer.get('a/1.txt', st);
    fewer.save();
    expect(new ScanMemo(c, 'articles', 'v1').get('a/2.txt', st)).toBeUndefined();
    expect(new ScanMemo(c, 'articles', 'v1').get('a/1.txt', st)).toEqual(decoded);
  });

  it('should remember nothing without a cache folder', () => {
    const none = new BuildCache(null);
    const m = new ScanMemo(none, 'articles', 'v1');
    m.set('a/1.txt', st, decoded, later);
    m.save();
    expect(new ScanMemo(none, 'articles', 'v1').get('a/1.txt', st)).toBeUndefined();
  });
});
