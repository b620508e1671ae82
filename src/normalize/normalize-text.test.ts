import { describe, expect, it } from 'vitest';
import { normalizeParagraph, normalizeText } from './normalize-text.ts';
import { wrapSpaces } from './rules/wrap-spaces.ts';
import { fullwidthPunctuation } from './rules/fullwidth-punctuation.ts';
import { quotes } from './rules/quotes.ts';
import { dashes } from './rules/dashes.ts';
import { lostPunctuation } from './rules/lost-punctuation.ts';

describe('wrapSpaces', () => {
  it('should remove spaces and line breaks left at column wraps', () => {
    expect(wrapSpaces('坚持高层高 位推动')).toBe('坚持高层高位推动');
    expect(wrapSpaces('2021-2025 年度\n第二批')).toBe('2021-2025年度第二批');
  });
  it('should keep the space between Latin words', () => {
    expect(wrapSpaces('Jilin Daily 报道')).toBe('Jilin Daily报道');
  });
});

describe('fullwidthPunctuation', () => {
  it('should make commas, colons, semicolons and brackets full-width in Chinese text', () => {
    expect(fullwidthPunctuation('我省11个县(市、区)入选;目前:')).toBe('我省11个县（市、区）入选；目前：');
  });
  it('should leave ASCII where it belongs', () => {
    expect(fullwidthPunctuation('签订5000MW项目,延边国泰8.2米,U14男足,10:30开赛,共1,000人')).toBe('签订5000MW项目，延边国泰8.2米，U14男足，10:30开赛，共1,000人');
  });
  it('should keep ASCII brackets in Latin code', () => {
    expect(fullwidthPunctuation('调用alert(1)和(市、区)')).toBe('调用alert(1)和（市、区）');
  });
  it('should read a period between Han characters as a misread comma', () => {
    expect(fullwidthPunctuation('优化审批服务.企业')).toBe('优化审批服务，企业');
  });
});

describe('quotes', () => {
  it('should pair straight quotes as “ ”', () => {
    expect(quotes('发挥"一主"作用,围绕"六城联动"布局')).toBe('发挥“一主”作用,围绕“六城联动”布局');
  });
  it('should read a stray single quote at top level as a mangled double quote', () => {
    expect(quotes('围绕\'六城联动"总体布局')).toBe('围绕“六城联动”总体布局');
  });
  it('should keep nested single quotes inside double quotes', () => {
    expect(quotes('"保证牛\'卖得出\'。"他说')).toBe('“保证牛‘卖得出’。”他说');
  });
});

describe('dashes', () => {
  it('should make a leading dash and a dash between Chinese words ——', () => {
    expect(dashes('-对接长春示范城建设')).toBe('——对接长春示范城建设');
    expect(dashes('白山松水间-吉林古代文物精品展')).toBe('白山松水间——吉林古代文物精品展');
  });
  it('should keep hyphens between numbers', () => {
    expect(dashes('2021-2025年')).toBe('2021-2025年');
  });
});

describe('lostPunctuation', () => {
  it('should put a comma where a space stands inside a line between Han characters', () => {
    expect(lostPunctuation('高度重视 长春市先后')).toBe('高度重视，长春市先后');
  });
  it('should leave column wraps alone', () => {
    expect(lostPunctuation('高层高\n位推动')).toBe('高层高\n位推动');
  });
});

describe('normalizeText', () => {
  it('should be idempotent', () => {
    const once = normalizeParagraph('长春市坚持以"一主六双"高质量发展\n战略为统领,充分发挥"一主"作用');
    expect(normalizeText(once)).toBe(once);
    expect(once).toBe('长春市坚持以“一主六双”高质量发展战略为统领，充分发挥“一主”作用');
  });
});
