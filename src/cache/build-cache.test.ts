import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeVersion, importGraph } from './build-cache.ts';

describe('importGraph', () => {
  it('should follow relative imports (static, type-only and dynamic) and stop at packages', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-'));
    const file = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    };
    file('a.ts', "import fs from 'node:fs';\nimport { b } from './lib/b.ts';\nimport type { C } from './c.ts';\nexport const x = () => import('./d.ts');\n");
    file('lib/b.ts', "import { a } from '../a.ts';\nexport const b = 1;\n");
    file('c.ts', 'export type C = number;\n');
    file('d.ts', 'export {};\n');
    file('unused.ts', 'export {};\n');
    expect(importGraph(path.join(dir, 'a.ts')).map((f) => path.relative(dir, f))).toEqual(['a.ts', 'c.ts', 'd.ts', path.join('lib', 'b.ts')]);
  });

  it('should cover every module the analysis uses, so the cache key changes with the parser', () => {
    const files = importGraph(path.join(import.meta.dirname, '../parse/analyze-text.ts')).map((f) => path.relative(path.join(import.meta.dirname, '..'), f));
    expect(files).toEqual(expect.arrayContaining(['parse/parse-page.ts', 'segment/segment-page.ts', 'normalize/rules/index.ts', 'search/tokenize.ts', 'util/chars.ts']));
    // The site and the search page are not part of it.
    expect(files.some((f) => f.startsWith('site/') || f.startsWith('search/client/'))).toBe(false);
  });
});

describe('codeVersion', () => {
  it('should change when any listed file changes, and only then', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'version-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), 'one');
    fs.writeFileSync(path.join(dir, 'b.ts'), 'two');
    const v1 = codeVersion([path.join(dir, 'a.ts')]);
    fs.writeFileSync(path.join(dir, 'b.ts'), 'changed');
    expect(codeVersion([path.join(dir, 'a.ts')])).toBe(v1);
    fs.writeFileSync(path.join(dir, 'a.ts'), 'changed');
    expect(codeVersion([path.join(dir, 'a.ts')])).not.toBe(v1);
    expect(codeVersion([dir])).not.toBe(codeVersion([path.join(dir, 'a.ts')]));
  });
});
