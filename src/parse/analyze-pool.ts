/**
 * Analyze scans on every core: a small pool of child processes running
 * `analyzeText` (each loads its own jieba dictionaries, about a second), or
 * the main thread when the pool has size 0.
 * Note: processes, not threads: jieba's dictionaries take about 270 MB of
 * native memory in each, which a thread never gives back when it ends, so a
 * pool of threads kept 540 MB of a 5,000-page cold build's 2.7 GB peak from
 * the parse to the end of the render; a process's memory is free when it exits.
 */
import os from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { startProcess } from '../util/workers.ts';
import { analyzeText, type AnalyzedScan } from './analyze-text.ts';

/** One worker per core, up to 4. */
export function defaultPoolSize(): number {
  return Math.min(4, Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
}

type Pending = { resolve: (r: AnalyzedScan) => void; reject: (e: Error) => void };

export class AnalyzePool {
  private workers: ChildProcess[] = [];
  private pending = new Map<number, Pending>();
  private next = 0;
  private turn = 0;

  /**
   * @param size Processes to use; 0 analyzes on the main thread.
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
    for (const w of this.workers.splice(size)) w.kill();
    while (this.workers.length < size) {
      const w = startProcess(new URL('./analyze-worker.ts', import.meta.url));
      w.on('message', (msg: { id: number; result?: AnalyzedScan; error?: string }) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error) p.reject(new Error(msg.error));
        else p.resolve(msg.result!);
      });
      const fail = (e: Error) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      };
      w.on('error', fail);
      // Note: a process that dies (killed, out of memory) fails what is pending; one the pool let go has nothing pending.
      w.on('exit', (code, signal) => fail(new Error(`analyze process exited with ${signal ?? `code ${code}`}`)));
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
      worker.send({ id, text });
    });
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    const exited = this.workers.map((w) => (w.exitCode !== null || w.signalCode !== null ? null : new Promise((resolve) => w.once('exit', resolve))));
    for (const w of this.workers) w.kill();
    this.workers = [];
    await Promise.all(exited);
  }
}
