/**
 * Hard links made on a thread of their own, as paths are added: a first
 * build fills its spare build folder this way while it renders.
 * Note: a `LinkQueue` on the main thread made its links only when Eleventy
 * let the event loop run, between passes: a 20,000-page build was left with
 * 6.8 s of links to make after its render.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../util/workers.ts';

/** From the main thread: more files (relative path → source), or the last were sent. */
export type LinkThreadMessage = { files: Array<[string, string]> } | { done: true };
/** From the thread, once told the last were sent. */
export type LinkWorkerMessage = { linked: number } | { error: string };

export class LinkThread {
  private readonly worker: Worker;
  private readonly queued = new Set<string>();
  private readonly finished: Promise<number>;

  /** @param dir The folder to link into: it holds no file at the paths added. */
  constructor(readonly dir: string) {
    this.worker = startWorker(new URL('./link-worker.ts', import.meta.url), { dir });
    // Note: never what keeps the process alive (a build that fails leaves it be).
    this.worker.unref();
    this.finished = new Promise<number>((resolve, reject) => {
      this.worker.on('message', (msg: LinkWorkerMessage) => ('error' in msg ? reject(new Error(msg.error)) : resolve(msg.linked)));
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`link thread exited with code ${code}`)));
    }).finally(() => void this.worker.terminate());
    this.finished.catch(() => {});
  }

  /** Paths added so far (relative, with `/`). */
  get paths(): ReadonlySet<string> {
    return this.queued;
  }

  /** Link these (relative path → source) too; a path added before is left out. */
  add(files: Iterable<[string, string]>): void {
    const fresh: Array<[string, string]> = [];
    for (const [rel, src] of files) {
      if (this.queued.has(rel)) continue;
      this.queued.add(rel);
      fresh.push([rel, src]);
    }
    if (fresh.length) this.worker.postMessage({ files: fresh } satisfies LinkThreadMessage);
  }

  /** Stop the thread, linked or not (a build that failed). */
  close(): void {
    void this.worker.terminate();
  }

  /** Wait for every link added; rejects with the thread's failure. @returns Paths linked. */
  done(): Promise<number> {
    this.worker.postMessage({ done: true } satisfies LinkThreadMessage);
    return this.finished;
  }
}
