/**
 * Files written on a thread of their own: the render hands each page to it
 * and goes on with the next one.
 * Note: Eleventy writes each page with `mkdirSync` and `writeFileSync` on the
 * main thread, which renders; at 1,000 pages those two calls were 2.4 s of an
 * 11.6 s render (a CPU profile), while the other core waited for work.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../util/workers.ts';

/** From the main thread: a file to write (absolute path), or a request to say when all before it are written. */
export type WriteThreadMessage = { file: string; content: string | Uint8Array } | { flush: number };
/** From the thread: every file sent before flush `flushed` is written, or why one was not (the first failure since the last flush). */
export type WriteWorkerMessage = { flushed: number; error?: string };

export class WriteThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private flushes = 0;
  private broken: Error | null = null;
  /** Files sent so far. */
  sent = 0;

  constructor() {
    this.worker = startWorker(new URL('./write-worker.ts', import.meta.url));
    // Note: never what keeps the process alive (a build that fails leaves it be).
    this.worker.unref();
    this.worker.on('message', (msg: WriteWorkerMessage) => {
      const waiter = this.waiting.get(msg.flushed);
      this.waiting.delete(msg.flushed);
      if (msg.error) waiter?.reject(new Error(msg.error));
      else waiter?.resolve();
    });
    const fail = (e: Error) => {
      this.broken ??= e;
      for (const w of this.waiting.values()) w.reject(this.broken);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`write thread exited with code ${code}`)));
  }

  /** Write this file (its folders are made as needed); a failure is given by the next `flush`. */
  write(file: string, content: string | Uint8Array): void {
    this.sent++;
    this.worker.postMessage({ file, content } satisfies WriteThreadMessage);
  }

  /** Wait for every file sent so far; rejects with the first write that failed since the last flush. */
  flush(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    const id = ++this.flushes;
    const done = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage({ flush: id } satisfies WriteThreadMessage);
    return done;
  }

  /** Stop the thread, written or not. */
  close(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }
}
