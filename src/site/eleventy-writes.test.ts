import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { WriteThread } from '../output/write-thread.ts';
import { routeEleventyWrites } from './eleventy-writes.ts';

/** A folder of three templates, one of them paginated into four pages. */
function templates(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elev-writes-in-'));
  fs.writeFileSync(path.join(dir, 'index.njk'), '<h1>首页</h1>');
  fs.mkdirSync(path.join(dir, 'about'));
  fs.writeFileSync(path.join(dir, 'about/index.njk'), '<p>关于</p>');
  fs.writeFileSync(path.join(dir, 'list.njk'), '---\npagination:\n  data: items\n  size: 1\n  alias: item\nitems: [a, b, c, d]\npermalink: "/list/{{ pagination.pageNumber }}/"\n---\n<p>{{ item }}</p>');
  return dir;
}

describe('routeEleventyWrites', () => {
  let thread: WriteThread | undefined;
  afterEach(() => thread?.close());

  it("sends Eleventy's pages under the folder to the thread, which writes them as Eleventy would", async () => {
    const input = templates();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'elev-writes-out-'));
    thread = new WriteThread();
    const unroute = await routeEleventyWrites(out, thread);
    expect(unroute).not.toBeNull();
    try {
      await new Eleventy(input, out, { quietMode: true }).write();
      await thread.flush();
    } finally {
      unroute?.();
    }
    expect(thread.sent).toBe(6);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<h1>首页</h1>');
    expect(fs.readFileSync(path.join(out, 'about/index.html'), 'utf8')).toBe('<p>关于</p>');
    ['a', 'b', 'c', 'd'].forEach((item, i) => expect(fs.readFileSync(path.join(out, `list/${i}/index.html`), 'utf8')).toBe(`<p>${item}</p>`));
  });

  it('other folders, and this one once unrouted, are written by Eleventy itself', async () => {
    const input = templates();
    const routed = fs.mkdtempSync(path.join(os.tmpdir(), 'elev-writes-out-'));
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'elev-writes-out-'));
    thread = new WriteThread();
    const unroute = await routeEleventyWrites(routed, thread);
    await new Eleventy(input, other, { quietMode: true }).write();
    unroute!();
    await new Eleventy(input, routed, { quietMode: true }).write();
    expect(thread.sent).toBe(0);
    for (const out of [routed, other]) expect(fs.readFileSync(path.join(out, 'list/3/index.html'), 'utf8')).toBe('<p>d</p>');
  });
});
