/**
 * The code runs either compiled (dist/, made by `npm run compile`) or from
 * the TypeScript sources (under tsx or vitest). The compiler rewrites import
 * specifiers (`./x.ts` → `./x.js`); other references to the project's own
 * modules (worker entries, files hashed into cache keys) name the .ts file
 * and go through `runningFile`.
 */

/** True in dist/, false when the TypeScript sources run. */
export const COMPILED = import.meta.url.endsWith('.js');

/** A path or URL of one of the project's .ts modules as it runs: the compiled .js beside it in dist/. */
export function runningFile(file: string): string {
  return COMPILED ? file.replace(/\.ts$/, '.js') : file;
}
