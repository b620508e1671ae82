/**
 * #11 Without a site URL the build writes no absolute URL; with one, the
 * right ones. In its own file: Eleventy keeps compiled layouts across
 * builds in one process, with the filters of the first build's base path.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from './build.ts';
import { listFiles } from './util/files.ts';

const ROOT = path.join(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'src/parse/fixtures');

/** An input folder with two pages of one paper. */
function fixtureInput(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-in-'));
  fs.mkdirSync(path.join(dir, 'jlrb/2023-02-01'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'jlrb/paper.json'), '{"name": "吉林日报"}');
  fs.copyFileSync(path.join(FIXTURES, 'seed-page.txt'), path.join(dir, 'jlrb/2023-02-01/3.txt'));
  fs.copyFileSync(path.join(FIXTURES, 'dev-04.txt'), path.join(dir, 'jlrb/2023-02-01/4.txt'));
  return dir;
}

describe('#11 absolute URLs', () => {
  /** Every absolute http(s) URL in the site's files, less XML namespaces and schema.org. */
  const absoluteUrls = (site: string) =>
    listFiles(site)
      .filter((f) => /\.(html|xml|json|txt)$/.test(f))
      .flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/https?:\/\/[A-Za-z0-9][^\s"'<>)]*/g)].map((m) => `${path.relative(site, f)}: ${m[0]}`))
      .filter((u) => !/: https?:\/\/(www\.w3\.org|www\.sitemaps\.org|schema\.org)\b/.test(u));

  it('should write no absolute URL without a site URL, and the right ones with it', async () => {
    const input = fixtureInput();
    const saved = process.env.SITE_URL;
    try {
      delete process.env.SITE_URL;
      const bare = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-url-')), 'site');
      await build({ input, output: bare, root: ROOT, cache: null, basePath: '/sub/' });
      expect(absoluteUrls(bare)).toEqual([]);
      const article = fs.readFileSync(path.join(bare, 'jlrb/2023-02-01/3/1/index.html'), 'utf8');
      expect(article).not.toMatch(/rel="canonical"|og:url/);
      expect(fs.readFileSync(path.join(bare, 'sitemap.xml'), 'utf8')).toMatch(/Warning: built without a site URL/);
      expect(fs.existsSync(path.join(bare, 'sitemaps'))).toBe(false);
      expect(fs.readFileSync(path.join(bare, 'feed.xml'), 'utf8')).toMatch(/<link href="\/sub\/feed.xml" rel="self"/);

      process.env.SITE_URL = 'https://example.org/archive/';
      const site = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-url-')), 'site');
      await build({ input, output: site, root: ROOT, cache: null, basePath: '/sub/' });
      const html = fs.readFileSync(path.join(site, 'jlrb/2023-02-01/3/1/index.html'), 'utf8');
      expect(html).toContain('<link rel="canonical" href="https://example.org/archive/sub/jlrb/2023-02-01/3/1/">');
      expect(html).toContain('<meta property="og:url" content="https://example.org/archive/sub/jlrb/2023-02-01/3/1/">');
      // An index of the sitemap's files, of the site's pages and of each year.
      expect(fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8')).toContain('<sitemap><loc>https://example.org/archive/sub/sitemaps/2023.xml</loc></sitemap>');
      expect(fs.readFileSync(path.join(site, 'sitemaps/2023.xml'), 'utf8')).toContain('<url><loc>https://example.org/archive/sub/jlrb/2023-02-01/3/1/</loc><lastmod>2023-02-01</lastmod></url>');
      expect(fs.readFileSync(path.join(site, 'sitemaps/site.xml'), 'utf8')).toContain('<url><loc>https://example.org/archive/sub/calendar/2023/</loc></url>');
      expect(absoluteUrls(site).filter((u) => !u.includes(': https://example.org/archive/sub/'))).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = saved;
    }
  });

  it('should refuse a --site-url that is not an absolute http(s) URL', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/archive.js'), 'build', '--site-url', 'example.org'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('archive: --site-url must be an absolute http(s) URL such as https://example.org/archive/ (got "example.org")');
  });
});
