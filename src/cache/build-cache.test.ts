import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildCache, codeVersion, importGraph, sha256 } from './build-cache.ts';

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

  it("should follow the compiler's double-quoted imports in compiled .js modules", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-'));
    fs.writeFileSync(path.join(dir, 'a.js'), 'import { b } from "./b.js";\nexport const c = () => import("./c.js");\n');
    fs.writeFileSync(path.join(dir, 'b.js'), 'export const b = 1;\n');
    fs.writeFileSync(path.join(dir, 'c.js'), 'export {};\n');
    expect(importGraph(path.join(dir, 'a.js')).map((f) => path.relative(dir, f))).toEqual(['a.js', 'b.js', 'c.js']);
  });

  it('should cover every module the analysis uses, so the cache key changes with the parser', () => {
    const files = importGraph(path.join(import.meta.dirname, '../parse/analyze-text.ts')).map((f) => path.relative(path.join(import.meta.dirname, '..'), f));
    expect(files).toEqual(expect.arrayContaining(['parse/parse-page.ts', 'segment/segment-page.ts', 'normalize/rules/index.ts', 'search/tokenize.ts', 'util/chars.ts']));
    // The site and the search page are not part of it.
    expect(files.some((f) => f.startsWith('site/') || f.startsWith('search/client/'))).toBe(false);
  });

  it("should leave the build's own stages out of the site code's version, so changing them does not re-render every page", () => {
    const files = importGraph(path.join(import.meta.dirname, '../site/eleventy-config.ts')).map((f) => path.relative(path.join(import.meta.dirname, '..'), f));
    // The site reads the archive through collect.ts; build.ts (render plan, passes, publishing) is not part of it.
    expect(files).toEqual(expect.arrayContaining(['site/archive-source.ts', 'collect.ts']));
    expect(files).not.toContain('build.ts');
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

describe('BuildCache', () => {
  it('should give back what was stored, read entries of the earlier format, and drop damaged ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-'));
    const cache = new BuildCache(dir);
    cache.set('ns', 'k1', { text: '吉林\n日报', n: [1, 2] });
    expect(cache.get('ns', 'k1')).toEqual({ text: '吉林\n日报', n: [1, 2] });
    // Format 1: one JSON object holding the value's JSON.
    const data = JSON.stringify({ old: true });
    const file = path.join(dir, 'ns', 'k2', 'k2.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ format: 1, key: 'k2', sum: sha256(data), data }));
    expect(cache.get('ns', 'k2')).toEqual({ old: true });
    // A changed byte in the value fails its checksum: the entry is removed.
    const stored = path.join(dir, 'ns', 'k1', 'k1.json');
    fs.writeFileSync(stored, fs.readFileSync(stored, 'utf8').replace('吉林', '假的'));
    expect(cache.get('ns', 'k1')).toBeUndefined();
    expect(fs.existsSync(stored)).toBe(false);
    expect(cache.stats).toMatchObject({ hits: 2, corrupt: 1 });
  });
});
