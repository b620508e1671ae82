/**
 * Worker thread entry: runs the index job in workerData and posts the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ArticleWords } from '../../cache/article-words.ts';
import { articlesFrom, BodyGoneError } from '../../cache/analysis-heads.ts';
import { runIndexJob, type IndexWorkerMessage, type PostedIndexJob } from './index-job.ts';
import type { IndexedArticle } from './build-index.ts';

const post = (msg: IndexWorkerMessage) => parentPort!.postMessage(msg);
try {
  const { job } = workerData as { job: PostedIndexJob };
  const { articlesFrom: portable, wordsFrom, ...rest } = job;
  post({ result: await runIndexJob({ ...rest, articles: articlesFrom<IndexedArticle>(portable), words: wordsFrom ? ArticleWords.from(wordsFrom) : job.words }, (done, total) => post({ progress: [done, total] })) });
} catch (e) {
  post({ error: (e as Error).stack ?? String(e), bodyGone: e instanceof BodyGoneError });
}
