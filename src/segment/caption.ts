/**
 * Photo captions inside an article: "图为开幕式上的文艺表演。记者 张秋磊 摄",
 * "活动现场。摄影 王岩". A caption ends with a photo credit, or opens with 图为
 * and is short; the credit may also stand on its own line under the caption.
 */
import { OUTLET_SOURCE, ROLE_SOURCE } from './byline.ts';

const ROLE = `(?:${ROLE_SOURCE})`;
/** "本报记者张三摄", "新华社记者陈益宸摄", "人民网李洋摄" (compared without spaces and wraps). */
const CREDIT_SHOT = new RegExp(`(?:${OUTLET_SOURCE}${ROLE}?|${ROLE})[\u4e00-\u9fff·、，,]{2,14}[/／]?摄$`, 'u');
/** "摄影 王岩", "摄影：王岩". */
const CREDIT_PHOTO = /(?:^|[。！？!?）)”])摄影[:：]?[\u4e00-\u9fff·、，,]{2,14}$/u;
/** A bare name and 摄 after the caption's last sentence: "…直播卖货。蒋民 摄". */
const CREDIT_NAME = /[。！？!?）)”][\u4e00-\u9fff]{2,3}[/／]?摄$/u;
/** A supplied photo: "（德惠市委宣传部供图）", "（资料图片）", "（图片由景区提供）". */
const CREDIT_SUPPLIED = /[（(][^（()）]{0,20}图[^（()）]{0,20}[）)]$/u;

/** Longest text a caption runs to, in characters. */
const MAX_CAPTION = 160;

const compact = (text: string) => text.replace(/[\s\u3000]+/gu, '');

/**
 * Does a paragraph end with a photo credit?
 *
 * @param text Raw paragraph text (wrap breaks and OCR spaces allowed).
 */
export function endsWithPhotoCredit(text: string): boolean {
  const t = compact(text);
  return CREDIT_SHOT.test(t) || CREDIT_PHOTO.test(t) || CREDIT_NAME.test(t) || CREDIT_SUPPLIED.test(t);
}

/** Is the whole text a photo credit ("新华社记者 陈益宸 摄")? */
export function isPhotoCredit(text: string): boolean {
  const t = compact(text);
  const m = CREDIT_SHOT.exec(t) ?? CREDIT_PHOTO.exec(t);
  return !!m && m.index === 0 && Array.from(t).length <= 30;
}

/**
 * Is a paragraph a photo caption?
 *
 * @param text Raw paragraph text.
 */
export function isCaption(text: string): boolean {
  const t = text.trim();
  if (Array.from(compact(t)).length > MAX_CAPTION) return false;
  return endsWithPhotoCredit(t) || /^图为/u.test(t);
}
