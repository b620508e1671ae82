/**
 * Worker threads and child processes running the project's modules.
 * Compiled, one starts in the module's .js file; from the sources it starts
 * in `ts-worker.mjs`, which registers tsx (threads and forks do not inherit
 * the loader) and imports the .ts module.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { COMPILED, runningFile } from './compiled.ts';

const TS_ENTRY = new URL('./ts-worker.mjs', import.meta.url);

/**
 * @param module URL of the .ts module the thread runs.
 * @param data Passed to the module as `workerData`.
 */
export function startWorker(module: URL, data: Record<string, unknown> = {}): Worker {
  if (COMPILED) return new Worker(new URL(runningFile(module.href)), { workerData: data });
  return new Worker(TS_ENTRY, { workerData: { ...data, module: module.href } });
}

/**
 * A child process running the module, talking over IPC in V8's serialization
 * (what threads' messages use). For work whose memory must go back to the
 * system when it is done: a thread's native memory outlives it (nodejieba
 * never frees its dictionaries, about 270 MB a thread).
 *
 * @param module URL of the .ts module the process runs.
 */
export function startProcess(module: URL): ChildProcess {
  // Note: no execArgv of this process (a test runner's, a profiler's); NODE_OPTIONS applies as to any node.
  const options = { serialization: 'advanced' as const, execArgv: [] };
  if (COMPILED) return fork(fileURLToPath(runningFile(module.href)), [], options);
  return fork(fileURLToPath(TS_ENTRY), [module.href], options);
}
