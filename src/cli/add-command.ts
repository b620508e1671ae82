/**
 * `archive add`: put new page scans into the input folder after checking
 * them, then rebuild.
 *
 *   archive add <scan.txt>… --paper <id> --date YYYY-MM-DD --page <n> [--replace]
 *   archive add <folder> [--replace]        (a folder laid out like articles/)
 *
 * A page's files go together: its text (`.txt`), layout (`.alto.xml` or
 * `.hocr`) and image (`.jpg|.png|.webp`) given with the same name
 * (`p1.alto.xml p1.jpg`) are one page. Images are checked by the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeScan, DecodeError } from '../scan/decode-scan.ts';
import { parsePage } from '../parse/parse-page.ts';
import { isValidDate, readScans } from '../scan/read-scans.ts';
import { formatProblem } from '../util/errors.ts';
import type { PageLayout } from '../types.ts';
import { pageFileOf, type PageFileKind, type PageFiles } from '../scan/page-files.ts';
import { readAlto } from '../scan/alto.ts';
import { readHocr } from '../scan/hocr.ts';
import { LayoutError } from '../scan/layout-error.ts';
import { alignLayout, layoutText } from '../scan/layout-text.ts';

export interface AddOptions {
  input: string;
  paper?: string;
  paperName?: string;
  date?: string;
  page?: string;
  replace: boolean;
}

interface Job {
  /** The page's files, by kind: file to copy from. */
  files: PageFiles;
  /** Path under the input folder of the page, without the file ending: `jlrb/2024-05-03/2`. */
  to: string;
}

const ID = /^[a-z0-9][a-z0-9_-]*$/;
const PAGE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Check and copy scans; returns the exit code (0 when every scan was added). */
export function addScans(sources: string[], options: AddOptions): { code: number; added: string[] } {
  const errors: string[] = [];
  const jobs: Job[] = [];
  const extraFiles: Array<{ from: string; to: string }> = [];
  if (sources.length === 1 && fs.existsSync(sources[0]) && fs.statSync(sources[0]).isDirectory()) {
    // A folder laid out like articles/.
    const dir = path.resolve(sources[0]);
    const { scans, problems } = readScans(dir, dir);
    for (const p of problems) errors.push(formatProblem({ ...p, file: path.join(sources[0], p.file) }));
    for (const s of scans) {
      const to = `${s.paper}/${s.date}/${s.page}`;
      const files: PageFiles = {};
      for (const rel of [s.path, s.layoutFile, s.imageFile]) if (rel) files[pageFileOf(rel)!.kind] = path.join(dir, rel);
      const sidecar = path.join(dir, `${to}.json`);
      if (fs.existsSync(sidecar)) files.sidecar = sidecar;
      jobs.push({ files, to });
    }
    for (const paper of new Set(scans.map((s) => s.paper))) {
      const pj = path.join(dir, paper, 'paper.json');
      if (fs.existsSync(pj) && !fs.existsSync(path.join(options.input, paper, 'paper.json'))) extraFiles.push({ from: pj, to: path.join(paper, 'paper.json') });
    }
  } else {
    if (!options.paper || !ID.test(options.paper)) errors.push(`archive add: --paper must be a paper id of lower-case letters, digits, - or _ (got ${JSON.stringify(options.paper ?? '')})`);
    if (!options.date || !isValidDate(options.date)) errors.push(`archive add: --date must be a real date as YYYY-MM-DD (got ${JSON.stringify(options.date ?? '')})`);
    if (!options.page || !PAGE.test(options.page)) errors.push(`archive add: --page must be a page number or id of letters, digits, - or _ (got ${JSON.stringify(options.page ?? '')})`);
    if (errors.length) return report(errors, []);
    const first = Number(options.page);
    const pages = groupSources(sources, errors);
    pages.forEach((files, i) => {
      const page = pages.length > 1 && Number.isInteger(first) ? String(first + i) : options.page!;
      jobs.push({ files, to: `${options.paper}/${options.date}/${page}` });
    });
    if (!fs.existsSync(path.join(options.input, options.paper!, 'paper.json'))) {
      if (options.paperName) fs.mkdirSync(path.join(options.input, options.paper!), { recursive: true });
      if (options.paperName) fs.writeFileSync(path.join(options.input, options.paper!, 'paper.json'), JSON.stringify({ name: options.paperName }, null, 2) + '\n');
      else errors.push(`${path.join(options.input, options.paper!, 'paper.json')}: warning: no paper.json; give --paper-name 吉林日报 to name the paper (it is called "${options.paper}" until then)`);
    }
  }

  const added: string[] = [];
  for (const job of jobs) {
    const checked = checkPage(job.files, errors);
    if (checked === null) continue;
    const copies = (Object.entries(job.files) as Array<[PageFileKind, string]>).map(([kind, from]) => ({ from, to: path.join(options.input, `${job.to}${endingOf(kind, from)}`) }));
    const taken = copies.find((c) => fs.existsSync(c.to));
    if (taken && !options.replace) {
      errors.push(`${taken.to}: error: a scan is already there; use --replace to overwrite it`);
      continue;
    }
    fs.mkdirSync(path.dirname(copies[0].to), { recursive: true });
    for (const c of copies) fs.copyFileSync(c.from, c.to);
    const scan = copies.find((c) => c.from === (job.files.text ?? job.files.alto ?? job.files.hocr))!;
    added.push(`${scan.to} (${checked} article${checked === 1 ? '' : 's'}${job.files.image ? ', with its image' : ''})`);
  }
  for (const f of extraFiles) {
    fs.mkdirSync(path.dirname(path.join(options.input, f.to)), { recursive: true });
    fs.copyFileSync(f.from, path.join(options.input, f.to));
  }
  return report(errors, added);
}

/** The ending a file of this kind gets in the input folder (images keep theirs). */
function endingOf(kind: PageFileKind, from: string): string {
  return { text: '.txt', sidecar: '.json', alto: '.alto.xml', hocr: '.hocr', image: path.extname(from).toLowerCase() }[kind];
}

/** Source files grouped into pages by name (`p1.alto.xml p1.jpg` are one page), in the order given. */
function groupSources(sources: string[], errors: string[]): PageFiles[] {
  const pages = new Map<string, PageFiles>();
  for (const src of sources) {
    const found = pageFileOf(path.basename(src));
    if (!found || found.kind === 'sidecar') {
      errors.push(`${src}: error: not a page scan (.txt, .alto.xml or .hocr) or page image (.jpg, .png, .webp): not added`);
      continue;
    }
    const key = path.join(path.dirname(src), found.page);
    const files = pages.get(key) ?? {};
    pages.set(key, files);
    // A page has one layout file: ALTO or hOCR.
    if (files[found.kind] || ((found.kind === 'alto' || found.kind === 'hocr') && (files.alto || files.hocr))) errors.push(`${src}: error: a second file of the same kind for page ${found.page}: not added`);
    else files[found.kind] = src;
  }
  return [...pages.values()];
}

/**
 * Check a page's text (decoded and parsed) or layout file (read, and matched
 * against the text when both are given).
 *
 * @returns The number of articles, or null when the page cannot be added (the reason in `errors`).
 */
function checkPage(files: PageFiles, errors: string[]): number | null {
  const layoutFile = files.alto ?? files.hocr;
  if (!files.text && !layoutFile) {
    errors.push(`${files.image}: error: an image without its scan (.txt, .alto.xml or .hocr of the same name): not added`);
    return null;
  }
  let layout: PageLayout | null = null;
  if (layoutFile) {
    try {
      const text = fs.readFileSync(layoutFile, 'utf8');
      layout = files.alto ? readAlto(text) : readHocr(text);
    } catch (e) {
      if (!(e instanceof LayoutError)) throw e;
      errors.push(`${layoutFile}${e.line ? ':' + e.line : ''}: ${files.text ? 'warning' : 'error'}: ${e.message}${files.text ? ': positions will be ignored' : ': not added'}`);
      if (!files.text) return null;
    }
  }
  const source = files.text ?? layoutFile!;
  try {
    const decoded = decodeScan(files.text ? fs.readFileSync(files.text) : new TextEncoder().encode(layoutText(layout!)));
    for (const w of decoded.warnings) errors.push(`${source}:${w.line}: warning: ${w.message}`);
    if (layout && files.text) {
      const aligned = alignLayout(decoded.text, layout);
      if (!aligned.ok) errors.push(`${layoutFile}: warning: does not match ${files.text}: its line ${aligned.line} reads “${aligned.text}” where the layout file has “${aligned.layout}”; positions will be ignored`);
    }
    const page = parsePage(decoded.text);
    if (page.articles.some((a) => a.untitled)) errors.push(`${source}: warning: text with no recognisable headline is kept as an untitled article`);
    return page.articles.length;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    errors.push(`${source}${e.line ? ':' + e.line : ''}: error: ${e.message}: not added`);
    return null;
  }
}

function report(errors: string[], added: string[]): { code: number; added: string[] } {
  for (const e of errors) console.error(e);
  for (const a of added) console.log(`added ${a}`);
  return { code: errors.some((e) => /: error: |^archive add: /.test(e)) ? 1 : 0, added };
}
