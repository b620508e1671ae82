/**
 * Worker threads running TypeScript modules: the thread starts in
 * `ts-worker.mjs`, which registers tsx and imports the module.
 */
import { Worker } from 'node:worker_threads';

/**
 * @param module URL of the .ts module the thread runs.
 * @param data Passed to the module as `workerData` (with `module` added).
 */
export function startWorker(module: URL, data: Record<string, unknown> = {}): Worker {
  return new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { ...data, module: module.href } });
}
