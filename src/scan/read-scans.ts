/**
 * Read the input layout `<input>/<paper>/<YYYY-MM-DD>/<page>.txt`, with
 * `<paper>/paper.json` naming the paper and an optional `<page>.json` sidecar;
 * beside or instead of the text, `<page>.alto.xml` or `<page>.hocr`, and a
 * page image `<page>.jpg|.png|.webp` (only found here: `read-layouts.ts` and
 * `images/` read them).
 * Problems (a path outside the layout, a sidecar that does not parse, an
 * impossible date) are reported per file; the other scans are still read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PageMeta, Problem, ScanPage } from '../types.ts';
import { pageFileOf, type PageFiles } from './page-files.ts';

export interface ReadScansResult {
  scans: ScanPage[];
  problems: Problem[];
}

const ID = /^[a-z0-9][a-z0-9_-]*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PAGE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** True for a real calendar date in YYYY-MM-DD form. */
export function isValidDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/**
 * Find and read every scan under `inputDir`.
 *
 * @param inputDir Folder laid out as `<paper>/<YYYY-MM-DD>/<page>.txt`.
 * @param root Paths in problems and `ScanPage.path` are relative to this folder.
 * @param takes For a shard build: whether to read a paper (`date` left out)
 *   and a date of it; problems of the folders it skips are left to the shards
 *   that take them. Default every paper and date.
 */
export function readScans(inputDir: string, root = process.cwd(), takes: (paper: string, date?: string) => boolean = () => true): ReadScansResult {
  const scans: ScanPage[] = [];
  const problems: Problem[] = [];
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const problem = (file: string, message: string, ruleId: string, severity: Problem['severity'] = 'error', line?: number) =>
    problems.push({ file: rel(file), message, ruleId, severity, ...(line ? { line } : {}) });

  if (!fs.existsSync(inputDir)) {
    problem(inputDir, 'input folder does not exist', 'no-input');
    return { scans, problems };
  }
  for (const paper of sortedEntries(inputDir)) {
    const paperDir = path.join(inputDir, paper.name);
    if (!paper.isDirectory()) {
      if (!/^(README|\.)/i.test(paper.name)) problem(paperDir, 'not in the layout <paper>/<YYYY-MM-DD>/<page>.txt: skipped', 'layout');
      continue;
    }
    if (!ID.test(paper.name)) {
      problem(paperDir, `paper id "${paper.name}" must be lower-case letters, digits, - or _: skipped`, 'layout');
      continue;
    }
    if (!takes(paper.name)) continue;
    const paperName = readPaperName(path.join(paperDir, 'paper.json'), paper.name, problem);
    for (const day of sortedEntries(paperDir)) {
      const dayDir = path.join(paperDir, day.name);
      if (!day.isDirectory()) {
        if (day.name !== 'paper.json') problem(dayDir, 'not in the layout <paper>/<YYYY-MM-DD>/<page>.txt: skipped', 'layout');
        continue;
      }
      if (!isValidDate(day.name)) {
        problem(dayDir, `"${day.name}" is not a date (YYYY-MM-DD): its scans are skipped`, 'bad-date');
        continue;
      }
      if (!takes(paper.name, day.name)) continue;
      for (const [page, files] of groupPageFiles(dayDir, problem)) {
        const scanFile = files.text ?? files.alto ?? files.hocr;
        if (!scanFile) {
          for (const name of Object.values(files)) problem(path.join(dayDir, name), 'no scan beside it (<page>.txt, .alto.xml or .hocr): skipped', 'layout', 'warning');
          continue;
        }
        const file = path.join(dayDir, scanFile);
        if (!PAGE.test(page)) {
          problem(file, `page id "${page}" must be letters, digits, - or _: skipped`, 'layout');
          continue;
        }
        const meta = files.sidecar ? readSidecar(path.join(dayDir, files.sidecar), problem) : {};
        const layout = files.alto ?? files.hocr;
        // Note: a text file is stat'ed now and read each time its bytes are asked for (never, for a scan the memo knows: scan-memo.ts), not held through the build.
        const st = files.text ? fs.statSync(file) : null;
        let bytes: Uint8Array | undefined = files.text ? undefined : new Uint8Array();
        scans.push({
          path: rel(file),
          paper: paper.name,
          paperName,
          date: day.name,
          page,
          pageNumber: /^\d+$/.test(page) ? Number(page) : null,
          meta,
          get bytes() {
            return bytes ?? fs.readFileSync(file);
          },
          set bytes(b) {
            bytes = b;
          },
          ...(st ? { stat: { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino }, statAt: Date.now() } : {}),
          ...(layout ? { layoutFile: rel(path.join(dayDir, layout)) } : {}),
          ...(files.image ? { imageFile: rel(path.join(dayDir, files.image)) } : {}),
        });
      }
    }
  }
  return { scans, problems };
}

/**
 * The files of a day folder grouped by page id, in page order. A file that is
 * no page's, or a second layout file or image of a page, is reported and left out.
 */
function groupPageFiles(dayDir: string, problem: Report): Map<string, PageFiles> {
  const pages = new Map<string, PageFiles>();
  for (const f of sortedEntries(dayDir)) {
    const file = path.join(dayDir, f.name);
    const found = f.isFile() ? pageFileOf(f.name) : null;
    if (!found) {
      problem(file, 'not a page file (<page>.txt, .json, .alto.xml, .hocr, .jpg, .png or .webp): skipped', 'layout');
      continue;
    }
    const files = pages.get(found.page) ?? {};
    pages.set(found.page, files);
    // ALTO and hOCR fill one slot: the text with positions.
    const taken = found.kind === 'alto' || found.kind === 'hocr' ? (files.alto ?? files.hocr) : files[found.kind];
    if (taken) {
      problem(file, `a second ${found.kind === 'image' ? 'image' : 'layout file'} of page "${found.page}" (${taken} is used): ignored`, 'layout', 'warning');
      continue;
    }
    files[found.kind] = f.name;
  }
  return pages;
}

type Report = (file: string, message: string, ruleId: string, severity?: Problem['severity'], line?: number) => void;

function sortedEntries(dir: string): fs.Dirent[] {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function readJson(file: string, report: Report): unknown {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    // Node names the position, or only the unexpected token: find the line either way.
    const pos = /position (\d+)/.exec(msg);
    const token = /Unexpected token '(.+?)'/.exec(msg);
    const at = pos ? Number(pos[1]) : token ? text.indexOf(token[1]) : -1;
    const line = at >= 0 ? text.slice(0, at).split('\n').length : undefined;
    report(file, `does not parse as JSON: ${msg}`, 'bad-sidecar', 'error', line);
    return undefined;
  }
}

function readPaperName(file: string, fallback: string, report: Report): string {
  if (!fs.existsSync(file)) {
    report(file, `missing: the paper is called "${fallback}" until it names it ({"name": "吉林日报"})`, 'no-paper-json', 'warning');
    return fallback;
  }
  const data = readJson(file, report) as { name?: unknown } | undefined;
  if (data === undefined) return fallback;
  if (typeof data !== 'object' || data === null || typeof data.name !== 'string' || !data.name.trim()) {
    report(file, '"name" must be a non-empty string', 'bad-sidecar');
    return fallback;
  }
  return data.name.trim();
}

function readSidecar(file: string, report: Report): PageMeta {
  if (!fs.existsSync(file)) return {};
  const data = readJson(file, report);
  if (data === undefined) return {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report(file, 'must be a JSON object: ignored', 'bad-sidecar');
    return {};
  }
  const meta: PageMeta = {};
  const d = data as Record<string, unknown>;
  for (const key of ['section', 'notes'] as const) {
    if (d[key] === undefined) continue;
    if (typeof d[key] === 'string') meta[key] = d[key] as string;
    else report(file, `"${key}" must be a string: ignored`, 'bad-sidecar');
  }
  for (const key of ['dateEstimated', 'pageEstimated'] as const) {
    if (d[key] === undefined) continue;
    if (typeof d[key] === 'boolean') meta[key] = d[key] as boolean;
    else report(file, `"${key}" must be true or false: ignored`, 'bad-sidecar');
  }
  return meta;
}
