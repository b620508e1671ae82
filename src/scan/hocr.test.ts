import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { bboxOf, readHocr } from './hocr.ts';
import { readAlto } from './alto.ts';

const FIXTURES = path.join(import.meta.dirname, '../images/fixtures');

describe('readHocr', () => {
  it('should read the same lines and boxes as the ALTO file of the same page', () => {
    for (const name of ['charspace', 'hardwrap', 'wrapped']) {
      const hocr = readHocr(fs.readFileSync(path.join(FIXTURES, `${name}.hocr`), 'utf8'));
      const alto = readAlto(fs.readFileSync(path.join(FIXTURES, `${name}.alto.xml`), 'utf8'));
      expect(hocr).toEqual(alto);
    }
  });

  it('should take the lines of the first page only, decode entities and keep tags in the text out', () => {
    const html = `<html><body><div class="ocr_page" title='image "a.png"; bbox 0 0 50 80'>
      <p class="ocr_par"><span class="ocr_line" title="bbox 1 2 41 12; baseline 0 0"><span class="ocrx_word" title="bbox 1 2 20 12">长春&amp;</span><span class="ocrx_word" title="bbox 21 2 41 12"><b>吉</b>林</span></span></p>
      <p class="ocr_par"><span class="ocr_header" title="bbox 1 20 41 30">&lt;img src=x&gt;</span><span class="ocr_line">no box</span></p></div>
      <div class="ocr_page" title="bbox 0 0 50 80"><span class="ocr_line" title="bbox 1 2 3 4">第二页</span></div></body></html>`;
    expect(readHocr(html)).toEqual({
      width: 50,
      height: 80,
      lines: [
        { text: '长春& 吉林', box: [1, 2, 40, 10], block: 0 },
        { text: '<img src=x>', box: [1, 20, 40, 10], block: 1 },
      ],
    });
  });

  it('should refuse a file without an ocr_page bbox', () => {
    expect(() => readHocr('<p>plain</p>')).toThrow('not an hOCR file');
    expect(() => readHocr('<div class="ocr_page" title="image x"></div>')).toThrow('without a bbox');
  });

  it('should read a bbox among the title properties', () => {
    expect(bboxOf('image "x.png"; bbox 10 20 110 44; ppageno 0')).toEqual([10, 20, 100, 24]);
    expect(bboxOf('bbox 10 20 5 44')).toBeNull();
    expect(bboxOf(undefined)).toBeNull();
  });
});
