/**
 * Analyze scans on every core: a small pool of worker threads running
 * `analyzeText` (each loads its own jieba dictionaries, about a second), or
 * the main thread when the pool has size 0.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../util/workers.ts';
import { analyzeText, type AnalyzedScan } from './analyze-text.ts';

/** One worker per core, up to 4. */
export function defaultPoolSize(): number {
  return Math.min(4, Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
}

type Pending = { resolve: (r: AnalyzedScan) => void; reject: (e: Error) => void };

export class AnalyzePool {
  private workers: Worker[] = [];
  private pending = new Map<number, Pending>();
  private next = 0;
  private turn = 0;

  /**
   * @param size Worker threads to use; 0 analyzes on the main thread.
   */
  constructor(size: number = defaultPoolSize()) {
    this.resize(size);
  }

  /**
   * Grow or shrink the pool. A build starts a worker before it knows whether
   * any scan needs analyzing, so the dictionaries load while it reads the
   * rest from the cache, and lets it go when none does.
   */
  resize(size: number): void {
    if (this.pending.size) throw new Error('an analyze pool is resized only while idle');
    for (const w of this.workers.splice(size)) void w.terminate();
    while (this.workers.length < size) {
      const w = startWorker(new URL('./analyze-worker.ts', import.meta.url));
      w.on('message', (msg: { id: number; result?: AnalyzedScan; error?: string }) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error) p.reject(new Error(msg.error));
        else p.resolve(msg.result!);
      });
      w.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(w);
    }
  }

  /** Analyze one decoded scan, on a worker when there are any. */
  analyze(text: string): Promise<AnalyzedScan> {
    if (!this.workers.length) {
      try {
        return Promise.resolve(analyzeText(text));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    const id = this.next++;
    const worker = this.workers[this.turn++ % this.workers.length];
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, text });
    });
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
