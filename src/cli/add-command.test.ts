/** #14 `archive add` with layout files and page images. */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addScans } from './add-command.ts';
import { FIXTURES } from '../images/fixture-archive.ts';

const CORPUS = path.join(import.meta.dirname, '../parse/fixtures');

function incoming(files: Record<string, string>): { dir: string; input: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'add-img-'));
  for (const [name, from] of Object.entries(files)) fs.copyFileSync(from, path.join(dir, name));
  const input = path.join(dir, 'articles');
  fs.mkdirSync(path.join(input, 'jlrb'), { recursive: true });
  fs.writeFileSync(path.join(input, 'jlrb/paper.json'), '{"name": "吉林日报"}');
  return { dir, input };
}

describe('archive add with page images and layout files', () => {
  it('should add the files of a page together, a page per name, numbered in order', () => {
    const { dir, input } = incoming({ 'p1.alto.xml': path.join(FIXTURES, 'charspace.alto.xml'), 'p1.png': path.join(FIXTURES, 'charspace.png'), 'p2.hocr': path.join(FIXTURES, 'hardwrap.hocr'), 'p2.WEBP': path.join(FIXTURES, 'hardwrap.webp') });
    const r = addScans(['p1.alto.xml', 'p1.png', 'p2.hocr', 'p2.WEBP'].map((f) => path.join(dir, f)), { input, paper: 'jlrb', date: '2024-05-03', page: '1', replace: false });
    expect(r.code).toBe(0);
    expect(r.added).toEqual([`${path.join(input, 'jlrb/2024-05-03/1.alto.xml')} (3 articles, with its image)`, `${path.join(input, 'jlrb/2024-05-03/2.hocr')} (3 articles, with its image)`]);
    expect(fs.readdirSync(path.join(input, 'jlrb/2024-05-03')).sort()).toEqual(['1.alto.xml', '1.png', '2.hocr', '2.webp']);
  });

  it('should warn when a layout file does not match the text beside it, and refuse an image alone', () => {
    const { dir, input } = incoming({ 'a.txt': path.join(CORPUS, 'seed-page.txt'), 'a.alto.xml': path.join(FIXTURES, 'charspace.alto.xml'), 'b.jpg': path.join(FIXTURES, 'wrapped.jpg') });
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      const r = addScans(['a.txt', 'a.alto.xml', 'b.jpg'].map((f) => path.join(dir, f)), { input, paper: 'jlrb', date: '2024-05-03', page: '1', replace: false });
      expect(r.code).toBe(1);
      expect(r.added).toEqual([`${path.join(input, 'jlrb/2024-05-03/1.txt')} (6 articles)`]);
    } finally {
      console.error = original;
    }
    expect(errors).toEqual([
      expect.stringMatching(/a\.alto\.xml: warning: does not match .*a\.txt: its line 1 reads “在携手前行中共享” where the layout file has “人民日报关注前三”; positions will be ignored$/),
      expect.stringMatching(/b\.jpg: error: an image without its scan/),
    ]);
  });
});
