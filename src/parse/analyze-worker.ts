/**
 * Worker thread entry: analyzes scans sent by `AnalyzePool`.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeText, loadDictionaries } from './analyze-text.ts';

parentPort!.on('message', (msg: { id: number; text: string }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: analyzeText(msg.text) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) });
  }
});

// Note: loaded now, not at the first scan: a pool may be started before its scans are known (see `AnalyzePool.resize`).
loadDictionaries();
