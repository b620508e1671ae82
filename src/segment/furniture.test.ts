import { describe, expect, it } from 'vitest';
import { isFurnitureLine, sectionOf, splitFurniture } from './furniture.ts';

describe('isFurnitureLine', () => {
  it('should recognise mastheads, dates, 版次 and editor lines', () => {
    for (const line of [
      '城市晚报 2023年1月28日 星期六',
      'A06    文旅周刊   编辑:孙丽娜   美编:王海涛',
      '第06版   文化 责任编辑:刘洋   美术编辑:张岩',
      '本版责任编辑 王琳 校对    陈晨',
      '吉林日报',
      '城市晚报  健康周刊',
      '2021年12月1日   星期三 农历辛丑年十月廿七',
      '第3版 要闻',
      '本版新闻热线:0431-88600000',
      '第3版要闻',
      'A05文体新闻',
      '第2版',
      '国内统一连续出版物号 CN22-0001',
      '二〇二四年三月五日 星期二',
    ]) expect(isFurnitureLine(line), line).toBe(true);
  });

  it('should not take headlines or text for furniture', () => {
    for (const line of ['人民日报关注', '吉林日报社举行新春团拜会', '吉林市举行冬季百亿重大项目签约活动', '2024年6月11日', '省委常委、宣传部长王晓萍,市委常委、宣传部长赵明出席启动仪式。']) {
      expect(isFurnitureLine(line), line).toBe(false);
    }
  });
});

describe('splitFurniture', () => {
  it('should take furniture off the top and bottom only and keep line numbers', () => {
    const lines = ['吉林日报 2026年1月19日 星期一', '第06版   文化 责任编辑:刘洋', '标题', '', '正文。', '本版新闻热线:0431-88600000'];
    const { furniture, lines: rest } = splitFurniture(lines, false);
    expect(furniture).toEqual([
      { text: '吉林日报 2026年1月19日 星期一', line: 1 },
      { text: '第06版 文化 责任编辑：刘洋', line: 2 },
      { text: '本版新闻热线：0431-88600000', line: 6 },
    ]);
    expect(rest).toEqual(['', '', '标题', '', '正文。', '']);
    expect(sectionOf(furniture)).toBe('文化');
  });

  it('should read the section from 版次 lines in their printed forms', () => {
    expect(sectionOf([{ text: 'A06 文旅周刊 编辑：孙丽娜', line: 1 }])).toBe('文旅周刊');
    expect(sectionOf([{ text: '2022年9月28日 星期三 第5版 经济·市州 编辑：韩冬', line: 1 }])).toBe('经济·市州');
    expect(sectionOf([{ text: 'A10 2024年9月20日 星期五 责编：周晓梅', line: 1 }])).toBeNull();
  });
});
