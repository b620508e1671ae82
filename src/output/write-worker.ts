/**
 * Worker thread entry of `WriteThread`: writes the files it is sent, one at
 * a time and in order (so one file descriptor is open at most), making each
 * folder once, and answers each flush with the first failure since the last.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { WriteThreadMessage, WriteWorkerMessage } from './write-thread.ts';

const made = new Set<string>();
let failure: string | undefined;

parentPort!.on('message', (msg: WriteThreadMessage) => {
  if ('flush' in msg) {
    parentPort!.postMessage({ flushed: msg.flush, error: failure } satisfies WriteWorkerMessage);
    failure = undefined;
    return;
  }
  try {
    const dir = path.dirname(msg.file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(msg.file, msg.content);
  } catch (e) {
    failure ??= `could not write ${msg.file}: ${(e as Error).message}`;
  }
});
