/**
 * Vitest global setup: every test's temporary folders (os.tmpdir()) go under
 * one folder made for the run, removed when the run ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jilin-archive-tests-'));
  const previous = process.env.TMPDIR;
  // Note: worker processes inherit the environment, and os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(root, { recursive: true, force: true });
  };
}
