/**
 * Nothing lost: over many generated pages in every OCR style, every Han
 * character, digit and letter of the scan ends up in exactly one article
 * field or in the unplaced list — none dropped, none duplicated.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePage, parseScan } from './parse-page.ts';

// Han characters that take part in no look-alike correction (人入讲进诵通令今具县士土平乎 are left out).
const HAN = Array.from('春风浩荡满眼新奋楫扬帆破浪行近年来长白山延边州坚持高层位推动紧密牵手促合作深谋划对接事项签约抓落地成一个发展注活力和持续动能项目建设关全局惠及远重在贵实');
const han = (min: number, max: number) => fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }).map((a) => a.join(''));
const sentence = fc.tuple(fc.array(fc.tuple(han(2, 8), fc.constantFrom(',', '、', '')), { minLength: 1, maxLength: 4 }), fc.option(fc.integer({ min: 1, max: 9999 })), fc.constantFrom('。', '!', '?', ''))
  .map(([parts, n, end]) => parts.map(([w, p]) => w + p).join('') + (n === null ? '' : `${n}个`) + end);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
const article = fc.record({
  title: fc.array(han(4, 14), { minLength: 1, maxLength: 2 }),
  subhead: fc.option(han(6, 14)),
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 5 }),
  byline: fc.option(fc.tuple(fc.constantFrom('吉林日报记者', '城市晚报全媒体记者', '记者', '本报记者'), fc.array(han(2, 3), { minLength: 1, maxLength: 2 }))),
  glue: fc.boolean(),
});
type Art = typeof article extends fc.Arbitrary<infer T> ? T : never;

/** Break text into printed lines of `width` characters. */
function lines(text: string, width: number): string[] {
  const cs = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < cs.length; i += width) out.push(cs.slice(i, i + width).join(''));
  return out;
}

function render(arts: Art[], style: 'wrapped' | 'hardwrap', width: number, jumps: boolean): string {
  const out: string[] = [];
  for (const a of arts) {
    const byline = a.byline ? `${a.byline[0]} ${a.byline[1].join(' ')}` : null;
    if (style === 'wrapped') {
      out.push(a.title.join(' '), '');
      if (a.subhead) out.push('-' + a.subhead, '');
      a.paragraphs.forEach((p, i) => {
        const ls = lines(p, width);
        const last = i === a.paragraphs.length - 1;
        if (jumps && ls.length > 3) {
          out.push(ls.slice(0, 2).join(' '), '', ls.slice(2).join(' ') + (last && a.glue && byline ? ' ' + byline : ''), '');
        } else out.push(ls.join(' ') + (last && a.glue && byline ? ' ' + byline : ''), '');
      });
      if (byline && !a.glue) out.push(byline, '');
    } else {
      out.push(...a.title);
      if (a.subhead) out.push('-' + a.subhead);
      a.paragraphs.forEach((p, i) => {
        const ls = lines('　　' + p, width);
        if (i === a.paragraphs.length - 1 && a.glue && byline) ls[ls.length - 1] += ' ' + byline;
        out.push(...ls);
      });
      if (byline && !a.glue) out.push(byline);
      out.push('');
    }
  }
  return out.join('\n');
}

/** The characters that must survive: Han, digits and Latin letters, counted. */
function counts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of text.normalize('NFKC')) if (/[\p{Script=Han}0-9A-Za-z]/u.test(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

describe('parsePage never loses or duplicates text', () => {
  for (const style of ['wrapped', 'hardwrap'] as const) {
    it(`should place every character of generated ${style} pages exactly once, in UTF-8 with LF or with BOM and CRLF`, () => {
      fc.assert(
        fc.property(fc.array(article, { minLength: 1, maxLength: 5 }), fc.integer({ min: 11, max: 18 }), fc.boolean(), fc.boolean(), (arts, width, jumps, crlf) => {
          const scan = render(arts, style, width, jumps);
          const bytes = new TextEncoder().encode(crlf ? '\uFEFF' + scan.replace(/\n/g, '\r\n') : scan);
          const page = crlf ? parseScan(bytes) : parsePage(scan);
          const placed = page.articles
            .flatMap((a) => [a.kicker, a.headline, a.subhead, a.byline, ...a.paragraphs])
            .concat(page.unplaced.map((u) => u.text))
            .filter((x): x is string => !!x)
            .join('\n');
          expect(counts(placed)).toEqual(counts(scan));
        }),
        { numRuns: 300 },
      );
    });
  }
});
