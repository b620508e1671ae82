/**
 * Eleventy's page writes, sent to a `WriteThread` for the folders that ask for
 * it. Eleventy 3 writes each page synchronously on the thread that renders
 * (`FileSystemManager.createDirectoryForFileSync` and `writeFileSync`, on
 * purpose: its asynchronous mode opens a file per page at once, issue 3271);
 * the thread writes one file at a time beside the render.
 * Note: Eleventy has no option for this, so the two methods of its internal
 * `FileSystemManager` (`src/Util/FileSystemManager.js` of @11ty/eleventy 3)
 * are wrapped; where they are missing, pages are written as Eleventy does
 * (the test in eleventy-writes.test.ts fails then).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WriteThread } from '../output/write-thread.ts';

interface FileSystemManagerProto {
  createDirectoryForFileSync(file: string): void;
  writeFileSync(file: string, content: string | Uint8Array): void;
}

/** Folder (absolute, with a trailing separator) → its thread. */
const routes = new Map<string, WriteThread>();
let patched: Promise<boolean> | null = null;

function routeOf(file: string): WriteThread | undefined {
  const abs = path.resolve(file);
  for (const [dir, thread] of routes) if (abs.startsWith(dir)) return thread;
  return undefined;
}

async function patch(): Promise<boolean> {
  // Note: beside the package's entry (src/Eleventy.js, or EleventyCommonJs.cjs that require resolves to).
  const url = new URL('./Util/FileSystemManager.js', pathToFileURL(createRequire(import.meta.url).resolve('@11ty/eleventy')));
  const { FileSystemManager } = (await import(url.href)) as { FileSystemManager?: { prototype: FileSystemManagerProto } };
  const proto = FileSystemManager?.prototype;
  if (typeof proto?.writeFileSync !== 'function' || typeof proto.createDirectoryForFileSync !== 'function') return false;
  const { writeFileSync, createDirectoryForFileSync } = proto;
  proto.createDirectoryForFileSync = function (file) {
    // Note: the thread makes the folder before the file.
    if (!routeOf(file)) createDirectoryForFileSync.call(this, file);
  };
  proto.writeFileSync = function (file, content) {
    const thread = routeOf(file);
    if (thread) thread.write(path.resolve(file), content);
    else writeFileSync.call(this, file, content);
  };
  return true;
}

/**
 * Send what Eleventy writes under `dir` to `thread` until the returned
 * function is called.
 *
 * @returns The function that ends it, or null when Eleventy's writes cannot be taken (they go on as before).
 */
export async function routeEleventyWrites(dir: string, thread: WriteThread): Promise<(() => void) | null> {
  patched ??= patch().catch(() => false);
  if (!(await patched)) return null;
  const key = path.resolve(dir) + path.sep;
  routes.set(key, thread);
  return () => {
    if (routes.get(key) === thread) routes.delete(key);
  };
}
