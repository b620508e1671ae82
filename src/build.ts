/**
 * The build's stage order: collect the archive (collect.ts: read the scans
 * → decode → analyze, cached → assemble) → plan the render → Eleventy, with
 * the search index written beside it → publish: the spare build folder made
 * the new site (hard links) and the site link switched to it
 * (output/site-folder.ts).
 */
import fs from 'node:fs';
import v8 from 'node:v8';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Archive } from './types.ts';
import { recordTime, time, timeAsync } from './util/timing.ts';
import { codeVersion, importGraph, sha256 } from './cache/build-cache.ts';
import { ArchiveError } from './util/errors.ts';
import { dirBytes } from './util/files.ts';
import { filesOf, lockSite, mirrorFiles, newBuildId, openSite, pointAt, readChanges, removeStale, spareFolder, syncTree, writeChanges, type SiteFolder, type SiteLock } from './output/site-folder.ts';
import { setArchive } from './site/archive-source.ts';
import { roomOf } from './site/index.ts';
import { planRender, renderPasses, selectionOf, unitFiles, unitSignatures, Summaries, type RenderSelection } from './site/render-plan.ts';
import type { SearchState } from './search/index/segments.ts';
import { runIndexJob, runIndexJobInWorker, type IndexJob, type IndexJobResult } from './search/index/index-job.ts';
import { writeClient } from './search/client/bundle.ts';
import { runningFile } from './util/compiled.ts';
import { parseOnly } from './shard/only.ts';
import { summarize, writeSummary } from './shard/summary.ts';
import { linkImages } from './images/page-scans.ts';
import { collectKeyed, type CollectOptions } from './collect.ts';
import { LinkThread } from './output/link-thread.ts';
import { WriteThread } from './output/write-thread.ts';
import { routeEleventyWrites } from './site/eleventy-writes.ts';

const require = createRequire(import.meta.url);

export interface BuildOptions extends CollectOptions {
  /** Output folder. Default `_site`. */
  output?: string;
  /** URL path the site is served under, e.g. `/repo-name/`. Default `/`. */
  basePath?: string;
  /** Count warnings as failures. */
  strict?: boolean;
  /** Render every page even when an incremental build is possible. */
  full?: boolean;
  /** Eleventy input folder. Default the project's `templates/`, wherever the command runs. */
  templates?: string;
  /** Most units (articles, pages, issues…) per Eleventy run; default 30,000. */
  unitsPerPass?: number;
  /** Build the search index on a worker thread, beside the render. Default: for a full index of 2,000 articles or more. */
  indexOnWorker?: boolean;
  /** Share of the archive the search index's second segment may reach before it is cut whole again (tests); default `DELTA_MOST`. */
  searchDeltaMost?: number;
  /** Called when a stage starts, e.g. "Rendering 14 changed of 55,023 articles, pages, …". */
  onStage?: (message: string) => void;
}

/**
 * Units Eleventy renders in one run. Eleventy keeps every page of a run in
 * memory until the run ends (each page's content two or three times), so a
 * large archive renders in several runs of this size. A run costs little to
 * start: a cold build of 5,000 pages (39,800 units) rendered in 38.9 s in 2
 * runs of 30,000, 38.8 s in 4 of 10,000 and 40.4 s in 8 of 5,000, with peaks
 * of 2.18, 1.94 and 1.75 GB (build and analyze processes, sampled).
 */
const UNITS_PER_PASS = 5_000;

/** Articles from which the search index is built on a worker thread. */
const INDEX_WORKER_MIN = 2000;

/** The project's templates, next to src/. */
const TEMPLATES = path.join(import.meta.dirname, '../templates');

export interface BuildResult {
  archive: Archive;
  /** Files written into the site folder. */
  files: number;
  /** 0 when every scan was built (and, with `strict`, no warnings); 1 otherwise. */
  exitCode: number;
  /** One-line summary, e.g. "Built 1 issue, 1 page, 6 articles and 3 search shards (0.1 MB) in 0.7 s; 83 files written; …". */
  summary: string;
}

/** Normalize a base path to "/x/y/" form. */
export function normalizeBasePath(basePath: string | undefined): string {
  const parts = (basePath ?? '/').split('/').filter(Boolean);
  for (const p of parts) if (p === '.' || p === '..') throw new ArchiveError(`base path "${basePath}" must not contain "." or ".." segments`);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/**
 * Build the whole site: collect the archive, render what changed with
 * Eleventy into a scratch folder, and publish it as a new complete build
 * that `output` is switched to atomically (see `output/site-folder.ts`).
 * Killed at any moment, the site is the previous build or the new one, and
 * the next build completes the work; a build that changes nothing touches
 * no file of the site. Two builds of one output never interleave: the
 * second is refused.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const root = options.root ?? process.cwd();
  const output = path.resolve(root, options.output ?? '_site');
  const basePath = normalizeBasePath(options.basePath);
  const lock = lockSite(output);
  try {
    return await buildLocked(options, { started, root, output, basePath, lock });
  } finally {
    lock.release();
  }
}

async function buildLocked(options: BuildOptions, at: { started: number; root: string; output: string; basePath: string; lock: SiteLock }): Promise<BuildResult> {
  const { started, root, output, basePath, lock } = at;
  // Note: a shard is always rendered in full (its article and page views), with no render state: incremental builds are for whole sites.
  const only = options.only ? parseOnly(options.only) : null;
  removeStale(output);
  const site = openSite(output);
  // What the last build rendered, for an incremental build; read while scans are analyzed, or after.
  const stateFile = options.cache === null || only ? null : path.join(options.cache ?? path.join(root, '.cache'), 'render', `${sha256(output).slice(0, 16)}.json`);
  const siteVersion = `${siteCodeVersion()}|${basePath}|${process.env.SITE_URL ?? ''}`;
  let last: PreviousBuild | null | undefined;
  const lastBuild = () => (last === undefined ? (last = stateFile && !options.full && site.live ? time('state', () => readRenderState(stateFile, siteVersion, output, site)) : null) : last);
  // A build with no last build to go by renders everything: its heap is lean from the start (see `leanHeap`).
  if (!stateFile || options.full || !site.live) leanHeap();
  const whileAnalyzing = () => {
    // Note: when a scan changed, something is rendered (a build that changed nothing does not load Eleventy).
    preloadRenderer();
    lastBuild();
  };
  const { archive, key: archiveKey, origins, images, cacheDir } = await collectKeyed({ ...options, whileAnalyzing });
  killPoint('parsed');
  const staging = `${output}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });

  // Decide what to render: every unit, or only those whose data changed.
  const previous = lastBuild();
  // Everything the site is made of, as the last build saw it: the same means nothing to do.
  const input = sha256(JSON.stringify([archiveKey, staticVersion(), options.templates ?? null, options.unitsPerPass ?? UNITS_PER_PASS]));
  if (previous && previous.input === input) return unchanged(archive, previous, output, started, options);
  // Note: the input changed, so the spare build folder is needed; it is brought up to date beside the work below (on libuv's threads).
  const spare = site.live ? prepareSpare(site) : null;
  spare?.catch(() => {});
  // A first build has no spare to bring up to date: it fills an empty one with links to what each pass of the render wrote, beside the render.
  // Note: not a shard's: it is rendered whole every time, mostly once (a job of the shards' workflow), and only its build folder is shipped.
  const early = site.live || only ? null : new FirstSpare(site, staging);
  const room = time('room', () => roomOf(archive));
  const summaries = new Summaries(previous?.summaries);
  const units = time('plan', () => unitSignatures(room, { ...origins, summaries }));
  const plan = previous ? planRender(previous.units, units) : null;

  let files = 0;
  let note = '';
  let shards = 0;
  const count = (n: number) => n.toLocaleString('en-US');
  const plural = (n: number, w: string) => `${count(n)} ${w}${n === 1 ? '' : 's'}`;
  options.onStage?.(
    plan
      ? `Rendering ${count(plan.changed.length)} changed of ${count(units.size)} articles, pages, issues, reporters and keywords; indexing for search beside it`
      : `Rendering ${count(units.size)} articles, pages, issues, reporters and keywords; indexing ${count(archive.articles.length)} articles for search beside it`,
  );
  // The search index is written beside the render; doc ids oldest first.
  const indexed = startIndex(
    {
      articles: [...archive.articles].reverse(),
      cacheDir,
      words: archive.words,
      sources: origins.articles,
      previous: previous?.search ?? null,
      existing: plan ? previous!.index : null,
      from: previous && site.live ? path.join(site.live, 'search-index') : null,
      dir: path.join(staging, 'search-index'),
      deltaMost: options.searchDeltaMost,
    },
    options,
  );
  let published: { written: number; removed: number; swapped: boolean };
  let rendered = 0;
  try {
    try {
      // Every unit, or the changed ones.
      const keys = plan ? plan.changed : [...units.keys()];
      if (!plan) leanHeap();
      rendered = await renderUnits(archive, only ? keys.filter(isShardUnit) : keys, !plan && !only, {
        ...options,
        output: staging,
        basePath,
        sitePages: !only,
        onPass: early ? (written) => early.pass(written) : undefined,
      });
    } finally {
      await timeAsync('index wait', () => indexed);
    }
    const outcome = await indexed;
    if (!outcome.ok) throw outcome.e;
    const index = outcome.r;
    recordTime('index', index.ms);
    shards = index.manifest.segments.reduce((n, seg) => n + seg.length, 0);
    options.onStage?.(`Indexed ${plural(index.indexed, 'article')} for search${index.full ? '' : ' (patching the index of the last build)'}`);
    const bundled = time('bundle', () => writeClient(staging));
    // The web-size images not in the cache were made meanwhile, beside the render.
    await timeAsync('image wait', () => images.made);
    // Note: an incremental build links the images of the pages it rendered; the others are in the spare folder already.
    const renderedPages = plan && new Set(plan.changed.filter((k) => k.startsWith('p:')).map((k) => k.slice(2)));
    const imageFiles = time('image links', () => linkImages(renderedPages ? images.copies.filter((c) => renderedPages.has(c.page)) : images.copies, staging));
    fs.writeFileSync(path.join(staging, 'build-report.json'), JSON.stringify(buildReport(archive), null, 1) + '\n');
    if (only) writeSummary(staging, summarize(archive, only.spec, { code: siteCode(), basePath, siteUrl: process.env.SITE_URL || null }));
    lock.check();
    // Files in the scratch folder, known without listing it (a first build publishes it as it is).
    const made = rendered + index.written + bundled + imageFiles + 1 + (only ? 1 : 0);
    const spareDone = early && (await timeAsync('spare links', () => early.complete(made, images.copies.map((c) => c.to))));
    published = await timeAsync('publish', () => publish(site, staging, made, plan ? { removedUnits: plan.removed, changedUnits: plan.changed, index: index.contents, previousIndex: previous!.index } : null, spare));
    killPoint('published');
    if (plan) note = `; incremental: ${count(plan.changed.length)} of ${count(units.size)} units re-rendered, ${plural(published.removed, 'file')} removed`;
    files = published.written;
    const gen = openSite(output).liveId!;
    // The spare holds every file of the first build: the next build finds it up to date, with nothing to link.
    if (spareDone) writeChanges(site, gen, { base: early.id, changed: [] });
    if (stateFile) time('state', () => writeRenderState(stateFile, { siteVersion, input, output, gen, units: Object.fromEntries(units), summaries: summaries.toJSON(), index: Object.fromEntries(index.contents), search: index.state }));
  } catch (e) {
    early?.close();
    // The spare's sync is done before the lock is let go.
    await spare?.catch(() => {});
    // Note: the scratch folder is left for the next build to remove: Eleventy
    // may still be copying files into it, and pulling it away mid-copy turns
    // one error into two.
    throw new ArchiveError(`site render failed; the previous ${path.relative(root, output) || output} is untouched (the partial build in ${path.relative(root, staging)} is removed by the next build)`, { cause: e });
  }
  fs.rmSync(staging, { recursive: true, force: true });
  return finish(archive, { output, started, shards, files, swapped: published.swapped, note, strict: options.strict });
}

/**
 * Test hook: with `ARCHIVE_KILL_AT=<point>[:<n>]` in the environment, the
 * process kills itself with SIGKILL at that point of the build (at the n-th
 * call), so tests can check what a killed build leaves.
 */
function killPoint(point: string, n = 0): void {
  const at = process.env.ARCHIVE_KILL_AT;
  if (!at) return;
  const [name, count] = at.split(':');
  if (name === point && n >= Number(count ?? 0)) process.kill(process.pid, 'SIGKILL');
}

/**
 * Publish the scratch folder as the new live build: the live build with the
 * scratch files that differ from it, less what is gone (for an incremental
 * render: the removed units' files and the index files no longer used; for
 * a full one: whatever the scratch folder lacks). When nothing differs,
 * nothing is touched. Otherwise the spare build folder is made that site
 * (hard links) and `output` switched to it.
 *
 * @param made Files in the scratch folder.
 * @param incremental For an incremental render: the removed and the re-rendered units, and the index files (path → hash) of this build and the last; null when the scratch folder is the whole site.
 */
export async function publish(
  site: SiteFolder,
  staging: string,
  made: number,
  incremental: { removedUnits: string[]; changedUnits: string[]; index: Map<string, string>; previousIndex: Map<string, string> } | null,
  spare: Promise<{ dir: string; id: string }> | null,
): Promise<{ written: number; removed: number; swapped: boolean }> {
  if (!site.live) {
    // The first build: the scratch folder becomes the live build as it is.
    fs.mkdirSync(site.builds, { recursive: true });
    const dir = path.join(site.builds, newBuildId());
    fs.renameSync(staging, dir);
    pointAt(site.output, dir);
    return { written: made, removed: 0, swapped: true };
  }
  const scratch = filesOf(staging);
  const live = site.live;
  const inLive = (rel: string) => fs.existsSync(path.join(live, rel));
  // What differs from the live build: path → new file, or null to remove.
  const changes = new Map<string, string | null>();
  if (incremental) {
    for (const key of incremental.removedUnits) for (const rel of unitFiles(key).map((f) => f.replace(/^\//, ''))) if (inLive(rel)) changes.set(rel, null);
    // A unit rendered again may have fewer files (a page whose image is gone).
    for (const key of incremental.changedUnits) for (const rel of unitFiles(key).map((f) => f.replace(/^\//, ''))) if (!scratch.has(rel) && inLive(rel)) changes.set(rel, null);
    for (const rel of incremental.previousIndex.keys()) if (!incremental.index.has(rel) && inLive(`search-index/${rel}`)) changes.set(`search-index/${rel}`, null);
  } else {
    for (const rel of filesOf(live).keys()) if (!scratch.has(rel)) changes.set(rel, null);
  }
  for (const [rel, file] of scratch) if (!sameBytes(path.join(live, rel), file)) changes.set(rel, file);
  let written = 0;
  for (const src of changes.values()) if (src !== null) written++;
  const removed = changes.size - written;
  if (changes.size === 0) {
    // Note: the spare, brought up to date meanwhile, is a copy of the live build no record names; the next build syncs it by walking it.
    await spare;
    return { written, removed, swapped: false };
  }

  const { dir, id } = await spare!;
  await mirrorFiles(dir, changes, () => killPoint('sync', ++synced.n));
  writeChanges(site, id, { base: site.liveId!, changed: [...changes.keys()] });
  pointAt(site.output, dir);
  return { written, removed, swapped: true };
}

/** Kill-point count of the spare sync (test hook). */
const synced = { n: 0 };

/**
 * Start making the spare build folder a copy of the live build (hard
 * links), so it is ready when the render is done: renamed first (a build
 * killed meanwhile leaves a folder no record names), then brought up to date
 * from the live build's record of what it changed, or by walking it when
 * the spare's history is unknown (the first rebuild: the whole site linked
 * into an empty folder).
 */
export async function prepareSpare(site: SiteFolder): Promise<{ dir: string; id: string }> {
  const live = site.live!;
  const spare = spareFolder(site);
  const history = readChanges(site, site.liveId!);
  const id = newBuildId();
  const dir = path.join(site.builds, id);
  fs.renameSync(spare.dir, dir);
  const tick = () => killPoint('sync', ++synced.n);
  if (history && history.base === spare.id) {
    // The spare is the build before the live one: it differs only where the live build changed it.
    await mirrorFiles(dir, new Map(history.changed.map((rel) => [rel, fs.existsSync(path.join(live, rel)) ? path.join(live, rel) : null])), tick);
  } else {
    await syncTree(dir, filesOf(live), tick);
  }
  return { dir, id };
}

/**
 * The spare build folder of a first build, filled beside the render with
 * links to what it writes in the scratch folder (on a thread, see
 * `LinkThread`). Starts empty: a folder a killed first build left is emptied.
 */
class FirstSpare {
  readonly id: string;
  private readonly links: LinkThread;
  private readonly scratch: string;
  /** The copies of `public/` (absolute paths). */
  private readonly copies: string[] = [];

  constructor(site: SiteFolder, staging: string) {
    const { dir, id } = spareFolder(site);
    if (fs.readdirSync(dir).length) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir);
    }
    this.id = id;
    this.links = new LinkThread(dir);
    this.scratch = path.resolve(staging);
  }

  /** Link the pages of a pass of the render, written now. */
  pass(written: { pages: string[]; copies: string[] }): void {
    this.links.add(written.pages.map((f) => [this.rel(f), f]));
    // Note: linked once the render is done: each pass copies them again, as new files.
    this.copies.push(...written.copies);
  }

  /**
   * Link what was written after the render or again by each pass (the search
   * index, the search page's scripts, the copies of `public/`, page images,
   * the build report), and wait for every link.
   *
   * @param made Files in the scratch folder.
   * @param images Page images in it (relative paths).
   * @returns Whether the spare now holds all `made` files of the scratch
   * folder. When not (a kind of file this does not know of, a link that
   * failed), the next build walks the spare as after any build it has no
   * record of: slower, never wrong.
   */
  async complete(made: number, images: string[]): Promise<boolean> {
    const under = (sub: string) => [...filesOf(path.join(this.scratch, sub))].map(([rel, f]): [string, string] => [`${sub}/${rel}`, f]);
    const top = fs.readdirSync(this.scratch, { withFileTypes: true }).filter((e) => e.isFile());
    this.links.add([
      ...under('search-index'),
      ...under('js'),
      ...this.copies.map((f): [string, string] => [this.rel(f), f]),
      ...images.map((rel): [string, string] => [rel, path.join(this.scratch, rel)]),
      ...top.map((e): [string, string] => [e.name, path.join(this.scratch, e.name)]),
    ]);
    try {
      await this.links.done();
    } catch {
      return false;
    }
    return this.links.paths.size === made;
  }

  /** Stop linking (a build that failed). */
  close(): void {
    this.links.close();
  }

  /** A scratch folder file's path relative to it, with `/`. */
  private rel(file: string): string {
    return path.relative(this.scratch, file).split(path.sep).join('/');
  }
}

/** Whether two files hold the same bytes (false when the first is missing). */
export function sameBytes(a: string, b: string): boolean {
  const sa = fs.statSync(a, { throwIfNoEntry: false });
  if (!sa) return false;
  const sb = fs.statSync(b);
  if (sa.size !== sb.size) return false;
  if (sa.ino === sb.ino && sa.dev === sb.dev) return true;
  return fs.readFileSync(a).equals(fs.readFileSync(b));
}

/**
 * Start the search stage: on a worker thread when a full index of a large
 * archive lets the second core pay off, else on this thread.
 * The promise never rejects: it settles with the outcome, so a failed render
 * can wait for it and never leave the worker writing.
 */
function startIndex(job: IndexJob, options: BuildOptions): Promise<{ ok: true; r: IndexJobResult } | { ok: false; e: unknown }> {
  options.onProgress?.('Indexing', 0, job.articles.length);
  // Note: an incremental index (only the changed articles) is quicker here
  // than the worker's start and the copy of every article it needs.
  const onWorker = options.indexOnWorker ?? (job.previous === null && job.articles.length >= INDEX_WORKER_MIN);
  return (onWorker ? runIndexJobInWorker : runIndexJob)(job, (done, total) => {
    killPoint('index', done);
    options.onProgress?.('Indexing', done, total);
  }).then(
    (r) => ({ ok: true as const, r }),
    (e: unknown) => ({ ok: false as const, e }),
  );
}

/**
 * Let V8's heaps grow by half between full collections, for the rest of the
 * process. By default a heap may grow to four times what was live after one,
 * so a full render's memory was mostly garbage: at 5,000 pages 1.7 GB of heap
 * held 0.75 GB live. With this from the start, the cold build's peak fell from
 * 3.6 to 2.9 GB in the same time. Only for a full render: an edit at 5,000
 * pages took 1.4 s longer with it (11.5 against 10.1 s, three runs each).
 * Note: the limit a collection sets holds until the next one, so set late (when
 * the render starts) the heap first grew to the limit the parse had left: at
 * 20,000 pages the build's memory climbed from 1.1 to 2.8 GB in the first 30 s
 * of the render, then fell to 1.8 GB at the first full collection.
 */
function leanHeap(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}

/**
 * Render the units with these keys and the site-wide pages, in as many
 * Eleventy runs as `unitsPerPass` asks for.
 *
 * @param all Whether the keys are every unit (one run then needs no selection).
 * @param options `sitePages: false` leaves the site-wide pages out (a shard's build); `onPass` is given the files of each pass once it is written.
 * @returns Files written.
 */
export async function renderUnits(
  archive: Archive,
  keys: string[],
  all: boolean,
  options: BuildOptions & { output: string; basePath: string; sitePages?: boolean; onPass?: (files: { pages: string[]; copies: string[] }) => void },
): Promise<number> {
  const passes = renderPasses(keys, options.unitsPerPass ?? UNITS_PER_PASS);
  let files = 0;
  let keysBefore = 0;
  const writes = new WriteThread();
  try {
    for (const [i, pass] of passes.entries()) {
      const filesBefore = files;
      // Progress over all passes: this pass's files, scaled up for the passes still to come.
      const scale = pass.length ? (keys.length - keysBefore) / pass.length : 1;
      const written = await timeAsync('render', () =>
        renderSite(archive, {
          output: options.output,
          basePath: options.basePath,
          templates: options.templates,
          selection: all && passes.length === 1 ? null : selectionOf(pass),
          sitePages: i === 0 && options.sitePages !== false,
          writes,
          onProgress: (done, total) => {
            killPoint('render', filesBefore + done);
            options.onProgress?.('Rendering', filesBefore + done, filesBefore + Math.max(done, Math.round(total * scale)));
          },
        }),
      );
      files += written.pages.length + written.copies.length;
      options.onPass?.(written);
      keysBefore += pass.length;
    }
  } finally {
    writes.close();
  }
  return files;
}

/**
 * Version of what shapes the rendered pages (read at each build): the
 * Eleventy configuration with every module it imports, and the templates.
 * Static files and the search bundle are written by every build anyway and
 * land only where their bytes changed.
 */
const siteCodeVersion = () => codeVersion([...importGraph(runningFile(path.join(import.meta.dirname, 'site/eleventy-config.ts'))), TEMPLATES]);

interface RenderState {
  siteVersion: string;
  /** Key of the archive and the static files the build was made from. */
  input: string;
  output: string;
  /** Id of the build folder this state describes. */
  gen: string;
  /** Unit key → signature. */
  units: Record<string, string>;
  /** Articles' list entries (see `Summaries`). */
  summaries: Record<string, string>;
  /** search-index file → content hash. */
  index: Record<string, string>;
  search: SearchState;
}

/**
 * The state of the last build of `output`, when it can be trusted for an
 * incremental build: it describes the live build folder (not one before it,
 * as after a build killed between publishing and saving the state), and the
 * shards it names are there.
 */
function readRenderState(file: string, siteVersion: string, output: string, site: SiteFolder): PreviousBuild | null {
  try {
    const raw = fs.readFileSync(file, 'utf8');
    const line = raw.indexOf('\n');
    if (line < 0 || sha256(raw.slice(line + 1)) !== raw.slice(0, line)) return null;
    const rest = JSON.parse(raw.slice(line + 1)) as RenderState;
    if (rest.siteVersion !== siteVersion || rest.output !== output || rest.gen !== site.liveId || !site.live) return null;
    if (!rest.search?.shards || [...rest.search.shards, ...(rest.search.delta ?? [])].some((s) => !fs.existsSync(path.join(site.live!, 'search-index', s.file)))) return null;
    return { input: rest.input, units: new Map(Object.entries(rest.units)), summaries: rest.summaries, index: new Map(Object.entries(rest.index)), search: rest.search };
  } catch {
    return null;
  }
}

interface PreviousBuild {
  input: string;
  units: Map<string, string>;
  summaries: Record<string, string>;
  index: Map<string, string>;
  search: SearchState;
}

/**
 * Version of the files every build copies or bundles anyway: `public/`,
 * the search page's sources (bundled with esbuild) and Eleventy's version.
 */
const staticVersion = () =>
  codeVersion([path.join(import.meta.dirname, '../public'), path.join(import.meta.dirname, 'search'), ...['@11ty/eleventy', 'esbuild'].map(packageFile)]);

/**
 * Version of everything that shapes a site's files from its archive: the
 * rendering code, templates, static files and search page. Shards merge only
 * with the code that built them.
 */
export const siteCode = () => sha256(JSON.stringify([siteCodeVersion(), staticVersion()]));

/** Whether a unit is rendered by a shard build: article and page views and issue JSON (the merge renders the rest). */
const isShardUnit = (key: string) => key[0] === 'a' || key[0] === 'p' || key[0] === 'j';

/** A package's package.json (found from its main file: some packages do not export it). */
function packageFile(name: string): string {
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file) && JSON.parse(fs.readFileSync(file, 'utf8')).name === name) return file;
  }
  throw new Error(`no package.json found for ${name}`);
}

/**
 * The result of a build whose input is the last build's: the live site is
 * already its output, and nothing is rendered, indexed or written.
 */
function unchanged(archive: Archive, previous: PreviousBuild, output: string, started: number, options: BuildOptions): BuildResult {
  options.onStage?.('Nothing changed since the last build');
  const shards = previous.search.shards.length + (previous.search.delta?.length ?? 0);
  return finish(archive, { output, started, shards, files: 0, swapped: false, note: '; incremental: nothing changed', strict: options.strict });
}

/** The summary and exit code of a build. */
function finish(archive: Archive, r: { output: string; started: number; shards: number; files: number; swapped: boolean; note: string; strict?: boolean }): BuildResult {
  const count = (n: number) => n.toLocaleString('en-US');
  const plural = (n: number, w: string) => `${count(n)} ${w}${n === 1 ? '' : 's'}`;
  const errors = archive.problems.filter((p) => p.severity === 'error').length;
  const warnings = archive.problems.length - errors;
  const pages = archive.issues.reduce((n, i) => n + i.pages.length, 0);
  const seconds = ((performance.now() - r.started) / 1000).toFixed(1);
  let summary = `Built ${plural(archive.issues.length, 'issue')}, ${plural(pages, 'page')}, ${plural(archive.articles.length, 'article')} and ${plural(r.shards, 'search shard')} (${(dirBytes(path.join(r.output, 'search-index', 's')) / 1e6).toFixed(1)} MB) in ${seconds} s; ${r.swapped ? plural(r.files, 'file') + ' written' : 'no file changed'}; ${count(archive.stats.charsPlaced)} of ${count(archive.stats.charsRead)} characters placed${r.note}`;
  if (archive.skipped.length) summary += `; skipped ${plural(archive.skipped.length, 'scan')}: ${archive.skipped.join(', ')}`;
  if (errors || warnings) summary += `; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const failed = errors > 0 || archive.skipped.length > 0 || (r.strict === true && warnings > 0);
  return { archive, files: r.files, exitCode: failed ? 1 : 0, summary };
}

function writeRenderState(file: string, state: RenderState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  // The hash of the JSON on the first line: checked against the text, which is not made again for it.
  const json = JSON.stringify(state);
  fs.writeFileSync(tmp, `${sha256(json)}\n${json}`);
  fs.renameSync(tmp, file);
}

/** `build-report.json`: what was read, built, skipped and placed. */
export function buildReport(archive: Archive) {
  return {
    scans: archive.stats.scans,
    built: archive.stats.scans - archive.skipped.length,
    skipped: byPath(archive.skipped, (f) => f),
    issues: archive.issues.length,
    pages: archive.issues.reduce((n, i) => n + i.pages.length, 0),
    articles: archive.articles.length,
    untitled: archive.articles.filter((a) => a.untitled).length,
    charactersRead: archive.stats.charsRead,
    charactersPlaced: archive.stats.charsPlaced,
    // Note: by file (each file's in the order found), so shards' reports merge into the report of one build.
    problems: byPath(archive.problems, (p) => p.file).map((p) => ({ file: p.file, line: p.line ?? null, severity: p.severity, rule: p.ruleId, message: p.message })),
  };
}

/**
 * Items by their file, folder by folder (the order scans are read in);
 * items of one file keep their order.
 */
function byPath<T>(items: T[], pathOf: (item: T) => string): T[] {
  const parts = new Map(items.map((i) => [pathOf(i), pathOf(i).split('/')]));
  const compare = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length - b.length;
  };
  return [...items].sort((a, b) => compare(parts.get(pathOf(a))!, parts.get(pathOf(b))!));
}

/** Templates of site-wide pages: those at the top of the templates folder without pagination in their front matter. */
function sitePageTemplates(templates: string): string[] {
  return fs
    .readdirSync(templates)
    .filter((f) => /\.(njk|md|11ty\.js)$/.test(f))
    .map((f) => path.join(templates, f))
    .filter((f) => !/^pagination:/m.test(/^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(f, 'utf8'))?.[1] ?? ''));
}

let renderer: Promise<[typeof import('@11ty/eleventy'), typeof import('./site/eleventy-config.ts')]> | null = null;

/**
 * Start loading Eleventy and the site's configuration (about 0.5 s), once per
 * process. Note: only when something is rendered, not by a build that changed nothing.
 */
function preloadRenderer() {
  if (!renderer) {
    renderer = Promise.all([import('@11ty/eleventy'), import('./site/eleventy-config.ts')]);
    // Note: a failure to load is reported by the render that awaits it, not as an unhandled rejection meanwhile.
    renderer.catch(() => {});
  }
  return renderer;
}

/** Render an archive with Eleventy into `output`. Returns the files it wrote (absolute paths): pages, and the copies of `public/`. */
export async function renderSite(
  archive: Archive,
  options: {
    output: string;
    basePath: string;
    templates?: string;
    /** Units to render; null for all. */
    selection?: RenderSelection | null;
    /** Render the site-wide pages (home, indexes, feed, sitemap…) too; default true. */
    sitePages?: boolean;
    /** The thread that writes the pages; without it, one for this render. */
    writes?: WriteThread;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<{ pages: string[]; copies: string[] }> {
  setArchive(archive, options.selection ?? null);
  const [{ default: Eleventy }, { default: configure }] = await preloadRenderer();
  const templates = options.templates ?? TEMPLATES;
  if (!fs.existsSync(templates)) throw new ArchiveError(`no templates folder at ${templates}`);
  // Note: the config function is passed in, not loaded from a config file by path,
  // so no TypeScript loader is needed inside Eleventy (and vitest can run builds).
  const elev = new Eleventy(templates, options.output, {
    pathPrefix: options.basePath,
    quietMode: true,
    config: (eleventyConfig: any) => {
      configure(eleventyConfig);
      if (options.sitePages === false) for (const file of sitePageTemplates(templates)) eleventyConfig.ignores.add(path.relative(process.cwd(), file));
      const onProgress = options.onProgress;
      if (!onProgress) return;
      // Progress: the content map gives the number of output files before
      // rendering starts; the transform runs once per file rendered.
      let total = 0;
      let done = 0;
      eleventyConfig.on('eleventy.contentMap', ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => {
        total = Object.keys(urlToInputPath).length;
        onProgress(0, total);
      });
      eleventyConfig.addTransform('archive-progress', (content: unknown) => {
        onProgress(++done, Math.max(total, done));
        return content;
      });
    },
  });
  const writes = options.writes ?? new WriteThread();
  const unroute = await routeEleventyWrites(options.output, writes);
  let copied: Array<{ map?: Record<string, string> }>;
  let written: Array<{ outputPath?: string | false }>;
  try {
    [copied, written] = (await elev.write()) as [typeof copied, typeof written];
    // Note: returns once every page is on disk, as Eleventy's own writes are.
    await writes.flush();
  } finally {
    unroute?.();
    if (!options.writes) writes.close();
  }
  const pages = written.flatMap((w) => (w.outputPath ? [path.resolve(w.outputPath)] : []));
  // Note: every run copies public/ again (the same files, new inodes); they count once, with the site pages.
  const copies = options.sitePages === false ? [] : copied.flatMap((c) => Object.values(c.map ?? {}).map((f) => path.resolve(f)));
  return { pages, copies };
}

