#!/usr/bin/env node
// Thin launcher: run the TypeScript CLI with tsx's loader, so `npx archive …` works without a compile step.
// Note: `node --import <tsx>` directly, not the tsx command, which starts one more Node process (about 0.5 s).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const loader = pathToFileURL(require.resolve('tsx/esm')).href;
const cli = path.join(here, '..', 'src', 'cli.ts');
const result = spawnSync(process.execPath, ['--import', loader, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
