/**
 * Keywords of an article: nodejieba TF-IDF over headline and body, keeping
 * words of two or more Han characters and dropping numbers and reporting
 * boilerplate (记者, 表示, 日前 …).
 */
import { getJieba } from './jieba.ts';

const STOP = new Set([
  '记者', '表示', '日前', '近日', '目前', '今年', '去年', '工作', '进一步', '通过', '开展', '推进', '推动', '持续', '全面',
  '相关', '负责人', '介绍', '据悉', '了解', '获悉', '同比', '增长', '以上', '实现', '提升', '加强', '积极', '不断', '我省',
  '全省', '一批', '一步', '活动', '项目', '发展', '建设', '重点', '主要', '企业', '有关', '部门', '方面', '进行',
]);

/**
 * Pick an article's keywords.
 *
 * @param text Headline and body as plain text (headline first, it counts twice).
 * @param count How many keywords to return; the default is 6.
 * @returns Keywords, most characteristic first.
 */
export function extractKeywords(text: string, count = 6): string[] {
  const words = getJieba().extract(text, count * 4);
  const out: string[] = [];
  for (const { word } of words) {
    if (out.length >= count) break;
    if (!/^\p{Script=Han}{2,}$/u.test(word) || STOP.has(word)) continue;
    out.push(word);
  }
  return out;
}
