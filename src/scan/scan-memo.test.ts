import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScanMemo, SETTLED_MS } from './scan-memo.ts';

const st = { size: 120, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 42 };
const decoded = { digest: 'ab'.repeat(32), warnings: [{ line: 3, message: 'line 3 was GB18030' }] };
const later = st.ctimeMs + SETTLED_MS + 1;

function memoFile() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'memo-')), 'scans.json');
}

describe('ScanMemo', () => {
  it('should give what decoding gave while the file is as it was, and nothing once any of its size, times or inode differ', () => {
    const file = memoFile();
    const m = new ScanMemo(file, 'v1');
    m.set('a/1.txt', st, decoded, later);
    m.save();
    const again = new ScanMemo(file, 'v1');
    expect(again.get('a/1.txt', st)).toEqual(decoded);
    for (const k of ['size', 'mtimeMs', 'ctimeMs', 'ino'] as const) expect(again.get('a/1.txt', { ...st, [k]: st[k] + 1 })).toBeUndefined();
    expect(again.get('a/2.txt', st)).toBeUndefined();
  });

  it('should not remember a file changed just before it was looked at (a second write in the same tick keeps size and mtime)', () => {
    const file = memoFile();
    const m = new ScanMemo(file, 'v1');
    m.set('a/1.txt', st, decoded, st.mtimeMs + SETTLED_MS - 1);
    m.set('a/2.txt', { ...st, ctimeMs: later }, decoded, later);
    m.save();
    const again = new ScanMemo(file, 'v1');
    expect(again.get('a/1.txt', st)).toBeUndefined();
    expect(again.get('a/2.txt', { ...st, ctimeMs: later })).toBeUndefined();
  });

  it("should ignore another decoder version's file, a damaged file and a damaged entry", () => {
    const file = memoFile();
    const m = new ScanMemo(file, 'v1');
    m.set('a/1.txt', st, decoded, later);
    m.save();
    expect(new ScanMemo(file, 'v2').get('a/1.txt', st)).toBeUndefined();
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, text.length / 2));
    expect(new ScanMemo(file, 'v1').get('a/1.txt', st)).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify({ version: 'v1', scans: { 'a/1.txt': [st.size, st.mtimeMs, st.ctimeMs, st.ino, 7, null] } }));
    expect(new ScanMemo(file, 'v1').get('a/1.txt', st)).toBeUndefined();
  });

  it('should keep only the scans a build saw, and not rewrite an unchanged memo', () => {
    const file = memoFile();
    const m = new ScanMemo(file, 'v1');
    m.set('a/1.txt', st, decoded, later);
    m.set('a/2.txt', st, decoded, later);
    m.save();
    const seen = new ScanMemo(file, 'v1');
    seen.get('a/1.txt', st);
    seen.get('a/2.txt', st);
    fs.utimesSync(file, 0, 0);
    seen.save();
    expect(fs.statSync(file).mtimeMs).toBe(0);
    const fewer = new ScanMemo(file, 'v1');
    fewer.get('a/1.txt', st);
    fewer.save();
    expect(new ScanMemo(file, 'v1').get('a/2.txt', st)).toBeUndefined();
    expect(new ScanMemo(file, 'v1').get('a/1.txt', st)).toEqual(decoded);
  });

  it('should remember nothing without a file', () => {
    const m = new ScanMemo(null, 'v1');
    m.set('a/1.txt', st, decoded, later);
    m.save();
    expect(m.get('a/1.txt', st)).toBeUndefined();
  });
});
