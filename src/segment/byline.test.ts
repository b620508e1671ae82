import { describe, expect, it } from 'vitest';
import { parseByline, splitTrailingByline, splitTrailingName } from './byline.ts';

describe('parseByline', () => {
  it('should parse organisation, role and several names', () => {
    expect(parseByline('吉林日报记者 张伟国 代黎黎')).toEqual({
      byline: '吉林日报记者 张伟国 代黎黎',
      reporters: [
        { name: '张伟国', role: '记者', org: '吉林日报' },
        { name: '代黎黎', role: '记者', org: '吉林日报' },
      ],
    });
  });

  it('should parse several roles and correct a misread 通讯员', () => {
    const m = parseByline('吉林日报记者 任胜章 诵讯员 于婷');
    expect(m?.byline).toBe('吉林日报记者 任胜章 通讯员 于婷');
    expect(m?.reporters.map((r) => r.role)).toEqual(['记者', '通讯员']);
  });

  it('should correct 字 misread for 宇 in names', () => {
    expect(parseByline('记者 孙字')?.byline).toBe('记者 孙宇');
  });

  it('should accept every role the papers print', () => {
    for (const role of ['全媒体记者', '见习记者', '实习生', '通讯员', '摄影', '记者']) {
      expect(parseByline(`城市晚报${role} 陆续`)?.reporters[0].role).toBe(role);
    }
  });

  it('should not take a heading or a sentence for a byline', () => {
    expect(parseByline('记者手记')).toBeNull();
    expect(parseByline('他告诉记者')).toBeNull();
    expect(parseByline('吉林日报记者')).toBeNull();
  });
});

describe('splitTrailingByline', () => {
  it('should find a byline glued after a full stop without a space', () => {
    expect(splitTrailingByline('森林蓄积量达到10.87亿立方 米。吉林日报记者 李抑嫱')).toMatchObject({
      rest: '森林蓄积量达到10.87亿立方 米。',
      byline: '吉林日报记者 李抑嫱',
    });
  });

  it('should find a byline after a truncated sentence', () => {
    expect(splitTrailingByline('经珲春口岸出口汽车3000辆,货值 吉林日报记者 张伟国 张琰')?.rest).toBe('经珲春口岸出口汽车3000辆,货值');
  });

  it('should leave a paragraph that only mentions a reporter alone', () => {
    expect(splitTrailingByline('近日,城市晚报全媒体记者了解到,长春U14男足出征。')).toBeNull();
  });
});

describe('parseByline on credits as the new pages print them', () => {
  it('should cut names run together after the role (charspace OCR)', () => {
    expect(parseByline('本报特派记者张政董博')).toEqual({
      byline: '本报特派记者 张政 董博',
      reporters: [
        { name: '张政', role: '特派记者', org: '本报' },
        { name: '董博', role: '特派记者', org: '本报' },
      ],
    });
    expect(parseByline('吉林日报全媒体记者刘勃张宽')?.byline).toBe('吉林日报全媒体记者 刘勃 张宽');
    expect(parseByline('吉林日报记者孙立波实习生何佳怡')?.reporters).toEqual([
      { name: '孙立波', role: '记者', org: '吉林日报' },
      { name: '何佳怡', role: '实习生', org: null },
    ]);
  });

  it('should read bylines as papers decorate them', () => {
    expect(parseByline('□ 本报记者 张伟国')?.byline).toBe('本报记者 张伟国');
    expect(parseByline('文/图 本报记者 王岩')).toEqual({ byline: '文/图 本报记者 王岩', reporters: [{ name: '王岩', role: '记者', org: '本报' }] });
    expect(parseByline('(吉林日报记者 张伟国)')?.byline).toBe('吉林日报记者 张伟国');
    expect(parseByline('本报评论员')).toEqual({ byline: '本报评论员', reporters: [] });
    expect(parseByline('图为现场')).toBeNull();
  });

  it('should take a credit to another outlet as the byline', () => {
    expect(parseByline('据新华社')).toEqual({ byline: '据新华社', reporters: [] });
    expect(parseByline('据了解')).toBeNull();
  });

  it('should not take a heading that starts with a role word for a byline', () => {
    expect(parseByline('记者手记')).toBeNull();
    expect(parseByline('记者了解到')).toBeNull();
  });
});

describe('splitTrailingName', () => {
  it('should split a bare name glued after the last sentence', () => {
    expect(splitTrailingName('再困难也要坚持完成任务。 于小行')).toMatchObject({ rest: '再困难也要坚持完成任务。', byline: '于小行' });
    expect(splitTrailingName('再困难也要坚持完成任务。 不容易')).toBeNull();
  });
});
