import { describe, expect, it } from 'vitest';
import { despace, isCharspace } from './charspace.ts';

describe('isCharspace', () => {
  it('should recognise a page with a space between most Chinese characters', () => {
    expect(isCharspace(['第 九 届 亚 洲 冬季 运 动会', '在 哈 尔 滨落 下 帷 幕,中 国 代', '表团 收获32枚 金 牌 、27枚 银'])).toBe(true);
  });

  it('should not take wrap spaces of the wrapped style for charspace', () => {
    expect(isCharspace(['春节假期里,长春市天定山滑 雪场的气温降到零下20多摄氏度,却挡不住人们投身冰雪运动的热情。 广东游客钟麟这次再到吉林,是特 意带着全家来过年的'])).toBe(false);
  });
});

describe('despace', () => {
  it('should join Chinese characters and keep spaces between Latin words', () => {
    expect(despace('本 报 特派 记者 张政 董 博')).toBe('本报特派记者张政董博');
    expect(despace('在 Jilin Daily 发 表 ,共 12 篇')).toBe('在Jilin Daily发表,共12篇');
  });
});
