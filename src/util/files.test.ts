import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWriter, listFiles } from './files.ts';

describe('FileWriter', () => {
  it('should write every queued file, more than it runs at once, and be reusable after a flush', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writer-'));
    const writer = new FileWriter(3);
    for (let i = 0; i < 50; i++) writer.write(path.join(dir, `${i}.txt`), `file ${i}`);
    await writer.flush();
    expect(listFiles(dir)).toHaveLength(50);
    expect(fs.readFileSync(path.join(dir, '49.txt'), 'utf8')).toBe('file 49');
    writer.write(path.join(dir, 'again.txt'), new Uint8Array([65]));
    await writer.flush();
    expect(fs.readFileSync(path.join(dir, 'again.txt'), 'utf8')).toBe('A');
  });

  it('should write a file at once, synchronously, past its bound of queued bytes, and report a failure of those at the flush', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writer-'));
    const writer = new FileWriter(2, 10);
    writer.write(path.join(dir, 'a.txt'), 'x'.repeat(8));
    writer.write(path.join(dir, 'b.txt'), 'y'.repeat(8));
    // a is queued (8 of 10 bytes); b would take the queue past 10: written already, whole.
    expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('y'.repeat(8));
    writer.write(path.join(dir, 'missing-folder', 'c.txt'), 'z'.repeat(8));
    await expect(writer.flush()).rejects.toThrow(/ENOENT/);
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('x'.repeat(8));
  });

  it('should reject the flush with the first failure and still write the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writer-'));
    const writer = new FileWriter(2);
    writer.write(path.join(dir, 'missing-folder', 'a.txt'), 'x');
    writer.write(path.join(dir, 'b.txt'), 'y');
    await expect(writer.flush()).rejects.toThrow(/ENOENT/);
    expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('y');
  });
});
