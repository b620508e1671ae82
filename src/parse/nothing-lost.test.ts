/**
 * Nothing lost: over many generated pages in every OCR style, every Han
 * character, digit and letter of the scan ends up in exactly one field of the
 * parsed page — an article field (datelines and captions included), the page
 * furniture, or the unplaced list — none dropped, none duplicated.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePage, parseScan } from './parse-page.ts';
import { placedText } from './analyze-text.ts';

// Han characters that take part in no look-alike correction (人入讲进诵通令今具县士土平乎 are left out).
const HAN = Array.from('春风浩荡满眼新奋楫扬帆破浪行近年来长白山延边州坚持高层位推动紧密牵手促合作深谋划对接事项签约抓落地成一个发展注活力和持续动能项目建设关全局惠及远重在贵实');
const SURNAME = Array.from('王李张刘陈杨赵周吴孙');
const han = (min: number, max: number) => fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }).map((a) => a.join(''));
const name = fc.tuple(fc.constantFrom(...SURNAME), han(1, 2)).map(([s, n]) => s + n);
const sentence = fc.tuple(fc.array(fc.tuple(han(2, 8), fc.constantFrom(',', '、', '')), { minLength: 1, maxLength: 4 }), fc.option(fc.integer({ min: 1, max: 9999 })), fc.constantFrom('。', '!', '?', ''))
  .map(([parts, n, end]) => parts.map(([w, p]) => w + p).join('') + (n === null ? '' : `${n}个`) + end);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
const dateline = fc.oneof(
  fc.constant('本报讯'),
  name.map((n) => `本报讯(记者 ${n})`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), name, name).map(([m, d, a, b]) => `新华社长春${m}月${d}日电(记者 ${a} ${b})`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), name).map(([m, d, a]) => `中新网长春${m}月${d}日电(${a})`),
);
const caption = fc.tuple(han(6, 20), name, fc.constantFrom('本报记者', '新华社记者', '记者', '')).map(([t, n, who]) => `图为${t}。${who ? who + ' ' : ''}${n} 摄`);
const article = fc.record({
  title: fc.array(han(4, 14), { minLength: 1, maxLength: 2 }),
  subhead: fc.option(han(6, 14)),
  dateline: fc.option(dateline),
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 5 }),
  caption: fc.option(caption),
  byline: fc.option(fc.tuple(fc.constantFrom('吉林日报记者', '城市晚报全媒体记者', '记者', '本报记者', '文/图 本报记者', '□ 本报记者'), fc.array(name, { minLength: 1, maxLength: 2 }))),
  glue: fc.boolean(),
});
const furniture = fc.record({
  top: fc.subarray(['吉林日报 2024年3月5日 星期二', '第3版   要闻   责任编辑:赵明  美编:孙婧', 'A06 文旅周刊 编辑:孙丽娜']),
  bottom: fc.subarray(['本版责任编辑 王琳 校对 陈晨', '本版新闻热线:0431-88600000']),
});
type Art = typeof article extends fc.Arbitrary<infer T> ? T : never;
type Style = 'wrapped' | 'hardwrap' | 'charspace';

/** Break text into printed lines of `width` characters. */
function lines(text: string, width: number): string[] {
  const cs = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < cs.length; i += width) out.push(cs.slice(i, i + width).join(''));
  return out;
}

/** A space between nearly every two characters, as charspace OCR writes them. */
const spaced = (line: string) => Array.from(line).join(' ');

function render(arts: Art[], style: Style, width: number, jumps: boolean, furn: { top: string[]; bottom: string[] }): string {
  const out: string[] = [...furn.top, ''];
  for (const a of arts) {
    const byline = a.byline ? `${a.byline[0]} ${a.byline[1].join(' ')}` : null;
    const paras = a.paragraphs.map((p, i) => (i === 0 && a.dateline ? a.dateline + p : p));
    if (a.caption) paras.splice(1, 0, a.caption);
    if (style === 'wrapped') {
      out.push(a.title.join(' '), '');
      if (a.subhead) out.push('-' + a.subhead, '');
      paras.forEach((p, i) => {
        const ls = lines(p, width);
        const last = i === paras.length - 1;
        if (jumps && ls.length > 3) {
          out.push(ls.slice(0, 2).join(' '), '', ls.slice(2).join(' ') + (last && a.glue && byline ? ' ' + byline : ''), '');
        } else out.push(ls.join(' ') + (last && a.glue && byline ? ' ' + byline : ''), '');
      });
      if (byline && !a.glue) out.push(byline, '');
    } else if (style === 'hardwrap') {
      out.push(...a.title);
      if (a.subhead) out.push('-' + a.subhead);
      paras.forEach((p, i) => {
        const ls = lines('　　' + p, width);
        if (i === paras.length - 1 && a.glue && byline) ls[ls.length - 1] += ' ' + byline;
        out.push(...ls);
      });
      if (byline && !a.glue) out.push(byline);
      out.push('');
    } else {
      for (const t of a.title) out.push(spaced(t), '');
      if (a.subhead) out.push('-' + spaced(a.subhead), '');
      paras.forEach((p, i) => {
        const ls = lines(p, width).map(spaced);
        if (i === paras.length - 1 && a.glue && byline) ls[ls.length - 1] += ' ' + spaced(byline);
        out.push(...ls, '');
      });
      if (byline && !a.glue) out.push(spaced(byline), '');
    }
  }
  out.push(...furn.bottom);
  return out.join('\n');
}

/** The characters that must survive: Han, digits and Latin letters, counted. */
function counts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of text.normalize('NFKC')) if (/[\p{Script=Han}0-9A-Za-z]/u.test(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

describe('parsePage never loses or duplicates text', () => {
  for (const style of ['wrapped', 'hardwrap', 'charspace'] as const) {
    it(`should place every character of generated ${style} pages exactly once, with datelines, captions and furniture, in UTF-8 with LF or with BOM and CRLF`, () => {
      fc.assert(
        fc.property(fc.array(article, { minLength: 1, maxLength: 5 }), fc.integer({ min: 11, max: 18 }), fc.boolean(), fc.boolean(), furniture, (arts, width, jumps, crlf, furn) => {
          const scan = render(arts, style, width, jumps, furn);
          const bytes = new TextEncoder().encode(crlf ? '\uFEFF' + scan.replace(/\n/g, '\r\n') : scan);
          const page = crlf ? parseScan(bytes) : parsePage(scan);
          expect(counts(placedText(page).join('\n'))).toEqual(counts(scan));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('should give the generated datelines, captions and furniture their own fields', () => {
    const scan = render(
      [{ title: ['春风浩荡满眼新'], subhead: null, dateline: '本报讯(记者 王长白)', paragraphs: ['延边州坚持高层推动,促合作。', '项目建设关全局。'], caption: '图为项目签约。本报记者 李远 摄', byline: null, glue: false }],
      'charspace', 13, false, { top: ['吉林日报 2024年3月5日 星期二'], bottom: ['本版责任编辑 王琳 校对 陈晨'] },
    );
    const page = parsePage(scan);
    expect(page.furniture.map((f) => f.text)).toEqual(['吉林日报2024年3月5日星期二', '本版责任编辑王琳校对陈晨']);
    expect(page.articles).toHaveLength(1);
    // Charspace OCR spaces every character, so the space inside the credit cannot be told from the others.
    expect(page.articles[0].dateline).toBe('本报讯（记者王长白）');
    expect(page.articles[0].reporters.map((r) => r.name)).toEqual(['王长白']);
    expect(page.articles[0].kinds).toEqual(['text', 'caption', 'text']);
    expect(page.articles[0].paragraphs[1]).toBe('图为项目签约。本报记者 李远 摄');
  });
});
