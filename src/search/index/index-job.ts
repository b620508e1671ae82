/**
 * The search stage of a build as one job: plan the segments, write the
 * files, return what the next build needs. A large archive runs it on a
 * worker thread while Eleventy renders on the main thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startWorker } from '../../util/workers.ts';
import { ArticleWords, type PortableWords } from '../../cache/article-words.ts';
import { portableArticles, type PortableArticles } from '../../cache/analysis-heads.ts';
import { time, timeAsync } from '../../util/timing.ts';
import type { WordCounts } from '../../types.ts';
import type { ShardManifest } from '../types.ts';
import { INDEXED_FIELDS, type IndexedArticle } from './build-index.ts';
import { planIndex, StaleIndexError, type SearchState } from './segments.ts';
import { writeIndex } from './write-index.ts';

export interface IndexJob {
  /** Articles, oldest first (doc ids follow this order). */
  articles: IndexedArticle[];
  /** The build cache's folder, which has the bodies of articles made from their heads (a worker reads them there); null: no cache. */
  cacheDir?: string | null;
  /** Words of each article by id, from the analysis (else cut again). */
  words: WordCounts | undefined;
  /**
   * Article id → key of everything the article was made from (the same key,
   * the same article), so unchanged articles need not be hashed; absent: hashed.
   */
  sources?: Map<string, string>;
  /** Search state of the last build, or null to write in full. */
  previous: SearchState | null;
  /** Index files the previous build wrote, relative path → content hash: not written again. */
  existing: Map<string, string> | null;
  /** The previous build's `search-index/` folder, whose postings `previous` describes. */
  from: string | null;
  /** Folder to write into (the staged site's `search-index/`). */
  dir: string;
  /** Target size of one shard in bytes (tests); default that of `writeIndex`. */
  shardBytes?: number;
  /** See `DELTA_MOST` (tests); default it. */
  deltaMost?: number;
  /** See `RUN_ARTICLES` (tests); default it. */
  runArticles?: number;
}

export interface IndexJobResult {
  manifest: ShardManifest;
  /** Every index file, relative path → content hash. */
  contents: Map<string, string>;
  written: number;
  /** Articles whose terms this build collected (all, or the changed ones). */
  indexed: number;
  full: boolean;
  state: SearchState;
  /** Time the job took where it ran, in ms. */
  ms: number;
}

type OnProgress = (done: number, total: number) => void;

/** Run the job on the calling thread. */
export async function runIndexJob(job: IndexJob, onProgress?: OnProgress): Promise<IndexJobResult> {
  const started = performance.now();
  const from = job.from;
  const read = from ? (file: string) => readOrNull(path.join(from, file)) : undefined;
  const existing = job.existing ?? undefined;
  let plan = time('index plan', () => planIndex(job.articles, job.words, job.previous, onProgress, read, existing, job.sources, job.deltaMost, job.runArticles));
  let index;
  try {
    index = await timeAsync('index write', () => writeIndex(plan.files, job.dir, { existing, shardBytes: job.shardBytes }));
  } catch (e) {
    if (!(e instanceof StaleIndexError)) throw e;
    // A shard of the last build is missing or damaged: collect everything.
    plan = time('index plan', () => planIndex(job.articles, job.words, null, onProgress, undefined, undefined, job.sources, job.deltaMost, job.runArticles));
    index = await timeAsync('index write', () => writeIndex(plan.files, job.dir, { existing, shardBytes: job.shardBytes }));
  }
  return {
    manifest: index.manifest,
    contents: index.contents,
    written: index.written,
    indexed: plan.indexed,
    full: plan.full,
    state: plan.state(index.manifest.segments),
    ms: performance.now() - started,
  };
}

/** A job as a worker thread gets it: cached words and bodies it reads itself (see `ArticleWords.portable`, `portableArticles`). */
export type PostedIndexJob = Omit<IndexJob, 'articles'> & { wordsFrom?: PortableWords; articlesFrom: PortableArticles };

/** What the worker posts: progress, or how the job ended. */
export type IndexWorkerMessage = { progress: [number, number] } | { result: IndexJobResult } | { error: string; bodyGone?: boolean };

/**
 * Run the job on a worker thread (which gets a copy of it); the promise
 * settles when it is done. When an article's body is no longer in the cache
 * (its entry was removed or damaged meanwhile), the job runs again on this
 * thread, whose articles read it again.
 */
export function runIndexJobInWorker(job: IndexJob, onProgress?: OnProgress): Promise<IndexJobResult> {
  const { articles, ...rest } = job;
  const posted: PostedIndexJob = { ...rest, articlesFrom: portableArticles(articles, job.cacheDir ?? null, INDEXED_FIELDS) };
  if (job.words instanceof ArticleWords) Object.assign(posted, { words: undefined, wordsFrom: job.words.portable() });
  const worker = startWorker(new URL('./index-worker.ts', import.meta.url), { job: posted });
  return new Promise<IndexJobResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (msg: IndexWorkerMessage) => {
      if ('progress' in msg) return onProgress?.(...msg.progress);
      settled = true;
      if ('result' in msg) resolve(msg.result);
      else if (msg.bodyGone) resolve(runIndexJob(job, onProgress));
      else reject(new Error(`search index: ${msg.error}`));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`search index worker exited with code ${code}`));
    });
  });
}

function readOrNull(file: string): Uint8Array | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}
