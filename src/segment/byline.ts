/**
 * Bylines: the reporter line printed at the end (sometimes the start) of an
 * article, e.g. "吉林日报记者 张伟国 代黎黎" or "记者 邓宇 通讯员 韩雪". The OCR
 * often glues it to the last paragraph ("…货值 吉林日报记者 张伟国 张琰").
 */
import type { Reporter } from '../types.ts';
import { splitNames, startsWithSurname } from './names.ts';

/** Roles as printed, longest first so that 全媒体记者 wins over 记者. OCR misreads map to the right role. */
const ROLES: ReadonlyArray<[printed: string, role: string]> = [
  ['特约通讯员', '特约通讯员'],
  ['全媒体记者', '全媒体记者'],
  ['融媒体记者', '融媒体记者'],
  ['见习记者', '见习记者'],
  ['特约记者', '特约记者'],
  ['特派记者', '特派记者'],
  ['驻站记者', '驻站记者'],
  ['首席记者', '首席记者'],
  ['摄影记者', '摄影记者'],
  ['实习记者', '实习记者'],
  ['通讯员', '通讯员'],
  ['诵讯员', '通讯员'],
  ['实习生', '实习生'],
  ['评论员', '评论员'],
  ['记者', '记者'],
  ['摄影师', '摄影师'],
  ['摄影', '摄影'],
];
/** Regex source of every printed role, longest first. */
export const ROLE_SOURCE = ROLES.map(([p]) => p).join('|');
/** Organisations known to print bylines; others are accepted when they end like a paper's name. */
export const KNOWN_ORGS = ['吉林日报', '城市晚报', '本报', '新华社', '中新社', '中新网', '人民网', '新华网', '央视网', '人民日报', '新文化报', '长春日报', '吉林省广播电视台', '中国吉林网', '中国新闻网'];
export const ORG_TAIL = /^[\u4e00-\u9fff]{2,6}(?:日报|晚报|早报|商报|时报|报社|新闻社|通讯社|电视台|广播电视台|网)$/u;
/**
 * Regex source of an outlet's name as datelines and photo credits print it:
 * a known one, or a short name ending like a paper, agency or website
 * (人民网, 国际在线); 入民网 is how the OCR often reads 人民网.
 */
export const OUTLET_SOURCE = `(?:${KNOWN_ORGS.join('|')}|国际在线|入民网|[\\u4e00-\\u9fff]{2,6}?(?:日报|晚报|报社|通讯社|新闻社|社|网|在线))`;
/** A credit to another outlet printed where the byline goes: 据新华社, 据人民网报道. */
const SOURCE_CREDIT = /^据[\u4e00-\u9fff]{2,8}?(?:电|报道|消息)?$/u;
const NAME = /^[\u4e00-\u9fff][\u4e00-\u9fff·]{1,3}$/u;
/** Look-alikes the OCR puts into names: 字 is almost never a given name, 宇 very often. */
const NAME_FIXES: Record<string, string> = { 字: '宇' };
const fixName = (name: string) => name.replace(/[字]/gu, (c) => NAME_FIXES[c] ?? c);
const ROLE_TOKEN = new RegExp(`^(.*?)(${ROLE_SOURCE})([\\u4e00-\\u9fff·]{2,12})?$`, 'u');

export interface BylineMatch {
  /** The byline as printed, single spaces between parts, misread roles corrected. */
  byline: string;
  reporters: Reporter[];
}

function isOrg(s: string): boolean {
  return KNOWN_ORGS.includes(s) || ORG_TAIL.test(s);
}

/** The role a printed role word stands for (诵讯员, a misread, is 通讯员). */
export function roleOf(printed: string): string {
  return ROLES.find(([p]) => p === printed)![1];
}

/**
 * Parse a whole string as a byline.
 *
 * @param text Candidate text, e.g. "吉林日报记者 金泽文 实习生 高源".
 * @returns The normalized byline and its reporters, or null when it is not one.
 */
export function parseByline(text: string): BylineMatch | null {
  // A leading box or bullet (□ 本报记者 …), a 文/图 prefix and brackets around the whole line are
  // printed decoration: parsed past, and kept in the byline when they are words (文/图).
  const boxed = text.trim().replace(/^[□■◆◇●○▲△★☆]\s*/u, '');
  const prefix = /^(?:(?:文\s*[/／、]\s*图|文图)[\s/／:：]*|(?:文|图)\s*[/／:：]\s*)/u.exec(boxed)?.[0] ?? '';
  const m = parseCredit(boxed.slice(prefix.length).replace(/^[（(]([^（()）]+)[）)]$/u, '$1').trim());
  return m && prefix ? { ...m, byline: `${prefix.replace(/[\s:：]+$/u, '').replace(/\s+/gu, '')} ${m.byline}` } : m;
}

/** Parse a credit line without decoration. */
function parseCredit(t: string): BylineMatch | null {
  if (!t) return null;
  // "本报评论员": a commentary signed by the paper, with no name.
  const commentator = /^([\u4e00-\u9fff]{2,6})评论员$/u.exec(t);
  if (commentator && isOrg(commentator[1])) return { byline: t, reporters: [] };
  const credit = SOURCE_CREDIT.exec(t);
  if (credit && isOrg(t.slice(1).replace(/(?:电|报道|消息)$/u, ''))) return { byline: t, reporters: [] };
  const tokens = unglue(t).split(/[\s\u3000、，,]+/u).filter(Boolean);
  if (!tokens.length) return null;
  const reporters: Reporter[] = [];
  const parts: string[] = [];
  let role: { org: string | null; role: string } | null = null;
  let namesInGroup = 0;
  for (const tok of tokens) {
    const m = ROLE_TOKEN.exec(tok);
    // A name glued to its role ("吉林日报记者张伟国") is trusted only after an organisation: "记者手记" is a heading.
    // Names run together after the role ("记者刘勃张宽") must cut into surname-led names.
    const glued = m?.[3] ? (splitNames(m[3]) ?? (m[1] !== '' && m[3].length <= 4 ? [m[3]] : null)) : [];
    if (m && (m[1] === '' || isOrg(m[1])) && glued) {
      if (role && namesInGroup === 0) return null;
      role = { org: m[1] || null, role: roleOf(m[2]) };
      namesInGroup = 0;
      parts.push((m[1] ?? '') + role.role);
      for (const g of glued) {
        const name = fixName(g);
        reporters.push({ name, ...role });
        parts.push(name);
        namesInGroup++;
      }
    } else if (role && NAME.test(tok) && !ROLES.some(([p]) => tok.startsWith(p))) {
      const name = fixName(tok);
      reporters.push({ name, ...role });
      parts.push(name);
      namesInGroup++;
    } else return null;
  }
  if (!role || namesInGroup === 0) return null;
  return { byline: parts.join(' '), reporters };
}

/**
 * A bare name under a commentary or short report, glued to the last
 * sentence ("…应有的贡献。 于小行"): a surname-led name of two or three
 * characters after a sentence end and a space.
 *
 * @returns The text before the name and the name as a byline, or null.
 */
export function splitTrailingName(text: string): (BylineMatch & { rest: string }) | null {
  const m = /^([\s\S]*[。！？!?”"])[\s\u3000]+([\u4e00-\u9fff]{2,3})$/u.exec(text.trimEnd());
  if (!m || !startsWithSurname(m[2])) return null;
  return { byline: m[2], reporters: [{ name: m[2], role: '作者', org: null }], rest: m[1] };
}

/**
 * Space a byline the OCR printed without spaces ("吉林日报记者孙立波实习生何佳怡"):
 * after the first role, every later role word stands apart from the names
 * around it. The organisation stays glued to the first role.
 */
function unglue(text: string): string {
  const re = new RegExp(ROLE_SOURCE, 'gu');
  const first = re.exec(text);
  if (!first) return text;
  const head = text.slice(0, first.index + first[0].length);
  const tail = text.slice(head.length);
  // Only a later role word needs spacing; a name glued to the first role is cut by `splitNames`.
  return new RegExp(ROLE_SOURCE, 'u').test(tail) ? head + tail.replace(new RegExp(ROLE_SOURCE, 'gu'), ' $& ').replace(/ +/g, ' ').trimEnd() : text;
}

/** True when a whole line is a byline. */
export function isBylineLine(text: string): boolean {
  return parseByline(text) !== null;
}

/**
 * Find a byline glued to the end of a paragraph.
 *
 * @param text A block's raw text.
 * @returns The text before the byline (trimmed) and the byline, or null.
 */
export function splitTrailingByline(text: string): (BylineMatch & { rest: string }) | null {
  const t = text.trimEnd();
  // Try the shortest tail first that starts at a role word: the byline is at most a few tokens.
  const re = new RegExp(ROLE_SOURCE, 'gu');
  const starts: number[] = [];
  for (let m = re.exec(t); m; m = re.exec(t)) starts.push(m.index);
  for (const roleAt of starts) {
    // The organisation is the Han run right before the role, back to a space or punctuation.
    let orgStart = roleAt;
    while (orgStart > 0 && /[\u4e00-\u9fff]/u.test(t[orgStart - 1])) orgStart--;
    const candidates: number[] = [];
    if (orgStart < roleAt) {
      const run = t.slice(orgStart, roleAt);
      // Prefer a known organisation at the end of the run, then the whole run.
      for (const org of KNOWN_ORGS) if (run.endsWith(org)) candidates.push(roleAt - org.length);
      for (let k = orgStart; k < roleAt; k++) if (ORG_TAIL.test(t.slice(k, roleAt))) candidates.push(k);
    }
    // No organisation: the role must follow a space or punctuation.
    if (roleAt === 0 || /[\s\u3000。！？!?”"…，,]/u.test(t[roleAt - 1])) candidates.push(roleAt);
    for (const at of candidates) {
      const m = parseByline(t.slice(at));
      if (m) return { ...m, rest: t.slice(0, at).trimEnd() };
    }
  }
  return null;
}
