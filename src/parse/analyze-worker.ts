/**
 * Child process entry: analyzes scans sent by `AnalyzePool`, until the pool
 * disconnects.
 */
import { analyzeText, loadDictionaries } from './analyze-text.ts';

process.on('message', (msg: { id: number; text: string }) => {
  try {
    process.send!({ id: msg.id, result: analyzeText(msg.text) });
  } catch (e) {
    process.send!({ id: msg.id, error: (e as Error).stack ?? String(e) });
  }
});

// The build is done with this process, or has died.
process.on('disconnect', () => process.exit());

// Note: loaded now, not at the first scan: a pool may be started before its scans are known (see `AnalyzePool.resize`).
loadDictionaries();
