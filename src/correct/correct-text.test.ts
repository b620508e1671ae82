import { describe, expect, it } from 'vitest';
import { correctText, pageEvidence } from './correct-text.ts';

describe('correctText', () => {
  it('should correct a look-alike when a dictionary word is far more likely, and record it', () => {
    expect(correctText('全省各具市都要落实')).toEqual({ text: '全省各县市都要落实', corrections: [{ at: 3, from: '具', to: '县', evidence: 'dictionary' }] });
    expect(correctText('收获了属于自已的双金').text).toBe('收获了属于自己的双金');
    expect(correctText('总动力达到188万干瓦').text).toBe('总动力达到188万千瓦');
    expect(correctText('讲行了交流，深人实施').text).toBe('进行了交流，深入实施');
  });

  it('should leave correct text alone, also where the other reading is a word too', () => {
    for (const s of ['个人学习和工人数量', '命令下达', '未来可期', '土地流转', '1.5万人入园一睹', '展厅入口处', '驾驶人提前规划', '讲给更多人听', '习近平总书记']) {
      expect(correctText(s), s).toEqual({ text: s, corrections: [] });
    }
    // 人选 and 入选 are both words: no clear margin, so the scan stands.
    expect(correctText('农产品人选该名录').corrections).toEqual([]);
  });

  it('should change only the misread Chinese characters and leave Latin, digits and punctuation as they are', () => {
    expect(correctText('U14具市A，讲行2023-2025')).toEqual({
      text: 'U14县市A，进行2023-2025',
      corrections: [
        { at: 3, from: '具', to: '县', evidence: 'dictionary' },
        { at: 7, from: '讲', to: '进', evidence: 'dictionary' },
      ],
    });
  });

  it('should take a name as the page prints it elsewhere', () => {
    const page = pageEvidence(['黎海滨同志', '黎海滨说', '黎海滨简历', '黎海淀任职']);
    expect(correctText('黎海淀任职', page)).toEqual({ text: '黎海滨任职', corrections: [{ at: 2, from: '淀', to: '滨', evidence: 'page' }] });
    // Printed once each way, the page says nothing.
    expect(correctText('黎海淀任职', pageEvidence(['黎海滨同志', '黎海淀任职'])).corrections).toEqual([]);
  });

  it('should hold names in quotation marks to a larger margin than running text', () => {
    expect(correctText('推动“上天人地”项目').text).toBe('推动“上天人地”项目');
  });
});
