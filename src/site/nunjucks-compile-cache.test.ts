import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import Eleventy from '@11ty/eleventy';
import { cacheNunjucksCompiles } from './nunjucks-compile-cache.ts';

const require = createRequire(import.meta.url);
const nunjucks = require('nunjucks');
const compiler = require('nunjucks/src/compiler.js') as { compile: (...args: unknown[]) => string };

const SOURCE = '{% set twice = n * 2 %}<p>{{ twice }}</p>{% block tail %}<i>{{ n }}</i>{% endblock %}';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cacheNunjucksCompiles', () => {
  it('should compile a source once per environment and path, each template still rendering its own data', () => {
    cacheNunjucksCompiles();
    const compile = vi.spyOn(compiler, 'compile');
    const env = new nunjucks.Environment();
    const out = Array.from({ length: 20 }, (_, n) => new nunjucks.Template(SOURCE, env, 'page.njk').render({ n }));
    expect(out[3]).toBe('<p>6</p><i>3</i>');
    expect(out[19]).toBe('<p>38</p><i>19</i>');
    expect(compile).toHaveBeenCalledTimes(1);
    // Another path, another source, another environment: compiled apart.
    new nunjucks.Template(SOURCE, env, 'other.njk').render({ n: 1 });
    expect(new nunjucks.Template(`${SOURCE}!`, env, 'page.njk').render({ n: 1 })).toBe('<p>2</p><i>1</i>!');
    const other = new nunjucks.Environment();
    other.addFilter('shout', (s: string) => `${s}!`);
    expect(new nunjucks.Template('{{ "a" | shout }}', other, 'page.njk').render({})).toBe('a!');
    expect(compile).toHaveBeenCalledTimes(4);
  });

  it('should leave a template that fails to compile failing, every time', () => {
    cacheNunjucksCompiles();
    const env = new nunjucks.Environment();
    for (let i = 0; i < 2; i++) expect(() => new nunjucks.Template('{% if %}', env, 'bad.njk').render({})).toThrow(/bad\.njk/);
  });

  it('should compile the body of a paginated Eleventy template once, not once per page', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'njk-cache-'));
    fs.writeFileSync(path.join(dir, 'item.njk'), '---\npagination:\n  data: items\n  size: 1\n  alias: item\npermalink: "/{{ item }}/"\nitems: [a, b, c, d, e, f, g, h]\n---\n<b>{{ item }}</b>\n');
    const compile = vi.spyOn(compiler, 'compile');
    const elev = new Eleventy(dir, path.join(dir, '_site'), { quietMode: true, config: () => cacheNunjucksCompiles() });
    const pages = (await elev.toJSON()) as Array<{ url: string; content: string }>;
    expect(pages.map((p) => p.content.trim()).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((x) => `<b>${x}</b>`));
    const bodies = compile.mock.calls.filter(([src]) => String(src).includes('<b>{{ item }}</b>'));
    expect(bodies).toHaveLength(1);
  });
});
