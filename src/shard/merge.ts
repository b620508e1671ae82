/**
 * `archive merge`: shard outputs (`archive build --only …`) combined into one
 * site without building them again. The shards' files are hard-linked in as
 * they are (article and page views, page JSON, search index folders); what
 * spans shards is made from their `shard.json` summaries: issue pages (they
 * link to the paper's previous and next issue, maybe in another shard),
 * reporter, keyword and calendar pages, the site-wide pages (home,
 * indexes, feed, sitemap, catalogue), the build report, and one search
 * index over all shards (merge-index.ts). The result is published like a
 * build (output/site-folder.ts): the output is switched to it atomically.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Archive } from '../types.ts';
import { buildReport, normalizeBasePath, prepareSpare, publish, renderUnits, sameBytes, siteCode } from '../build.ts';
import { assemble, type ProgressStage } from '../collect.ts';
import { cloneInto, filesOf, lockSite, openSite, removeStale } from '../output/site-folder.ts';
import { roomOf } from '../site/index.ts';
import { writeClient } from '../search/client/bundle.ts';
import { ArchiveError } from '../util/errors.ts';
import { timeAsync, time } from '../util/timing.ts';
import { overlaps, parseOnly, partName, type Only } from './only.ts';
import { pagesOf, readSummary, SUMMARY_FILE, type ShardSummary } from './summary.ts';
import { mergeIndex } from './merge-index.ts';

export interface MergeOptions {
  /** Shard output folders, in any order. */
  shards: string[];
  /** Output folder. Default `_site`. */
  output?: string;
  /** URL path the site is served under; the shards must have been built with the same. Default `/`. */
  basePath?: string;
  /** Folder that relative paths are resolved from. Default the working directory. */
  root?: string;
  /** Eleventy input folder. Default the project's `templates/`. */
  templates?: string;
  /** Most units per Eleventy run (see `BuildOptions.unitsPerPass`). */
  unitsPerPass?: number;
  onProgress?: (stage: ProgressStage, done: number, total: number) => void;
}

export interface MergeResult {
  /** The merged archive: every page, articles as list entries (no body text). */
  archive: Archive;
  /** Files written or changed in the output. */
  files: number;
  /** 0 when every shard built every scan; 1 otherwise. */
  exitCode: number;
  /** One line, e.g. "Merged 4 shards: 12 issues, 40 pages, 260 articles in 1.2 s; …". */
  summary: string;
}

/** Files of a shard the merge makes itself, from all shards. */
const OWN_FILES = new Set([SUMMARY_FILE, 'build-report.json']);

interface Shard {
  dir: string;
  /** The folder its files are in (the shard's live build, when its output is a site link). */
  real: string;
  summary: ShardSummary;
  only: Only;
  name: string;
}

/**
 * Merge shard outputs into `output`. Two merges of one output never
 * interleave (the site lock), and a merge killed at any moment leaves the
 * previous site whole.
 */
export async function merge(options: MergeOptions): Promise<MergeResult> {
  const started = performance.now();
  const root = options.root ?? process.cwd();
  const output = path.resolve(root, options.output ?? '_site');
  const basePath = normalizeBasePath(options.basePath);
  if (!options.shards.length) throw new ArchiveError('archive merge: give the shard output folders, e.g. archive merge shards/* --output _site');
  const dirs = options.shards.map((dir) => path.resolve(root, dir));
  // Note: `shards/*` also names each shard's build folders (`shards/jlrb-2023.builds`, see output/site-folder.ts): they are its output already given.
  const given = new Set(dirs);
  const shards = partOrder(dirs.filter((d) => !(d.endsWith('.builds') && given.has(d.slice(0, -'.builds'.length)))).map(openShard));
  checkShards(shards, basePath);
  const lock = lockSite(output);
  try {
    removeStale(output);
    const site = openSite(output);
    const archive = time('merge archive', () => archiveOf(shards.map((s) => s.summary)));
    const staging = `${output}.tmp-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    const spare = site.live ? prepareSpare(site) : null;
    spare?.catch(() => {});
    let published;
    let made = 0;
    try {
      const room = roomOf(archive);
      const keys = [...room.issues.map((v) => `i:${v.issue.url}`), ...room.reporters.map((g) => `r:${g.slug}`), ...room.surnames.map((g) => `s:${g.slug}`), ...room.keywords.map((g) => `k:${g.slug}`), ...room.calendar.map((y) => `y:${y.year}`), ...room.catalogue.map((c) => `c:${c.year}`), ...room.sitemaps.map((m) => `m:${m.name}`)];
      made += await renderUnits(archive, keys, false, { output: staging, basePath, templates: options.templates, unitsPerPass: options.unitsPerPass, onProgress: options.onProgress });
      made += time('bundle', () => writeClient(staging));
      fs.writeFileSync(path.join(staging, 'build-report.json'), JSON.stringify(buildReport(archive), null, 1) + '\n');
      made++;
      const index = await timeAsync('merge index', () => mergeIndex(shards.map((s) => ({ name: s.name, dir: path.join(s.real, 'search-index') })), path.join(staging, 'search-index')));
      made += index.written;
      const links = linksOf(shards, staging, index.links);
      await timeAsync('merge link', () => cloneInto(staging, links));
      made += links.size;
      lock.check();
      published = await timeAsync('publish', () => publish(site, staging, made, null, spare));
    } catch (e) {
      await spare?.catch(() => {});
      throw new ArchiveError(`merge failed; the previous ${path.relative(root, output) || output} is untouched`, { cause: e });
    }
    fs.rmSync(staging, { recursive: true, force: true });
    return result(archive, shards.length, published.swapped ? published.written : 0, started);
  } finally {
    lock.release();
  }
}

function openShard(dir: string): Shard {
  if (!fs.existsSync(dir)) throw new ArchiveError(`archive merge: no shard at ${dir}`);
  const real = fs.realpathSync(dir);
  const summary = readSummary(real);
  const only = parseOnly(summary.only);
  return { dir, real, summary, only, name: partName(only) };
}

/**
 * Shards in the order their docs are numbered in the merged index: papers
 * from the last id to the first, years oldest first. A build of the whole
 * archive numbers the docs of one date paper by paper in that order, and the
 * engine ranks ties newest first, then by doc id; in this order the docs of
 * one date rank alike in both (for shards of one paper each; a shard of
 * several papers ranks the ties of one date as its own build does).
 */
function partOrder(shards: Shard[]): Shard[] {
  const compare = (x: Only['items'][number], y: Only['items'][number]) =>
    x.paper !== y.paper ? (x.paper < y.paper ? 1 : -1) : (x.year ?? '') < (y.year ?? '') ? -1 : (x.year ?? '') > (y.year ?? '') ? 1 : 0;
  const first = (s: Shard) => [...s.only.items].sort(compare)[0];
  return [...shards].sort((a, b) => compare(first(a), first(b)));
}

/** Shards fit together when they hold different scopes and were built by this code, for this base path and site URL. */
function checkShards(shards: Shard[], basePath: string): void {
  const siteUrl = process.env.SITE_URL || null;
  const code = siteCode();
  for (const s of shards) {
    const was = s.summary;
    if (was.code !== code) throw new ArchiveError(`archive merge: ${s.dir} was built by other code (site code, templates, static files or the search page differ from this checkout): build it again`);
    if (was.basePath !== basePath) throw new ArchiveError(`archive merge: ${s.dir} was built with --base-path ${was.basePath}, the merge has ${basePath}: give the same to both`);
    if (was.siteUrl !== siteUrl) throw new ArchiveError(`archive merge: ${s.dir} was built with ${was.siteUrl ? `--site-url ${was.siteUrl}` : 'no --site-url'}, the merge has ${siteUrl ? `--site-url ${siteUrl}` : 'none'}: give the same to both`);
  }
  for (const [i, a] of shards.entries()) {
    for (const b of shards.slice(i + 1)) {
      if (overlaps(a.only, b.only)) throw new ArchiveError(`archive merge: ${a.dir} (--only ${a.only.spec}) and ${b.dir} (--only ${b.only.spec}) hold the same scans; merge shards of different papers or years`);
      if (a.name === b.name) throw new ArchiveError(`archive merge: ${a.dir} and ${b.dir} would share the search folder ${a.name}`);
    }
  }
}

/**
 * The archive of all shards, as a build of all their scans assembles it;
 * a problem every shard reports (a file outside every shard's papers and
 * years, read by each) is kept once.
 */
export function archiveOf(summaries: ShardSummary[]): Archive {
  const papers = new Map<string, string>();
  const problems: Archive['problems'] = [];
  const seen = new Set<string>();
  const skipped: string[] = [];
  const stats = { scans: 0, charsRead: 0, charsPlaced: 0 };
  for (const s of summaries) {
    for (const p of s.papers) papers.set(p.id, p.name);
    const mine = new Set<string>();
    for (const p of s.problems) {
      const key = JSON.stringify([p.file, p.line, p.message, p.severity, p.ruleId]);
      if (seen.has(key) && !mine.has(key)) continue;
      mine.add(key);
      problems.push(p);
    }
    for (const k of mine) seen.add(k);
    skipped.push(...s.skipped);
    stats.scans += s.stats.scans;
    stats.charsRead += s.stats.charsRead;
    stats.charsPlaced += s.stats.charsPlaced;
  }
  return { ...assemble(summaries.flatMap(pagesOf), papers, problems, skipped), stats };
}

/**
 * What to link into the merged site: every shard's files but its summary,
 * its report and its search index (linked under its part by `mergeIndex`).
 * A path two sources share (the static files every build copies) must hold
 * the same bytes, else the shards do not fit together.
 */
function linksOf(shards: Shard[], staging: string, indexLinks: Map<string, string>): Map<string, string> {
  const made = filesOf(staging);
  const links = new Map<string, string>();
  for (const [rel, file] of indexLinks) links.set(`search-index/${rel}`, file);
  for (const s of shards) {
    for (const [rel, file] of filesOf(s.real)) {
      if (OWN_FILES.has(rel) || rel.startsWith('search-index/')) continue;
      const other = made.get(rel) ?? links.get(rel);
      if (other === undefined) links.set(rel, file);
      else if (!sameBytes(other, file)) throw new ArchiveError(`archive merge: ${path.join(s.dir, rel)} differs from ${other}: the shards do not fit together; build them again from one checkout`);
    }
  }
  return links;
}

function result(archive: Archive, shards: number, files: number, started: number): MergeResult {
  const count = (n: number) => n.toLocaleString('en-US');
  const plural = (n: number, w: string) => `${count(n)} ${w}${n === 1 ? '' : 's'}`;
  const errors = archive.problems.filter((p) => p.severity === 'error').length;
  const pages = archive.issues.reduce((n, i) => n + i.pages.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  let summary = `Merged ${plural(shards, 'shard')}: ${plural(archive.issues.length, 'issue')}, ${plural(pages, 'page')}, ${plural(archive.articles.length, 'article')} in ${seconds} s; ${files ? plural(files, 'file') + ' written' : 'no file changed'}`;
  if (archive.skipped.length) summary += `; the shards skipped ${plural(archive.skipped.length, 'scan')}`;
  if (archive.problems.length) summary += `; ${plural(errors, 'error')}, ${plural(archive.problems.length - errors, 'warning')} (in build-report.json)`;
  return { archive, files, exitCode: errors > 0 || archive.skipped.length > 0 ? 1 : 0, summary };
}
