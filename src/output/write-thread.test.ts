import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WriteThread } from './write-thread.ts';

describe('WriteThread', () => {
  let thread: WriteThread | undefined;
  afterEach(() => thread?.close());

  it('writes every file sent, folders made as needed, by the time flush resolves', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-thread-'));
    thread = new WriteThread();
    const files = Array.from({ length: 200 }, (_, i) => path.join(dir, `d${i % 7}`, `sub${i % 3}`, `f${i}.html`));
    files.forEach((f, i) => thread!.write(f, `<p>第${i}篇</p>`));
    thread.write(path.join(dir, 'bytes.bin'), new Uint8Array([0, 255, 7]));
    await thread.flush();
    expect(thread.sent).toBe(201);
    files.forEach((f, i) => expect(fs.readFileSync(f, 'utf8')).toBe(`<p>第${i}篇</p>`));
    expect([...fs.readFileSync(path.join(dir, 'bytes.bin'))]).toEqual([0, 255, 7]);
  });

  it('a later write of the same file wins (they are written in order)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-thread-'));
    thread = new WriteThread();
    for (let i = 0; i < 50; i++) thread.write(path.join(dir, 'a.html'), String(i));
    await thread.flush();
    expect(fs.readFileSync(path.join(dir, 'a.html'), 'utf8')).toBe('49');
  });

  it('a file that cannot be written fails the next flush, naming it; the others are written and the thread goes on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-thread-'));
    fs.writeFileSync(path.join(dir, 'plain'), 'a file, not a folder');
    thread = new WriteThread();
    const bad = path.join(dir, 'plain', 'x.html');
    thread.write(bad, 'x');
    thread.write(path.join(dir, 'ok.html'), 'ok');
    await expect(thread.flush()).rejects.toThrow(`could not write ${bad}:`);
    expect(fs.readFileSync(path.join(dir, 'ok.html'), 'utf8')).toBe('ok');
    thread.write(path.join(dir, 'later.html'), 'later');
    await thread.flush();
    expect(fs.readFileSync(path.join(dir, 'later.html'), 'utf8')).toBe('later');
  });
});
