/**
 * Worker thread entry: runs the index job in workerData and posts the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ArticleWords } from '../../cache/article-words.ts';
import { runIndexJob, type PostedIndexJob } from './index-job.ts';

try {
  const { job } = workerData as { job: PostedIndexJob };
  if (job.wordsFrom) job.words = ArticleWords.from(job.wordsFrom);
  parentPort!.postMessage({ result: await runIndexJob(job, (done, total) => parentPort!.postMessage({ progress: [done, total] })) });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
}
