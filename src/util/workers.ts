/**
 * Worker threads running the project's modules. Compiled, a thread starts
 * in the module's .js file; from the sources it starts in `ts-worker.mjs`,
 * which registers tsx (threads do not inherit the loader) and imports the
 * .ts module.
 */
import { Worker } from 'node:worker_threads';
import { COMPILED, runningFile } from './compiled.ts';

/**
 * @param module URL of the .ts module the thread runs.
 * @param data Passed to the module as `workerData`.
 */
export function startWorker(module: URL, data: Record<string, unknown> = {}): Worker {
  if (COMPILED) return new Worker(new URL(runningFile(module.href)), { workerData: data });
  return new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { ...data, module: module.href } });
}
