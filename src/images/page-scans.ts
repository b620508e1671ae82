/**
 * The build stage of page images and positions: for each page with an image
 * or an ALTO/hOCR file, the web-size image (derived once, cached by content),
 * the positions of its printed lines and each article's zone on the image.
 * One bad file (an image that does not decode, a layout that does not match
 * the text) gets one problem line; the page still builds from its text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { ArchivePage, PageScan, Problem, ScanPage } from '../types.ts';
import { BuildCache, codeVersion, sha256 } from '../cache/build-cache.ts';
import type { ReadLayout } from '../scan/read-layouts.ts';
import { alignLayout } from '../scan/layout-text.ts';
import { deriveImage, ImageError, type DerivedImage } from './derive-image.ts';
import { articleLines, zoneOf } from './zones.ts';

const require = createRequire(import.meta.url);

/** Images derived at the same time: libvips already uses both cores on one. */
const CONCURRENCY = 2;

/** Largest difference of aspect ratio between a layout's page and its image (scans are cropped a little). */
const ASPECT_TOLERANCE = 0.03;

/** A file of the site that is a file of the image folder: `from` absolute, `to` relative to the site. */
export interface ImageCopy {
  from: string;
  to: string;
  /** URL of the page it belongs to. */
  page: string;
}

/**
 * Give the pages their `scan` (and their articles their `zone`).
 *
 * @param layouts Scan path → its layout (`readLayouts`).
 * @returns The image files the site needs (`linkImages` puts them in), and
 *   the making of the web-size images that are not in the cache yet, to
 *   await before linking them (it never rejects: a failure is a problem).
 */
export async function attachPageScans(
  pages: ArchivePage[],
  scans: ScanPage[],
  layouts: Map<string, ReadLayout>,
  options: { root: string; cacheDir: string | null; problems: Problem[] },
): Promise<PageImages> {
  const byPath = new Map(scans.map((s) => [s.path, s]));
  const withFiles = pages.filter((p) => byPath.get(p.source)?.imageFile || layouts.has(p.source));
  if (!withFiles.length) return { copies: [], made: Promise.resolve() };
  const cache = new BuildCache(options.cacheDir);
  const dir = options.cacheDir ? path.join(options.cacheDir, 'images') : fs.mkdtempSync(path.join(os.tmpdir(), 'archive-images-'));
  const version = codeVersion([path.join(import.meta.dirname, 'derive-image.ts'), path.join(path.dirname(require.resolve('sharp')), '..', 'package.json')]).slice(0, 12);
  const copies: ImageCopy[] = [];
  // Problems per page, reported in page order whatever order the images are done in.
  const found: Problem[][] = withFiles.map(() => []);
  const writes: Array<() => Promise<void>> = [];
  let next = 0;
  const work = async () => {
    while (next < withFiles.length) {
      const n = next++;
      const page = withFiles[n];
      const scan = byPath.get(page.source)!;
      const image = scan.imageFile ? await pageImage(scan.imageFile, { root: options.root, version, dir, cache }, found[n], { writes, problems: options.problems }) : null;
      attach(page, scan, layouts.get(page.source) ?? null, image, found[n]);
      if (image) {
        const { webFile, fullFile } = image.derived;
        copies.push({ from: path.join(dir, fullFile), to: fullUrl(page, fullFile), page: page.url });
        if (webFile !== fullFile) copies.push({ from: path.join(dir, webFile), to: webUrl(page), page: page.url });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, work));
  options.problems.push(...found.flat());
  copies.sort((a, b) => (a.to < b.to ? -1 : 1));
  return { copies, made: runAll(writes) };
}

/** What `attachPageScans` gives the build. */
export interface PageImages {
  copies: ImageCopy[];
  made: Promise<void>;
}

/** Run the jobs `CONCURRENCY` at a time. */
async function runAll(jobs: Array<() => Promise<void>>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
}

/** Site URLs of a page's images: the web-size one, and the image as given (`scan.jpg`, `scan.png` …; see `unitFiles`). */
const webUrl = (page: ArchivePage) => `${page.url}page.jpg`;
const fullUrl = (page: ArchivePage, fullFile: string) => `${page.url}scan${path.extname(fullFile)}`;

/** The derived image of a page (from the cache when there), or null with a problem. */
/**
 * @param problems Where a problem found now goes.
 * @param later Where the making of the web-size image goes, and its problem if it fails.
 */
async function pageImage(
  file: string,
  at: { root: string; version: string; dir: string; cache: BuildCache },
  problems: Problem[],
  later: { writes: Array<() => Promise<void>>; problems: Problem[] },
): Promise<{ derived: DerivedImage; digest: string } | null> {
  const { root, version, dir, cache } = at;
  const abs = path.resolve(root, file);
  // Note: an image is read and hashed only when its size or mtime changed (a
  // scan is a megabyte or more: hashing 5,000 of them was every rebuild's cost).
  const st = fs.statSync(abs);
  const seen = sha256(`${file}|${st.size}|${st.mtimeMs}|${st.ino}`);
  let bytes: Buffer | null = null;
  let digest = cache.get<string>('image-digest', seen);
  if (!digest) {
    bytes = fs.readFileSync(abs);
    digest = sha256(bytes);
    cache.set('image-digest', seen, digest);
  }
  const key = `${digest.slice(0, 32)}-${version}`;
  const cached = cache.get<DerivedImage>('image', key);
  if (cached && fs.existsSync(path.join(dir, cached.webFile)) && fs.existsSync(path.join(dir, cached.fullFile))) return { derived: cached, digest };
  bytes ??= fs.readFileSync(abs);
  try {
    const { derived, write } = await deriveImage(file, bytes, key, dir);
    if (!write) cache.set('image', key, derived);
    else
      later.writes.push(() =>
        write().then(
          () => cache.set('image', key, derived),
          (e: unknown) => {
            if (!(e instanceof ImageError)) throw e;
            // Note: the page is rendered by now, naming its web-size image: the image as given stands in for it.
            fs.copyFileSync(path.join(dir, derived.fullFile), path.join(dir, derived.webFile));
            later.problems.push({ file, message: `${e.message}: the page shows it as given`, severity: 'warning', ruleId: 'bad-image' });
          },
        ),
      );
    return { derived, digest };
  } catch (e) {
    if (!(e instanceof ImageError)) throw e;
    problems.push({ file, message: `${e.message}: the page is shown without its image`, severity: 'warning', ruleId: 'bad-image' });
    return null;
  }
}

/** Set `page.scan` and the articles' zones from the layout and the image. */
function attach(page: ArchivePage, scan: ScanPage, read: ReadLayout | null, image: { derived: DerivedImage; digest: string } | null, problems: Problem[]): void {
  let layout = read?.layout ?? null;
  const aligned = layout ? alignLayout(page.rawText, layout) : null;
  if (aligned && !aligned.ok) {
    problems.push({ file: scan.layoutFile!, message: `does not match ${scan.path}: its line ${aligned.line} reads “${aligned.text}” where the layout file has “${aligned.layout}”; positions ignored`, severity: 'warning', ruleId: 'layout-mismatch' });
    layout = null;
  }
  const d = image?.derived;
  if (layout && d && Math.abs(layout.width / layout.height / (d.width / d.height) - 1) > ASPECT_TOLERANCE) {
    problems.push({ file: scan.layoutFile!, message: `its page (${layout.width}×${layout.height}) does not have the shape of ${scan.imageFile} (${d.width}×${d.height}); positions ignored`, severity: 'warning', ruleId: 'layout-mismatch' });
    layout = null;
  }
  if (!layout && !d) return;
  const result: PageScan = {
    digest: sha256([read?.digest ?? '', image?.digest ?? ''].join('|')).slice(0, 20),
    image: d
      ? { web: d.webFile === d.fullFile ? fullUrl(page, d.fullFile) : webUrl(page), webWidth: d.webWidth, webHeight: d.webHeight, full: fullUrl(page, d.fullFile), fullWidth: d.width, fullHeight: d.height, fullBytes: d.bytes }
      : null,
    width: layout ? layout.width : d!.width,
    height: layout ? layout.height : d!.height,
    lines: layout ? layout.lines.map((l) => ({ text: l.text, box: l.box })) : [],
  };
  page.scan = result;
  if (!layout || !d || !aligned?.ok) return;
  const boxes = layout.lines.map((l) => l.box);
  articleLines(page, page.rawText.split('\n').length).forEach((textLines, i) => {
    const own = [...new Set(textLines.flatMap((l) => aligned.lines.get(l) ?? []))].sort((a, b) => a - b);
    if (own.length) page.articles[i].zone = zoneOf(own, boxes);
  });
}

/**
 * Put the image files into the site folder: hard links to the image folder
 * (copies across file systems).
 *
 * @returns Files written.
 */
export function linkImages(copies: ImageCopy[], siteDir: string): number {
  for (const c of copies) {
    const to = path.join(siteDir, c.to);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.rmSync(to, { force: true });
    try {
      fs.linkSync(c.from, to);
    } catch {
      fs.copyFileSync(c.from, to);
    }
  }
  return copies.length;
}
