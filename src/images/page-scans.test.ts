/**
 * #14 Bad page images and layout files: each gets one problem line naming
 * the file, and its page still builds from its text; derived images are
 * cached, so a rebuild derives none again.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { build } from '../build.ts';
import { listFiles } from '../util/files.ts';
import { FIXTURES, writeFixturePages } from './fixture-archive.ts';

const ROOT = path.join(import.meta.dirname, '../..');

/** A PNG whose header says it is `w`×`h` pixels (its data is one pixel's). */
async function pngClaiming(w: number, h: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer();
  png.writeUInt32BE(w, 16);
  png.writeUInt32BE(h, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('page images and layout files at build time', () => {
  it('should report each with one line naming the file and build its page from the text', async () => {
    const input = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-img-'));
    const day = writeFixturePages(input, '2024-01-01', ['1.alto.xml', '3.txt', '3.jpg', '4.txt']);
    fs.writeFileSync(path.join(day, '1.png'), 'not an image at all');
    // The layout of another page beside page 3's text.
    fs.copyFileSync(path.join(FIXTURES, 'charspace.alto.xml'), path.join(day, '3.alto.xml'));
    fs.writeFileSync(path.join(day, '4.png'), await pngClaiming(20_000, 20_000));
    fs.copyFileSync(path.join(ROOT, 'src/parse/fixtures/dev-05.txt'), path.join(day, '5.txt'));
    fs.writeFileSync(path.join(day, '5.hocr'), '<div class="ocr_page" title="bbox 0 0 10 10"><span class="ocr_line" title="bbox 1 1 5 5">x</span></div>');
    fs.writeFileSync(path.join(day, '6.alto.xml'), '<alto><Layout><Page WIDTH="10" HEIGHT="10"><TextBlock>');
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bad-img-out-')), 'site');
    const result = await build({ input, output, root: input, cache: null });
    const lines = result.archive.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.ruleId}: ${p.message}`);
    expect(lines).toEqual([
      expect.stringMatching(/^jlrb\/2024-01-01\/6\.alto\.xml:1: bad-layout: does not parse as XML: .*: page skipped$/),
      expect.stringMatching(/^jlrb\/2024-01-01\/1\.png: bad-image: does not decode as an image .*: the page is shown without its image$/),
      expect.stringMatching(/^jlrb\/2024-01-01\/3\.alto\.xml: layout-mismatch: does not match jlrb\/2024-01-01\/3\.txt: its line 1 reads “.+” where the layout file has “.+”; positions ignored$/),
      expect.stringMatching(/^jlrb\/2024-01-01\/4\.png: bad-image: image too large \(more than 150 million pixels\): the page is shown without its image$/),
      expect.stringMatching(/^jlrb\/2024-01-01\/5\.hocr: layout-mismatch: does not match jlrb\/2024-01-01\/5\.txt/),
    ]);
    expect(result.archive.skipped).toEqual(['jlrb/2024-01-01/6.alto.xml']);
    const pages = result.archive.issues[0].pages;
    expect(pages.map((p) => p.page)).toEqual(['1', '3', '4', '5']);
    // Page 1 still has its text and positions (from the ALTO file), not its image; page 3 its image, no zones.
    expect(pages[0].articles.length).toBe(3);
    expect(pages[0].scan).toMatchObject({ image: null });
    expect(pages[0].scan!.lines.length).toBe(93);
    expect(pages[1].scan!.image).not.toBeNull();
    expect(pages[1].scan!.lines).toEqual([]);
    expect(pages[1].articles.some((a) => a.zone)).toBe(false);
    expect(pages[2].scan).toBeUndefined();
    expect(fs.existsSync(path.join(output, 'jlrb/2024-01-01/3/page.jpg'))).toBe(true);
    expect(fs.existsSync(path.join(output, 'jlrb/2024-01-01/1/page.jpg'))).toBe(false);
  });

  it('should derive each image once: a rebuild reads it from the cache', async () => {
    const input = fs.mkdtempSync(path.join(os.tmpdir(), 'img-cache-'));
    writeFixturePages(input, '2024-01-01', ['1.alto.xml', '1.png']);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'img-cache-dir-'));
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'img-cache-out-')), 'site');
    await build({ input, output, root: input, cache });
    const derived = fs.readdirSync(path.join(cache, 'images')).filter((f) => f.endsWith('-web.jpg'));
    expect(derived).toHaveLength(1);
    const webp = path.join(cache, 'images', derived[0]);
    const old = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(webp, old, old);
    const again = await build({ input, output, root: input, cache, full: true });
    expect(again.archive.problems).toEqual([]);
    expect(fs.statSync(webp).mtimeMs).toBe(old.getTime());
    expect(fs.readFileSync(path.join(output, 'jlrb/2024-01-01/1/page.jpg')).equals(fs.readFileSync(webp))).toBe(true);
    // A new image under the same name (its digest is kept by size and mtime) is derived again.
    const png = path.join(input, 'jlrb/2024-01-01/1.png');
    fs.writeFileSync(png, await sharp(fs.readFileSync(png)).negate().png().toBuffer());
    await build({ input, output, root: input, cache });
    expect(fs.readdirSync(path.join(cache, 'images')).filter((f) => f.endsWith('-web.jpg'))).toHaveLength(2);
    expect(fs.readFileSync(path.join(output, 'jlrb/2024-01-01/1/page.jpg')).equals(fs.readFileSync(webp))).toBe(false);
  });

  it('should give after an edit of one page, linking only the images of the pages rendered again, the site a full build gives', async () => {
    const input = fs.mkdtempSync(path.join(os.tmpdir(), 'img-incr-'));
    const day = writeFixturePages(input);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'img-incr-cache-'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'img-incr-out-'));
    await build({ input, output: path.join(out, 'site'), root: input, cache });
    fs.writeFileSync(path.join(day, '4.txt'), fs.readFileSync(path.join(day, '4.txt'), 'utf8').replace('。', '（更正）。'));
    const again = await build({ input, output: path.join(out, 'site'), root: input, cache });
    expect(again.summary).toMatch(/incremental: \d+ of/);
    await build({ input, output: path.join(out, 'full'), root: input, cache: null });
    const snapshot = (site: string) => Object.fromEntries(listFiles(site).map((f) => [path.relative(site, f), fs.readFileSync(f).toString('base64')]));
    const [incremental, full] = [snapshot(path.join(out, 'site')), snapshot(path.join(out, 'full'))];
    expect(Object.keys(incremental).filter((f) => /page\.jpg$|scan\./.test(f)).length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(incremental).sort()).toEqual(Object.keys(full).sort());
    for (const f of Object.keys(full)) if (f !== 'build-report.json') expect(incremental[f] === full[f], f).toBe(true);
  }, 60_000);

  it('should keep markup in the text of a layout file as text, in the page view and in its line data', async () => {
    const input = fs.mkdtempSync(path.join(os.tmpdir(), 'img-hostile-'));
    const day = writeFixturePages(input, '2024-01-01', ['1.png']);
    const hostile = '&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;';
    fs.writeFileSync(path.join(day, '1.alto.xml'), fs.readFileSync(path.join(FIXTURES, 'charspace.alto.xml'), 'utf8').replace('CONTENT="人"', `CONTENT="${hostile}人"`));
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'img-hostile-out-')), 'site');
    await build({ input, output, root: input, cache: null });
    const html = fs.readFileSync(path.join(output, 'jlrb/2024-01-01/1/index.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/<\/script><img/);
    const data = /<script type="application\/json" class="page-image__lines">([^<]*)<\/script>/.exec(html)![1];
    expect(JSON.parse(data)[0][4]).toBe('</script><img src=x onerror=alert(1)>人 民 日报 关注');
  });
});
