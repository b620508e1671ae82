import { describe, expect, it } from 'vitest';
import type { Block } from '../../types.ts';
import type { RawArticle } from '../segment-page.ts';
import type { BoundaryContext } from './context.ts';
import { cues } from './index.ts';
import { boundaryFeatures, boundaryScore } from '../boundary.ts';

const block = (text: string, indented = false): Block => ({ text, line: 1, indented, afterBlank: true, widths: [Array.from(text).length] });
const article = (paragraphs: string[], kinds: Array<'text' | 'heading'> = paragraphs.map(() => 'text')): RawArticle => ({
  titleLines: ['吉林大学新生报到'],
  dashSubhead: null,
  byline: null,
  reporters: [],
  paragraphs: paragraphs.map((text, i) => ({ text, line: i + 2, kind: kinds[i], widths: [14], indented: false })),
  line: 1,
  closed: false,
});
const ctx = (blocks: Block[], a: RawArticle, at = 0): BoundaryContext => ({ blocks, at, article: a, columnWidth: 14, style: 'wrapped' });

describe('boundary cues', () => {
  it('unfinishedBefore should see a paragraph that stops mid-sentence', () => {
    expect(cues.unfinishedBefore(ctx([block('标题')], article(['正文写到一半还没有'])))).toBe(1);
    expect(cues.unfinishedBefore(ctx([block('标题')], article(['正文写完了。'])))).toBe(0);
  });

  it('datelineAfter and subheadAfter should see what follows the line', () => {
    expect(cues.datelineAfter(ctx([block('标题'), block('本报讯(记者 张三)3日,会议召开。')], article(['正文。'])))).toBe(1);
    expect(cues.datelineAfter(ctx([block('标题'), block('会议召开。')], article(['正文。'])))).toBe(0);
    expect(cues.subheadAfter(ctx([block('标题'), block('-长春汽开区见闻')], article(['正文。'])))).toBe(1);
    expect(cues.subheadAfter(ctx([block('标题'), block('-1956年7月13日,第一辆卡车下线;')], article(['正文。'])))).toBe(0);
  });

  it('leadAfter should see a news lead and not a section going on', () => {
    expect(cues.leadAfter(ctx([block('标题'), block('9月1日,博览会开幕。')], article(['正文。'])))).toBe(1);
    expect(cues.leadAfter(ctx([block('标题'), block('日前,长春市民健身季启动。')], article(['正文。'])))).toBe(1);
    expect(cues.leadAfter(ctx([block('标题'), block('当天11时许,广场上人头攒动。')], article(['正文。'])))).toBe(0);
  });

  it('shape cues should grade the line', () => {
    expect(cues.shortLine(ctx([block('相关链接')], article(['正文。'])))).toBe(1);
    expect(cues.shortLine(ctx([block('立夏时节春耕忙')], article(['正文。'])))).toBe(0.5);
    expect(cues.longLine(ctx([block('省检察院发布未成年人检察工作白皮书')], article(['正文。'])))).toBeGreaterThan(0.5);
    expect(cues.quotedLine(ctx([block('"双金荣耀"')], article(['正文。'])))).toBe(1);
    expect(cues.numberInLine(ctx([block('九台区签下300亿元项目')], article(['正文。'])))).toBe(1);
  });

  it('cohesion should be higher when the text after continues the story before', () => {
    const before = article(['吉林大学新生报到，新生们走进校园，领取宿舍钥匙。']);
    const same = cues.cohesion(ctx([block('小标题'), block('新生们在校园里报到，领取钥匙后走进宿舍。')], before));
    const other = cues.cohesion(ctx([block('小标题'), block('松原市能源项目集中开工，总投资五十亿元。')], before));
    expect(same).toBeGreaterThan(other);
  });

  it('headingsSoFar and runLength should read the open article', () => {
    expect(cues.headingsSoFar(ctx([block('小标题')], article(['正文。', '一个小标题', '正文。'], ['text', 'heading', 'text'])))).toBe(1);
    expect(cues.runLength(ctx([block('小标题')], article(['正文。'])))).toBe(0);
  });
});

describe('boundaryScore', () => {
  it('should start a new article at a headline over a dateline and keep a short label inside', () => {
    const a = article(['吉林大学新生报到，新生们走进校园。']);
    const headline = boundaryScore(boundaryFeatures(ctx([block('省运会速度滑冰比赛收获5金'), block('本报讯(记者 王楠)3日,比赛结束。')], a)));
    const label = boundaryScore(boundaryFeatures(ctx([block('新生感言'), block('新生们走进校园，感受大学生活。')], a)));
    expect(headline).toBeGreaterThan(0);
    expect(label).toBeLessThan(0);
  });
});
