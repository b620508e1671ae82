/**
 * `archive add`: put new page scans into the input folder after checking
 * them, then rebuild.
 *
 *   archive add <scan.txt>… --paper <id> --date YYYY-MM-DD --page <n> [--replace]
 *   archive add <folder> [--replace]        (a folder laid out like articles/)
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeScan, DecodeError } from '../scan/decode-scan.ts';
import { parsePage } from '../parse/parse-page.ts';
import { isValidDate, readScans } from '../scan/read-scans.ts';
import { formatProblem } from '../util/errors.ts';

export interface AddOptions {
  input: string;
  paper?: string;
  paperName?: string;
  date?: string;
  page?: string;
  replace: boolean;
}

interface Job {
  /** File to copy from. */
  from: string;
  /** Path under the input folder. */
  to: string;
  /** A sidecar to copy with it, if any. */
  sidecar?: string;
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
      const sidecar = path.join(dir, s.path.replace(/\.txt$/, '.json'));
      jobs.push({ from: path.join(dir, s.path), to: s.path, ...(fs.existsSync(sidecar) ? { sidecar } : {}) });
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
    sources.forEach((src, i) => {
      const page = sources.length > 1 && Number.isInteger(first) ? String(first + i) : options.page!;
      jobs.push({ from: src, to: `${options.paper}/${options.date}/${page}.txt` });
    });
    if (!fs.existsSync(path.join(options.input, options.paper!, 'paper.json'))) {
      if (options.paperName) fs.mkdirSync(path.join(options.input, options.paper!), { recursive: true });
      if (options.paperName) fs.writeFileSync(path.join(options.input, options.paper!, 'paper.json'), JSON.stringify({ name: options.paperName }, null, 2) + '\n');
      else errors.push(`${path.join(options.input, options.paper!, 'paper.json')}: warning: no paper.json; give --paper-name 吉林日报 to name the paper (it is called "${options.paper}" until then)`);
    }
  }

  const added: string[] = [];
  for (const job of jobs) {
    const target = path.join(options.input, job.to);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(job.from);
    } catch (e) {
      errors.push(`${job.from}: error: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    let articles: number;
    try {
      const decoded = decodeScan(bytes);
      for (const w of decoded.warnings) errors.push(`${job.from}:${w.line}: warning: ${w.message}`);
      const page = parsePage(decoded.text);
      articles = page.articles.length;
      if (page.articles.some((a) => a.untitled)) errors.push(`${job.from}: warning: text with no recognisable headline is kept as an untitled article`);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      errors.push(`${job.from}${e.line ? ':' + e.line : ''}: error: ${e.message}: not added`);
      continue;
    }
    if (fs.existsSync(target) && !options.replace) {
      errors.push(`${target}: error: a scan is already there; use --replace to overwrite it`);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(job.from, target);
    if (job.sidecar) fs.copyFileSync(job.sidecar, target.replace(/\.txt$/, '.json'));
    added.push(`${target} (${articles} article${articles === 1 ? '' : 's'})`);
  }
  for (const f of extraFiles) {
    fs.mkdirSync(path.dirname(path.join(options.input, f.to)), { recursive: true });
    fs.copyFileSync(f.from, path.join(options.input, f.to));
  }
  return report(errors, added);
}

function report(errors: string[], added: string[]): { code: number; added: string[] } {
  for (const e of errors) console.error(e);
  for (const a of added) console.log(`added ${a}`);
  return { code: errors.some((e) => /: error: |^archive add: /.test(e)) ? 1 : 0, added };
}
