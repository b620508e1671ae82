/**
 * Page furniture: what a printed page carries around its articles — the
 * masthead strip, the date and weekday, 版次 and 版名 (第3版 要闻, A05 文体新闻),
 * 责任编辑/美编/校对 lines, hotlines. It sits at the top or the bottom of the
 * page and never belongs to an article.
 */
import type { FurnitureLine } from '../types.ts';
import { despace } from '../layout/charspace.ts';
import { fullwidthPunctuation } from '../normalize/rules/fullwidth-punctuation.ts';

/** Papers whose name heads a masthead strip. */
const PAPERS = ['吉林日报', '城市晚报', '新文化报', '长春日报', '江城日报', '吉林农村报', '人民日报'];
const EDITORS = /(?:责任编辑|本版编辑|责编|编辑|美术编辑|美编|校对|组版|版式设计|版式|制图|审读|值班主任)[:：]?[\u4e00-\u9fff]{2,4}/u;
const DATE_WEEK = /(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:星期|周)[一二三四五六日天]|农历[\u4e00-\u9fff]{2,8}/u;
const HOTLINE = /(?:热线|电话|邮箱|投稿)[:：]?[\d\-－]{7,}/u;
/** The masthead's registration numbers and addresses: 国内统一连续出版物号 CN22-0001, 邮发代号 11-1, the paper's website. */
const IMPRINT = /国内统一连续出版物号|邮发代号|CN\s?\d{2}\s?[-－]\s?\d{4}|www\.[a-z0-9.-]+/iu;
/** 版次 glued to its 版名 (charspace OCR loses the space): 第3版要闻, A05文体新闻. */
const PAGE_LABEL_TIGHT = /^(?:第[0-9一二三四五六七八九十]{1,3}版|[A-H]\d{1,2})[\u4e00-\u9fff·]{0,8}$/u;
/** 版次 at the start of the line, then 版名: "第3版 要闻", "A06 文旅周刊", "6 市州·江城". */
const PAGE_LABEL = /(?:^|\s)(第\s*[0-9一二三四五六七八九十]{1,3}\s*版|[A-H]\s?\d{1,2}|\d{1,2})\s+([\u4e00-\u9fff·]{2,8})(?=\s|$)/u;
/** Longest furniture line in characters (without spaces). */
const MAX_LINE = 60;
/** At most this many furniture lines at the top, and at the bottom. */
const MAX_TOP = 5;
const MAX_BOTTOM = 4;

/** The line with runs of spaces made one. */
function squeeze(line: string): string {
  return line.trim().replace(/[\s\u3000]+/gu, ' ');
}

/**
 * Is one line page furniture? Cues: editor credits, a date with its weekday,
 * a hotline, a 版次 with its 版名, a paper's name with at most a column name.
 *
 * @param line Raw line.
 */
export function isFurnitureLine(line: string): boolean {
  const spaced = line.trim().replace(/[\s\u3000]+/gu, ' ');
  const tight = spaced.replace(/ /g, '');
  if (!tight || Array.from(tight).length > MAX_LINE || /[。！？]$/u.test(tight)) return false;
  if (EDITORS.test(tight) || DATE_WEEK.test(tight) || HOTLINE.test(tight) || IMPRINT.test(tight) || PAGE_LABEL_TIGHT.test(tight)) return true;
  // The paper's name alone, or with the name of a weekly or special page ("城市晚报 健康周刊"); "人民日报关注" is a kicker.
  const paper = PAPERS.find((p) => tight.startsWith(p));
  if (paper && /^(?:[\u4e00-\u9fff·]{0,4}(?:周刊|专刊|副刊|特刊|版|视点))?$/u.test(tight.slice(paper.length))) return true;
  const label = PAGE_LABEL.exec(spaced);
  return !!label && label.index === 0 && spaced.slice(label[0].length).trim() === '';
}

/**
 * The 版名 printed in the furniture, e.g. 要闻 from "第3版 要闻 责任编辑：…".
 *
 * @param furniture The page's furniture lines.
 * @returns The section name, or null when no line prints one.
 */
export function sectionOf(furniture: readonly FurnitureLine[]): string | null {
  for (const f of furniture) {
    const m = PAGE_LABEL.exec(f.text);
    if (m && !/^(?:责任编辑|责编|编辑|美编|校对|星期)/u.test(m[2])) return m[2];
  }
  return null;
}

/**
 * Take the furniture off the top and the bottom of a page.
 *
 * @param lines The page's lines (LF split).
 * @param charspace The page is in the charspace style (spaces between all characters).
 * @returns The furniture, in page order, and the lines with furniture lines blanked (line numbers kept).
 */
export function splitFurniture(lines: readonly string[], charspace: boolean): { furniture: FurnitureLine[]; lines: string[] } {
  const out = [...lines];
  const look = (i: number) => (charspace ? despace(lines[i]) : lines[i]);
  const take = (i: number): FurnitureLine => {
    out[i] = '';
    // Spaces part the fields of a furniture line, so they stay (one each); only punctuation is repaired.
    const text = fullwidthPunctuation(charspace ? despace(lines[i]) : squeeze(lines[i]));
    return { text, line: i + 1 };
  };
  const top: FurnitureLine[] = [];
  for (let i = 0; i < lines.length && top.length < MAX_TOP; i++) {
    if (!lines[i].trim()) continue;
    if (!isFurnitureLine(look(i))) break;
    top.push(take(i));
  }
  const bottom: FurnitureLine[] = [];
  const firstFree = top.length ? top[top.length - 1].line : 0;
  for (let i = lines.length - 1; i >= firstFree && bottom.length < MAX_BOTTOM; i--) {
    if (!lines[i].trim()) continue;
    if (!isFurnitureLine(look(i))) break;
    bottom.unshift(take(i));
  }
  return { furniture: [...top, ...bottom], lines: out };
}
