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

  it('should reject the flush with the first failure and still write the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writer-'));
    const writer = new FileWriter(2);
    writer.write(path.join(dir, 'missing-folder', 'a.txt'), 'x');
    writer.write(path.join(dir, 'b.txt'), 'y');
    await expect(writer.flush()).rejects.toThrow(/ENOENT/);
    expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('y');
  });
});
