/**
 * Image benchmark: what page images add to a cold build.
 *
 * Usage: npx tsx scripts/bench-images.ts [--pages 100] [--width 2480] [--height 3508] [--runs 2]
 *
 * Makes a synthetic archive of N text pages (scripts/synth-archive.ts) and a
 * copy with a distinct JPEG page image beside each page (the fixture page
 * scaled to width×height: an A3 page at 300 dpi by default), then builds
 * each from scratch (empty cache, new output) in this process, alternately,
 * `runs` times. Reports the least time of each, the difference per 100 pages,
 * and the image files and bytes the site gains per page.
 * The last line is one JSON object:
 * {"pages", "source_px", "text_s", "images_s", "added_per_100_pages_s", "added_cpu_per_100_pages_s", "image_files_per_page", "image_bytes_per_page"}
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { synthArchive } from './synth-archive.ts';
import { build } from '../src/build.ts';
import { FIXTURES } from '../src/images/fixture-archive.ts';

const { values } = parseArgs({ options: { pages: { type: 'string' }, width: { type: 'string' }, height: { type: 'string' }, runs: { type: 'string' } } });
const pages = Number(values.pages ?? 100);
const width = Number(values.width ?? 2480);
const height = Number(values.height ?? 3508);
const runs = Number(values.runs ?? 2);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-images-'));
const text = path.join(work, 'text');
const withImages = path.join(work, 'images');

synthArchive({ pages, out: text });
fs.cpSync(text, withImages, { recursive: true });
const base = await sharp(path.join(FIXTURES, 'wrapped.jpg')).resize(width, height, { fit: 'fill' }).greyscale().toBuffer();
const scans = fs.readdirSync(withImages, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt'));
let sourceBytes = 0;
for (const [i, scan] of scans.entries()) {
  // A mark in a different place on each page, so no two images are the same.
  const mark = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#000' } }).png().toBuffer();
  const jpg = await sharp(base).composite([{ input: mark, left: (i * 37) % (width - 40), top: (i * 53) % (height - 40) }]).jpeg({ quality: 85 }).toBuffer();
  sourceBytes += jpg.length;
  fs.writeFileSync(path.join(withImages, scan.replace(/\.txt$/, '.jpg')), jpg);
}
console.log(`${scans.length} pages; images ${width}×${height}, ${(sourceBytes / scans.length / 1e6).toFixed(2)} MB each on average`);

const times: Record<'text' | 'images', number[]> = { text: [], images: [] };
// CPU seconds of the process (every thread), steadier than wall time on a shared machine.
const cpu: Record<'text' | 'images', number[]> = { text: [], images: [] };
let site = '';
for (let r = 0; r < runs; r++) {
  for (const kind of ['text', 'images'] as const) {
    const out = path.join(work, `out-${kind}-${r}`);
    const cache = path.join(work, `cache-${kind}-${r}`);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await build({ input: kind === 'text' ? text : withImages, output: path.join(out, 'site'), root: work, cache });
    times[kind].push((performance.now() - started) / 1000);
    const used = process.cpuUsage(cpuBefore);
    cpu[kind].push((used.user + used.system) / 1e6);
    if (result.exitCode !== 0) console.log(result.summary);
    console.log(`run ${r + 1} ${kind}: ${times[kind][r].toFixed(1)} s (${cpu[kind][r].toFixed(1)} s of CPU)`);
    if (kind === 'images') site = path.join(out, 'site');
  }
}
const files = fs.readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => /\/(page|scan)\.(jpg|png|webp)$/.test(f));
const bytes = files.reduce((n, f) => n + fs.statSync(path.join(site, f)).size, 0);
const best = (xs: number[]) => Math.min(...xs);
const added = ((best(times.images) - best(times.text)) * 100) / scans.length;
const addedCpu = ((best(cpu.images) - best(cpu.text)) * 100) / scans.length;
console.log(`cold build: ${best(times.text).toFixed(1)} s text only, ${best(times.images).toFixed(1)} s with images: ${added.toFixed(1)} s more per 100 pages (${addedCpu.toFixed(1)} s more CPU)`);
console.log(`image files per page: ${(files.length / scans.length).toFixed(1)}, ${(bytes / scans.length / 1e6).toFixed(2)} MB per page (of which the image as given ${(sourceBytes / scans.length / 1e6).toFixed(2)} MB)`);
console.log(
  JSON.stringify({
    pages: scans.length,
    source_px: `${width}x${height}`,
    text_s: +best(times.text).toFixed(2),
    images_s: +best(times.images).toFixed(2),
    added_per_100_pages_s: +added.toFixed(2),
    added_cpu_per_100_pages_s: +addedCpu.toFixed(2),
    image_files_per_page: files.length / scans.length,
    image_bytes_per_page: Math.round(bytes / scans.length),
  }),
);
fs.rmSync(work, { recursive: true, force: true });
