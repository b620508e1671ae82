/**
 * A keyword page of a common keyword lists its newest articles only and
 * sends the reader to the search for the rest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import configure from './eleventy-config.ts';
import { setArchive } from './archive-source.ts';
import { makeArchive, makeArticle } from './fixtures.ts';
import { KEYWORD_LIST_MAX } from './collections.ts';

const TEMPLATES = path.join(import.meta.dirname, '../../templates');
const COUNT = KEYWORD_LIST_MAX + 5;

let pages: Map<string, string>;

beforeAll(async () => {
  // One article a day, newest last in date order; every one carries 长春, the first five also 冰雪.
  const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
  const articles = Array.from({ length: COUNT }, (_, i) => makeArticle({ paper: 'jlrb', date: day(i), page: '1', n: 1, headline: `第${i}篇`, keywords: i < 5 ? ['长春', '冰雪'] : ['长春'] }));
  setArchive(makeArchive(articles));
  const elev = new Eleventy(TEMPLATES, '/tmp/keyword-test-unused', { quietMode: true, config: configure });
  pages = new Map((await elev.toJSON()).map((p) => [decodeURIComponent(p.url), p.content]));
}, 60_000);

describe('a keyword page', () => {
  it(`should list the newest ${KEYWORD_LIST_MAX} of a keyword's articles and link to the search, by date, for all`, () => {
    const html = pages.get('/keywords/长春/')!;
    const listed = [...html.matchAll(/<a href="\/jlrb\/(\d{4}-\d{2}-\d{2})\/1\/1\/">/g)].map((m) => m[1]);
    expect(listed).toHaveLength(KEYWORD_LIST_MAX);
    expect(listed[0]).toBe('2020-04-14');
    expect(listed).toEqual([...listed].sort().reverse());
    expect(html).toContain(`${COUNT} 篇文章，这里列出最新的 ${KEYWORD_LIST_MAX} 篇`);
    expect(html).toContain(`<a href="/search/?q=${encodeURIComponent('长春')}&amp;sort=date">`);
  });

  it('should list every article of a keyword with fewer, and no search link', () => {
    const html = pages.get('/keywords/冰雪/')!;
    expect([...html.matchAll(/<a href="\/jlrb\/[^"]+\/1\/1\/">/g)]).toHaveLength(5);
    expect(html).not.toContain('/search/?q=');
  });
});
