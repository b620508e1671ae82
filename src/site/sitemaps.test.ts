import { describe, expect, it } from 'vitest';
import { readingRoom } from './collections.ts';
import { sitemapParts } from './sitemaps.ts';
import { makeArchive, makeArticle } from './fixtures.ts';

/** Five articles on five dates: two issues of 2024, three of 2023. */
const archive = () => makeArchive(['2024-03-05', '2024-03-04', '2023-12-31', '2023-06-01', '2023-01-02'].map((date) => makeArticle({ paper: 'jlrb', date, page: '1', n: 1 })));

describe('sitemapParts', () => {
  it("should list the site's pages in one part and each year's issues, pages and articles in its own", () => {
    const a = archive();
    const parts = sitemapParts(a, readingRoom(a));
    expect(parts.map((p) => p.url)).toEqual(['/sitemaps/site.xml', '/sitemaps/2024.xml', '/sitemaps/2023.xml']);
    expect(parts[0].entries.map((e) => e.url)).toEqual(expect.arrayContaining(['/', '/calendar/', '/calendar/2024/', '/calendar/2023/']));
    expect(parts[1].entries).toEqual([
      { url: '/jlrb/2024-03-05/' },
      { url: '/jlrb/2024-03-05/1/' },
      { url: '/jlrb/2024-03-05/1/1/', lastmod: '2024-03-05' },
      { url: '/jlrb/2024-03-04/' },
      { url: '/jlrb/2024-03-04/1/' },
      { url: '/jlrb/2024-03-04/1/1/', lastmod: '2024-03-04' },
    ]);
  });

  it('should cut a part into files of at most the given number of URLs, every URL in one of them', () => {
    const a = archive();
    const room = readingRoom(a);
    const whole = sitemapParts(a, room);
    const cut = sitemapParts(a, room, 4);
    expect(cut.map((p) => p.name)).toEqual([...cut.filter((p) => p.name.startsWith('site')).map((p) => p.name), '2024', '2024-2', '2023', '2023-2', '2023-3']);
    expect(Math.max(...cut.map((p) => p.entries.length))).toBeLessThanOrEqual(4);
    expect(cut.flatMap((p) => p.entries)).toEqual(whole.flatMap((p) => p.entries));
  });
});
