/**
 * Worker thread entry: runs the index job in workerData and posts the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runIndexJob, type IndexJob } from './index-job.ts';

try {
  parentPort!.postMessage({ result: await runIndexJob((workerData as { job: IndexJob }).job) });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
}
