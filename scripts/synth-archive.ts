/**
 * Synthetic archive generator for benchmarks: N page scans over a date range,
 * made from the answered fixture pages (src/parse/fixtures/*.gold.json) by
 * shuffling articles and paragraphs and varying dates, page numbers and
 * reporters, then printed back in the OCR styles the parser reads.
 *
 * Usage: npx tsx scripts/synth-archive.ts --pages 500 --out /tmp/synth [--seed 1] [--from 2015-01-01]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface GoldArticle {
  kicker: string | null;
  headline: string;
  subhead: string | null;
  byline: string | null;
  /** Printed at the start of the first paragraph (answers from dev-15 on). */
  dateline?: string | null;
  paragraphs: string[];
}

const FIXTURES = path.join(import.meta.dirname, '../src/parse/fixtures');
const SURNAMES = Array.from('王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段');
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉玲丹宇浩凯健俊帆雪琳晨欣悦博文');

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)],
    shuffle: <T>(xs: T[]): T[] => {
      const a2 = xs.slice();
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a2[i], a2[j]] = [a2[j], a2[i]];
      }
      return a2;
    },
  };
}

const halfWidth = (s: string) =>
  s.replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';').replace(/（/g, '(').replace(/）/g, ')').replace(/[“”]/g, '"').replace(/——/g, '-');

/** Cut text into printed lines of `width` em (digits and Latin half an em). */
function printedLines(text: string, width: number, firstIndent: number): string[] {
  const out: string[] = [];
  let line = '';
  let w = 0;
  let limit = width - firstIndent;
  for (const c of text) {
    const cw = /[0-9A-Za-z%.]/.test(c) ? 0.5 : 1;
    // Chinese typesetting never starts a line with closing punctuation (避头点): it squeezes into the line.
    if (w + cw > limit && !/^[，。、；：！？”’）》,.;:!?"')]$/u.test(c)) {
      out.push(line);
      line = '';
      w = 0;
      limit = width;
    }
    line += c;
    w += cw;
  }
  if (line) out.push(line);
  return out;
}

/** The OCR styles `printPage` writes (CRLF+BOM and GB18030 are byte encodings of these). */
export type PrintStyle = 'wrapped' | 'hardwrap' | 'charspace';

/** A space between every two characters, as charspace OCR writes a line. */
const charspaced = (line: string) => Array.from(line).join(' ');

/**
 * Print articles as one page scan in one of the OCR styles: datelines at the
 * start of the first paragraph, bylines on their own line, optional page
 * furniture above the first article.
 */
export function printPage(articles: GoldArticle[], style: PrintStyle, width: number, furniture: string[] = []): string {
  const out: string[] = [];
  if (furniture.length) out.push(...furniture.map(halfWidth), '');
  for (const a of articles) {
    const title = [a.kicker, a.headline].filter((x): x is string => !!x).map(halfWidth);
    const paragraphs = a.paragraphs.map((p, i) => (i === 0 && a.dateline ? a.dateline + p : p)).map(halfWidth);
    if (style === 'wrapped') {
      out.push(title.join(' '), '');
      if (a.subhead) out.push('-' + halfWidth(a.subhead), '');
      for (const p of paragraphs) out.push(printedLines(p, width, 2).join(' '), '');
      if (a.byline) out.push(a.byline, '');
    } else if (style === 'hardwrap') {
      out.push(...title);
      if (a.subhead) out.push('-' + halfWidth(a.subhead));
      for (const p of paragraphs) {
        const ls = printedLines(p, width, 2);
        ls[0] = '　　' + ls[0];
        out.push(...ls);
      }
      if (a.byline) out.push(a.byline);
      out.push('');
    } else {
      for (const t of title) out.push(charspaced(t), '');
      if (a.subhead) out.push('-' + charspaced(halfWidth(a.subhead)), '');
      for (const p of paragraphs) out.push(...printedLines(p, width, 0).map(charspaced), '');
      if (a.byline) out.push(charspaced(a.byline), '');
    }
  }
  return out.join('\n');
}

function renameReporters(byline: string | null, r: ReturnType<typeof rng>): string | null {
  if (!byline) return null;
  return byline
    .split(' ')
    .map((part, i) => (i > 0 && /^[\u4e00-\u9fff]{2,3}$/u.test(part) && !/记者|通讯员|实习生|摄影/.test(part) ? r.pick(SURNAMES) + r.pick(GIVEN) + (r.next() < 0.5 ? r.pick(GIVEN) : '') : part))
    .join(' ');
}

/**
 * Write `pages` synthetic scans under `out` (laid out like articles/).
 *
 * @returns The number of pages and articles written.
 */
export function synthArchive(options: { pages: number; out: string; seed?: number; from?: string; pagesPerIssue?: number }): { pages: number; articles: number } {
  const r = rng(options.seed ?? 1);
  const pool: GoldArticle[] = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')).articles as GoldArticle[]);
  const papers = [
    { id: 'jlrb', name: '吉林日报' },
    { id: 'cswb', name: '城市晚报' },
  ];
  for (const p of papers) {
    fs.mkdirSync(path.join(options.out, p.id), { recursive: true });
    fs.writeFileSync(path.join(options.out, p.id, 'paper.json'), JSON.stringify({ name: p.name }));
  }
  const perIssue = options.pagesPerIssue ?? 8;
  let day = Date.parse((options.from ?? '2015-01-01') + 'T00:00:00Z');
  let articles = 0;
  let written = 0;
  while (written < options.pages) {
    const date = new Date(day).toISOString().slice(0, 10);
    for (const paper of papers) {
      for (let page = 1; page <= perIssue && written < options.pages; page++) {
        const n = r.int(4, 8);
        const chosen = Array.from({ length: n }, () => {
          const a = r.pick(pool);
          return { ...a, paragraphs: a.paragraphs.length > 2 ? [a.paragraphs[0], ...r.shuffle(a.paragraphs.slice(1))] : a.paragraphs, byline: renameReporters(a.byline, r) };
        });
        const style = r.next() < 0.6 ? 'wrapped' : 'hardwrap';
        const text = printPage(chosen, style, style === 'wrapped' ? r.int(16, 19) : r.int(11, 14));
        const dir = path.join(options.out, paper.id, date);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${page}.txt`), text);
        articles += n;
        written++;
      }
    }
    day += 86_400_000;
  }
  return { pages: written, articles };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { pages: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, from: { type: 'string' } } });
  if (!values.pages || !values.out) {
    console.error('usage: npx tsx scripts/synth-archive.ts --pages N --out DIR [--seed 1] [--from YYYY-MM-DD]');
    process.exit(2);
  }
  fs.rmSync(values.out, { recursive: true, force: true });
  const r = synthArchive({ pages: Number(values.pages), out: values.out, seed: Number(values.seed ?? 1), from: values.from });
  console.log(`Wrote ${r.pages} pages, ${r.articles} articles to ${values.out}`);
}
