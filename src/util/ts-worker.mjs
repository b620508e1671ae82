// Threads and forked processes do not inherit tsx's loader: register it,
// then load the TypeScript module named in workerData.module (a thread) or
// in the first argument (a process).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData?.module ?? process.argv[2]);
