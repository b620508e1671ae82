/**
 * The published site folder, switched atomically from one complete build to
 * the next.
 *
 * `_site` is a symbolic link to a complete build in `_site.builds/<id>/`.
 * A build renders into a scratch folder, brings the spare build folder (the
 * one before the live one) up to date with hard links, and then points
 * `_site` at it with one `rename(2)` of a new link over the old: a reader,
 * a web server or a killed build only ever sees the old site or the new
 * one, never a mix. The folder that was live becomes the spare. Each build
 * records the paths it changed (`<id>.changes.json`), so the next one brings
 * the spare up to date on those paths only: a build costs what changed, not
 * a copy of the site. When the spare's history is unknown (the first
 * rebuild, a build killed while syncing it) it is synced by walking both.
 *
 * A lock file `_site.lock` (holding the pid) keeps two builds from writing
 * one site at once; a lock whose process is gone is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ArchiveError } from '../util/errors.ts';

/** The site folder of one build output. */
export interface SiteFolder {
  /** The path readers use (`_site`), a link to the live build. */
  output: string;
  /** Where the builds live (`_site.builds`). */
  builds: string;
  /** The live build's folder, or null before the first build. */
  live: string | null;
  /** Id of the live build (its folder's name), or null. */
  liveId: string | null;
}

/** Thrown when another build holds the lock of a site folder. */
export class SiteLockedError extends ArchiveError {}

/** A held lock: `check` throws when another build took it over; `release` gives it up. */
export interface SiteLock {
  check(): void;
  release(): void;
}

/**
 * Take the lock of a site folder for this process.
 *
 * @throws SiteLockedError when a live process holds it.
 */
export function lockSite(output: string): SiteLock {
  const file = `${output}.lock`;
  const shown = path.relative(process.cwd(), output) || output;
  fs.mkdirSync(path.dirname(output), { recursive: true });
  const me = JSON.stringify({ pid: process.pid, started: startTime(process.pid) });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // Note: written beside and linked in, so the lock file is never seen half written.
      const tmp = `${file}.${process.pid}`;
      fs.writeFileSync(tmp, me);
      try {
        fs.linkSync(tmp, file);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      const ino = fs.statSync(file).ino;
      const held = () => fs.statSync(file, { throwIfNoEntry: false })?.ino === ino;
      return {
        check: () => {
          if (!held()) throw new SiteLockedError(`another build took over the lock of ${shown}; this build stops without publishing`);
        },
        release: () => {
          if (held()) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const ino = fs.statSync(file, { throwIfNoEntry: false })?.ino;
    let holder: { pid?: unknown; started?: unknown } | null = null;
    try {
      holder = JSON.parse(readOr(file) ?? 'null');
    } catch {
      holder = null;
    }
    if (holder && typeof holder.pid === 'number' && isAlive(holder.pid) && (holder.started ?? null) === startTime(holder.pid)) {
      throw new SiteLockedError(`another build (pid ${holder.pid}) is writing ${shown}; wait for it to finish (or stop it) and run this one again`);
    }
    // Stale: its build was killed. Take it away, but only that very file:
    // another build may have replaced it meanwhile (then put that one back).
    const moved = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, moved);
    } catch {
      continue;
    }
    if (fs.statSync(moved).ino !== ino) {
      try {
        fs.linkSync(moved, file);
      } catch {
        // Someone else took it meanwhile; they hold it.
      }
    }
    fs.rmSync(moved, { force: true });
  }
  throw new SiteLockedError(`could not take the lock ${file}: other builds keep taking it`);
}

/**
 * Open the site folder: find the live build. A plain `_site` folder from an
 * earlier version becomes the first build folder.
 * Note: that move is the one moment `_site` does not exist (two renames); it
 * happens once.
 */
export function openSite(output: string): SiteFolder {
  const builds = `${output}.builds`;
  const st = fs.lstatSync(output, { throwIfNoEntry: false });
  if (st?.isDirectory()) {
    fs.mkdirSync(builds, { recursive: true });
    const id = newBuildId();
    fs.renameSync(output, path.join(builds, id));
    pointAt(output, path.join(builds, id));
    return { output, builds, live: path.join(builds, id), liveId: id };
  }
  if (st && !st.isSymbolicLink()) throw new ArchiveError(`${output} is a file, not a site folder; move it away`);
  if (st) {
    const live = path.resolve(path.dirname(output), fs.readlinkSync(output));
    if (path.dirname(live) === builds && fs.existsSync(live)) return { output, builds, live, liveId: path.basename(live) };
  }
  return { output, builds, live: null, liveId: null };
}

/** Time of the last build id this process made. */
let lastId = 0;

/** A fresh build id (a folder name under `_site.builds`); later ids sort later, and a process never makes one twice (a first build makes two, its spare's and its own, maybe in the same millisecond). */
export function newBuildId(): string {
  lastId = Math.max(Date.now(), lastId + 1);
  return `${lastId.toString(36).padStart(9, '0')}-${process.pid}`;
}

/**
 * Point `output` at a build folder, atomically: a new link is made beside
 * it and renamed over the old one.
 */
export function pointAt(output: string, dir: string): void {
  const link = `${output}.link-${process.pid}`;
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(path.dirname(output), dir), link);
  fs.renameSync(link, output);
}

/**
 * The spare build folder (any build folder but the live one), emptied of
 * nothing: it is brought up to date by `syncTree`. Others are removed.
 * Created empty when there is none.
 */
export function spareFolder(site: SiteFolder): { dir: string; id: string } {
  fs.mkdirSync(site.builds, { recursive: true });
  const entries = fs.readdirSync(site.builds, { withFileTypes: true });
  const others = entries
    .filter((e) => e.isDirectory() && e.name !== site.liveId)
    .map((e) => e.name)
    .sort();
  const keep = others.pop();
  for (const n of others) fs.rmSync(path.join(site.builds, n), { recursive: true, force: true });
  const id = keep ?? newBuildId();
  fs.mkdirSync(path.join(site.builds, id), { recursive: true });
  return { dir: path.join(site.builds, id), id };
}

/** What a build changed against the build before it: build `id` is build `base` with `changed` paths replaced or removed. */
export interface BuildChanges {
  base: string;
  changed: string[];
}

/** The changes recorded for build `id`, or null. */
export function readChanges(site: SiteFolder, id: string): BuildChanges | null {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(site.builds, `${id}.changes.json`), 'utf8')) as BuildChanges;
    return typeof data.base === 'string' && Array.isArray(data.changed) ? data : null;
  } catch {
    return null;
  }
}

/** Record the changes of build `id`, and drop the records of other builds. */
export function writeChanges(site: SiteFolder, id: string, changes: BuildChanges): void {
  const file = path.join(site.builds, `${id}.changes.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(changes));
  fs.renameSync(`${file}.tmp`, file);
  for (const n of fs.readdirSync(site.builds)) if (n.endsWith('.changes.json') && n !== `${id}.changes.json`) fs.rmSync(path.join(site.builds, n), { force: true });
}

/**
 * Make paths of `dir` hold hard links to their sources (relative path →
 * source), or remove them (null) with the folders they leave empty: the
 * removals first, one by one, then the links, several at a time on libuv's
 * thread pool. A path already linked to its source is left alone.
 *
 * @param onChange Called after each path.
 */
export async function mirrorFiles(dir: string, paths: Map<string, string | null>, onChange?: () => void): Promise<void> {
  const links: Array<[string, string]> = [];
  // Note: folders left empty are removed once all removals are done; checking after each (a folder of 2,500 shards, 1,900 removed) took seconds.
  const emptied = new Set<string>();
  for (const [rel, src] of paths) {
    if (src !== null) {
      links.push([rel, src]);
      continue;
    }
    const target = path.join(dir, rel);
    if (fs.lstatSync(target, { throwIfNoEntry: false })) {
      fs.rmSync(target, { recursive: true, force: true });
      emptied.add(path.dirname(target));
    }
    onChange?.();
  }
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let d = folder; d.startsWith(dir + path.sep) && fs.existsSync(d) && fs.readdirSync(d).length === 0; d = path.dirname(d)) fs.rmdirSync(d);
  }
  let next = 0;
  const worker = async () => {
    while (next < links.length) {
      const [rel, src] = links[next++];
      await linkIntoAsync(dir, rel, src);
      onChange?.();
    }
  };
  await Promise.all(Array.from({ length: CLONE_CONCURRENCY }, worker));
}

/** One link of `mirrorFiles`, on the thread pool; the rare cases (a folder in the way, a folder missing, no hard links) go to `linkInto`. */
async function linkIntoAsync(dir: string, rel: string, src: string): Promise<void> {
  const target = path.join(dir, rel);
  const [st, ss] = await Promise.all([fs.promises.lstat(target).catch(() => null), fs.promises.stat(src)]);
  if (st?.ino === ss.ino) return;
  if (st?.isDirectory()) return linkInto(dir, rel, src);
  const tmp = `${target}.sync-tmp`;
  await fs.promises.rm(tmp, { force: true });
  try {
    await fs.promises.link(src, tmp);
  } catch {
    return linkInto(dir, rel, src);
  }
  await fs.promises.rename(tmp, target);
}

/** Put a hard link to `src` at `rel` under `dir` (beside, then renamed over); a copy where links fail. */
function linkInto(dir: string, rel: string, src: string): void {
  const target = path.join(dir, rel);
  const tmp = `${target}.sync-tmp`;
  fs.rmSync(tmp, { force: true });
  try {
    fs.linkSync(src, tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      ensureDir(dir, path.dirname(rel));
      return linkInto(dir, rel, src);
    }
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw e;
    fs.copyFileSync(src, tmp);
  }
  const st = fs.lstatSync(target, { throwIfNoEntry: false });
  if (st?.isDirectory()) fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(tmp, target);
}

/**
 * Make `dir` hold exactly the files of `desired` (relative path → file to
 * take it from), as hard links: a file already linked to its source is left
 * alone, others are replaced (link beside, then rename), files not desired
 * removed, folders left empty removed. Copies where hard links fail.
 *
 * @param onChange Called after each file added, replaced or removed.
 * @returns Files added or replaced, and removed.
 */
export async function syncTree(dir: string, desired: Map<string, string>, onChange?: () => void): Promise<{ linked: number; removed: number }> {
  if (fs.readdirSync(dir).length === 0) return { linked: await cloneInto(dir, desired, onChange), removed: 0 };
  let linked = 0;
  let removed = 0;
  const seen = new Set<string>();
  const place = (rel: string, src: string) => {
    linkInto(dir, rel, src);
    linked++;
    onChange?.();
  };
  const walk = (sub: string) => {
    const abs = path.join(dir, sub);
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) {
        walk(rel);
        if (fs.readdirSync(path.join(dir, rel)).length === 0) fs.rmdirSync(path.join(dir, rel));
        continue;
      }
      const src = desired.get(rel);
      if (src === undefined) {
        fs.rmSync(path.join(dir, rel), { force: true });
        removed++;
        onChange?.();
        continue;
      }
      seen.add(rel);
      if (fs.lstatSync(path.join(dir, rel)).ino !== fs.statSync(src).ino) place(rel, src);
    }
  };
  walk('');
  for (const [rel, src] of desired) if (!seen.has(rel)) place(rel, src);
  return { linked, removed };
}

/**
 * Fill an empty folder with hard links: one `link(2)` per file and one
 * `mkdir(2)` per folder (the first rebuild after a first build links the
 * whole site), several at a time on libuv's thread pool, so the kernel's
 * work runs on every core. The folder may hold other files, none at the
 * paths given. Copies where hard links fail.
 */
export async function cloneInto(dir: string, desired: Map<string, string>, onChange?: () => void): Promise<number> {
  const links = new LinkQueue(dir, onChange);
  links.add(desired);
  return links.done();
}

/**
 * Hard links into a folder that holds none at their paths, made in the
 * background, several at a time on libuv's thread pool, as paths are added
 * (on the thread of `LinkThread`, a first build fills its spare build folder
 * this way beside the render, one pass's files at a time). Each path is
 * added once. Copies where hard links fail.
 */
export class LinkQueue {
  /** Folder (relative path) → its mkdir, made once. */
  private readonly made = new Map<string, Promise<unknown>>([['.', Promise.resolve()]]);
  private readonly pending: Array<[string, string]> = [];
  private running: Array<Promise<void>> = [];
  private active = 0;
  private failure: { e: unknown } | null = null;
  /** Paths linked so far. */
  linked = 0;

  /** @param onChange Called after each link. */
  constructor(
    readonly dir: string,
    private readonly onChange?: () => void,
  ) {}

  /** Link these (relative path → source) too. */
  add(files: Iterable<[string, string]>): void {
    for (const file of files) this.pending.push(file);
    while (this.active < CLONE_CONCURRENCY && this.pending.length) {
      this.active++;
      // Note: a failure is kept for `done`, so no promise is left rejected with no handler.
      this.running.push(this.work().catch((e: unknown) => void (this.failure ??= { e })));
    }
  }

  /** Wait for every link added; rejects with the first failure. @returns Paths linked. */
  async done(): Promise<number> {
    while (this.running.length) {
      const running = this.running;
      this.running = [];
      await Promise.all(running);
    }
    if (this.failure) throw this.failure.e;
    return this.linked;
  }

  private async work(): Promise<void> {
    try {
      for (let next = this.pending.pop(); next; next = this.pending.pop()) {
        const [rel, src] = next;
        await this.mkdir(path.posix.dirname(rel));
        try {
          await fs.promises.link(src, path.join(this.dir, rel));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw e;
          await fs.promises.copyFile(src, path.join(this.dir, rel));
        }
        this.linked++;
        this.onChange?.();
      }
    } finally {
      this.active--;
    }
  }

  private mkdir(rel: string): Promise<unknown> {
    let p = this.made.get(rel);
    if (!p) {
      // Note: a folder may be there already (`archive merge` links shards into a folder Eleventy wrote).
      p = this.mkdir(path.posix.dirname(rel)).then(() =>
        fs.promises.mkdir(path.join(this.dir, rel)).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'EEXIST') throw e;
        }),
      );
      this.made.set(rel, p);
    }
    return p;
  }
}

/** Links made at once while filling an empty build folder. */
const CLONE_CONCURRENCY = 16;

/** Make the folder `rel` under `dir`, removing a file that stands in its way. */
function ensureDir(dir: string, rel: string): void {
  let at = dir;
  for (const part of rel.split('/').filter(Boolean)) {
    at = path.join(at, part);
    const st = fs.lstatSync(at, { throwIfNoEntry: false });
    if (st && !st.isDirectory()) fs.rmSync(at, { force: true });
    if (!st || !st.isDirectory()) fs.mkdirSync(at);
  }
}

/** Every file under `dir` as relative path (with `/`) → full path, in no particular order. */
export function filesOf(dir: string): Map<string, string> {
  // Note: a plain walk in the folders' own order: sorting and relative paths took 1.6 s over 90,000 files.
  const files = new Map<string, string>();
  const walk = (abs: string, rel: string) => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const a = `${abs}${path.sep}${e.name}`;
      if (e.isDirectory()) walk(a, r);
      else files.set(r, a);
    }
  };
  walk(dir, '');
  return files;
}

/** Folders and files a killed build of `output` left (`_site.tmp-<pid>`, `_site.old-<pid>`, `_site.link-<pid>`, `_site.lock.<pid>`, `_site.lock.stale-<pid>`) whose process is gone. */
export function removeStale(output: string): void {
  const dir = path.dirname(output);
  const base = path.basename(output);
  if (!fs.existsSync(dir)) return;
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:tmp-|old-|link-|lock\\.|lock\\.stale-)(\\d+)$`);
  for (const name of fs.readdirSync(dir)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || !isAlive(pid)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    return process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When a process started (Linux: field 22 of /proc/<pid>/stat), so a reused pid is not taken for the lock's owner; null elsewhere. */
function startTime(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function readOr(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
