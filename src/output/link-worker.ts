/**
 * Worker thread entry of `LinkThread`: links the files it is sent into the
 * folder in workerData (a `LinkQueue` on this thread's own event loop) and,
 * when told the last were sent, posts how many it linked or why it failed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LinkQueue } from './site-folder.ts';
import type { LinkThreadMessage, LinkWorkerMessage } from './link-thread.ts';

const links = new LinkQueue((workerData as { dir: string }).dir);
const post = (msg: LinkWorkerMessage) => parentPort!.postMessage(msg);
parentPort!.on('message', (msg: LinkThreadMessage) => {
  if ('files' in msg) return links.add(msg.files);
  links.done().then(
    (linked) => post({ linked }),
    (e: unknown) => post({ error: (e as Error).stack ?? String(e) }),
  );
});
