/**
 * An input folder of pages with images and positions, made from the
 * fixtures of src/images/fixtures (tests and the image benchmark):
 * page 1 as ALTO with a PNG, page 2 as hOCR with a WebP, page 3 a text file
 * with ALTO and a JPEG beside it, page 4 a text file with an image and no positions.
 */
import fs from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const CORPUS = path.join(import.meta.dirname, '../parse/fixtures');

/** The files of each page: file name in the day folder → fixture (`img:` for src/images/fixtures, else the corpus). */
export const FIXTURE_PAGES: Record<string, string> = {
  '1.alto.xml': 'img:charspace.alto.xml',
  '1.png': 'img:charspace.png',
  '2.hocr': 'img:hardwrap.hocr',
  '2.webp': 'img:hardwrap.webp',
  '3.txt': 'seed-page.txt',
  '3.alto.xml': 'img:wrapped.alto.xml',
  '3.jpg': 'img:wrapped.jpg',
  '4.txt': 'dev-02.txt',
  '4.png': 'img:charspace.png',
};

/**
 * Write the fixture pages into `input/jlrb/<date>/`.
 *
 * @param only File names to write (default all).
 */
export function writeFixturePages(input: string, date = '2024-01-01', only: string[] = Object.keys(FIXTURE_PAGES)): string {
  const day = path.join(input, 'jlrb', date);
  fs.mkdirSync(day, { recursive: true });
  fs.writeFileSync(path.join(input, 'jlrb/paper.json'), '{"name": "吉林日报"}');
  for (const name of only) {
    const from = FIXTURE_PAGES[name];
    fs.copyFileSync(from.startsWith('img:') ? path.join(FIXTURES, from.slice(4)) : path.join(CORPUS, from), path.join(day, name));
  }
  return day;
}
