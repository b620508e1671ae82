/**
 * `archive serve`: fixing an OCR error in a scan and saving it shows the fix
 * in the open browser tab (incremental rebuild, then the page reloads).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../util/chromium.ts';

const ROOT = path.join(import.meta.dirname, '../..');
let child: ChildProcess | null = null;
let browser: Browser | null = null;

afterAll(async () => {
  await browser?.close();
  if (child?.pid) process.kill(-child.pid, 'SIGTERM');
});

describe('archive serve', () => {
  it('should show a fixed scan in the open tab', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
    const scan = path.join(dir, 'articles/jlrb/2023-02-01/3.txt');
    fs.mkdirSync(path.dirname(scan), { recursive: true });
    fs.writeFileSync(path.join(dir, 'articles/jlrb/paper.json'), '{"name": "吉林日报"}');
    fs.copyFileSync(path.join(ROOT, 'src/parse/fixtures/seed-page.txt'), scan);
    child = spawn(process.execPath, [path.join(ROOT, 'bin/archive.js'), 'serve', '--input', 'articles', '--output', '_site', '--port', '0'], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    await expect.poll(() => /Serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1], { timeout: 60_000 }).toBeDefined();
    const url = /Serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1];

    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${url}jlrb/2023-02-01/3/2/`);
    expect(await page.locator('h1').textContent()).toContain('珲春综合保税区1月出口商用车621辆');
    // The OCR read 字诵集团 for 宇通集团; fix it in the scan and save.
    fs.writeFileSync(scan, fs.readFileSync(scan, 'utf8').replace('字诵集团', '宇通集团（已校）'));
    await expect.poll(() => page.locator('main').textContent(), { timeout: 60_000 }).toContain('宇通集团（已校）');
    expect(out).toMatch(/incremental: \d+ of \d+ units re-rendered/);
  });
});
