/**
 * Datelines and lead credits: printed at the very start of an article's
 * first paragraph, before the text, with no space after them:
 * 本报讯（记者 张伟国）, 本报3月5日讯（记者 …）, 新华社长春3月5日电（记者 … …）,
 * 中新网长春1月25日电（记者 郭佳）, 城市晚报讯, 吉林日报4月28日讯(记者 杨悦).
 */
import type { Reporter } from '../types.ts';
import { KNOWN_ORGS, OUTLET_SOURCE, ROLE_SOURCE, roleOf } from './byline.ts';
import { splitNames } from './names.ts';

/** Outlets that print datelines. */
const ORG = OUTLET_SOURCE;
/** Wrap breaks and OCR spaces may fall anywhere inside a dateline. */
const S = '[\\s\\u3000]*';
/**
 * Organisation, then an optional place and date, then 讯 or 电 (not the 讯 of
 * 通讯员), then an optional credit in brackets.
 */
const DATELINE = new RegExp(
  `^(${ORG})${S}((?:[\\u4e00-\\u9fff]${S}){0,6}?)((?:\\d${S}){1,2}月${S}(?:\\d${S}){1,2}日${S})?(讯|电|消息)(?![员])${S}(?:([（(][^（()）]{0,40}?[）)]))?`,
  'u',
);
const SOURCE = new RegExp(`^据(?:${KNOWN_ORGS.filter((o) => o !== '本报').join('|')})(?:电)?(?!报道|消息|介绍|称|统计|了解|悉|[\\u4e00-\\u9fff]{0,2}[，,])`, 'u');
const ROLE = new RegExp(`^(${ROLE_SOURCE})`, 'u');

export interface DatelineMatch {
  /** The dateline as printed, raw (wrap breaks and OCR spaces still in). */
  raw: string;
  /** The text of the paragraph after it. */
  rest: string;
  reporters: Reporter[];
}

/**
 * Find a dateline at the start of a paragraph.
 *
 * @param text Raw text of an article's first paragraph.
 * @returns The dateline, the rest of the paragraph and the reporters it names, or null.
 */
export function splitDateline(text: string): DatelineMatch | null {
  const m = matchDateline(text);
  return m && m.rest.trim() ? m : null;
}

/**
 * Is the whole text a dateline, printed on a line of its own above the text ("本报讯（记者 张伟国）")?
 *
 * @param text A block's raw text.
 */
export function isDatelineOnly(text: string): boolean {
  const m = matchDateline(text.trim());
  return !!m && !m.rest.trim();
}

/** A dateline at the start of `text`, with whatever follows it (maybe nothing). */
function matchDateline(text: string): DatelineMatch | null {
  // "据新华社" before the text credits the agency ("据新华社报道，" is a sentence).
  const source = SOURCE.exec(text);
  if (source && text.slice(source[0].length).trim()) return { raw: source[0], rest: text.slice(source[0].length), reporters: [] };
  const m = DATELINE.exec(text);
  if (!m) return null;
  const [whole, org, place, date, , credit] = m;
  const rest = text.slice(whole.length);
  // 本报讯 needs no place or date; other outlets print at least one of them or a credit.
  const plain = place.replace(/\s/gu, '');
  if (!/^(本报|城市晚报|吉林日报)/u.test(org) && !plain && !date && !credit) return null;
  // A place is a short name: 长春, 白山, 北京; anything longer is a sentence that happens to contain 讯 or 电.
  if (plain.length > 4) return null;
  return { raw: whole.trimEnd(), rest, reporters: credit ? creditReporters(credit, org.startsWith('本报') ? '本报' : org) : [] };
}

/** Reporters named in a dateline's credit: "（记者 李婷 张添奥）", "(金津秀、张祉璇)". */
function creditReporters(credit: string, org: string): Reporter[] {
  const inner = credit.slice(1, -1).replace(/\n/g, '');
  const out: Reporter[] = [];
  let role = '记者';
  for (let tok of inner.split(/[\s\u3000、，,]+/u).filter(Boolean)) {
    const r = ROLE.exec(tok);
    if (r) {
      role = roleOf(r[1]);
      tok = tok.slice(r[1].length);
      if (!tok) continue;
    }
    // A name of up to three characters stands as printed; a longer run is cut into surname-led names ("李婷张添奥").
    const names = /^[\u4e00-\u9fff·]{2,3}$/u.test(tok) ? [tok] : splitNames(tok);
    if (!names) return out;
    for (const name of names) out.push({ name, role, org });
  }
  return out;
}
