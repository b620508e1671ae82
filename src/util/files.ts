/**
 * Small helpers over folder trees, shared by the build, tests and benchmarks.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (recursively), as full paths in sorted order. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Total size in bytes of the files under `dir`. */
export function dirBytes(dir: string): number {
  return listFiles(dir).reduce((n, f) => n + fs.statSync(f).size, 0);
}

/**
 * Writes files on libuv's thread pool, a few at a time, so the kernel's work
 * of creating many small files runs beside the main thread instead of
 * blocking it. `write` queues; `flush` waits for all and throws the first error.
 * Note: what is queued is held until written, and a caller that makes its
 * files in one synchronous loop (the search index's shards) queues them
 * all before the first write starts: past `maxPending` bytes (or UTF-16
 * units of a string) queued, a file is written at once, synchronously (at
 * 20,000 pages the index's 227 MB were all in memory before).
 */
export class FileWriter {
  private queue: Array<[string, string | Uint8Array] | null> = [];
  private next = 0;
  private running = 0;
  private pending = 0;
  private error: unknown = null;
  private readonly idle: Array<() => void> = [];

  constructor(
    private readonly concurrency = 8,
    private readonly maxPending = 32 * 1024 * 1024,
  ) {}

  write(file: string, data: string | Uint8Array): void {
    const size = data.length;
    if (this.pending + size > this.maxPending) {
      try {
        fs.writeFileSync(file, data);
      } catch (e) {
        this.error ??= e;
      }
      return;
    }
    this.pending += size;
    this.queue.push([file, data]);
    this.pump();
  }

  /** Wait until every queued file is written; rejects with the first failure. */
  async flush(): Promise<void> {
    if (this.running || this.next < this.queue.length) await new Promise<void>((resolve) => this.idle.push(resolve));
    if (this.error) {
      const e = this.error;
      this.error = null;
      throw e;
    }
  }

  private pump(): void {
    while (this.running < this.concurrency && this.next < this.queue.length) {
      const [file, data] = this.queue[this.next]!;
      // Note: let go of the data once written.
      this.queue[this.next++] = null;
      this.running++;
      fs.promises
        .writeFile(file, data)
        .catch((e: unknown) => {
          this.error ??= e;
        })
        .finally(() => {
          this.running--;
          this.pending -= data.length;
          this.pump();
          if (!this.running && this.next === this.queue.length) {
            // Drained.
            this.queue = [];
            this.next = 0;
            for (const resolve of this.idle.splice(0)) resolve();
          }
        });
    }
  }
}
