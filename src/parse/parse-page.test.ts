import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parsePage, parseScan } from './parse-page.ts';
import { toJsonOutput } from '../cli/parse-command.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const canon = (s: string | null | undefined) =>
  (s ?? '').normalize('NFKC').replace(/\s+/g, '').replace(/["'“”‘’]/g, '"').replace(/[—―–‐-]+/g, '-');

describe('parseScan on the answered corpus', () => {
  it('should reach the accuracy targets on every style (scored by scripts/eval/score.mjs)', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'parse-'));
    for (const f of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) {
      const page = parseScan(fs.readFileSync(path.join(FIXTURES, f)));
      fs.writeFileSync(path.join(out, f.replace(/\.txt$/, '.json')), JSON.stringify(toJsonOutput(page)));
    }
    const r = spawnSync(process.execPath, [
      path.join(import.meta.dirname, '../../scripts/eval/score.mjs'), FIXTURES, out, '--quiet',
      // The targets of #10.
      '--min', 'boundary_f1=0.97', '--min', 'title_exact=0.95', '--min', 'byline_exact=0.95', '--min', 'dateline_exact=0.95',
      '--max', 'furniture_leak=0.01', '--max', 'body_cer=0.005', '--min', 'paragraph_f1=0.92', '--min', 'punct_fidelity=0.95',
    ], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('should find all 6 articles of the real page with exact title blocks and bylines', () => {
    const gold = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed-page.gold.json'), 'utf8'));
    const page = parseScan(fs.readFileSync(path.join(FIXTURES, 'seed-page.txt')));
    expect(page.articles).toHaveLength(6);
    page.articles.forEach((a, i) => {
      const g = gold.articles[i];
      expect(canon([a.kicker, a.headline, a.subhead].join(''))).toBe(canon([g.kicker, g.headline, g.subhead].join('')));
      expect(a.byline).toBe(g.byline);
    });
  });

  it('should decode GB18030 scans and UTF-8 with BOM and CRLF alike', () => {
    const gb = parseScan(fs.readFileSync(path.join(FIXTURES, 'dev-04.txt')));
    expect(gb.encoding).toBe('gb18030');
    expect(gb.articles[0].headline).toBe('抚松人参产业迈向“全链条”发展');
    const crlf = parseScan(fs.readFileSync(path.join(FIXTURES, 'dev-06.txt')));
    expect(crlf.articles[0].paragraphs.join('')).not.toMatch(/[\r\uFEFF]/);
  });
});

describe('parseScan on pages with datelines, captions and furniture', () => {
  const parse = (stem: string) => toJsonOutput(parseScan(fs.readFileSync(path.join(FIXTURES, `${stem}.txt`))));

  it('should give datelines, captions and furniture in archive parse --json', () => {
    const page = parse('dev-31');
    expect(page.furniture).toEqual(['吉林日报 2026年1月19日 星期一', '第06版 文化 责任编辑：刘洋 美术编辑：张岩']);
    expect(page.section).toBe('文化');
    expect(page.articles[0].dateline).toBe('本报1月18日讯（记者李婷 张添奥）');
    expect(page.articles[0].paragraphs[0]).toMatch(/^今天下午，/);
    expect(page.articles[0].reporters.map((r) => r.name)).toEqual(['李婷', '张添奥']);
    expect(page.articles[1].dateline).toBe('本报讯');
    const caption = page.articles[2].captions[0];
    expect(page.articles[2].kinds[caption]).toBe('caption');
    expect(page.articles[2].paragraphs[caption]).toMatch(/图为开幕式上的文艺表演。记者 张秋磊 摄$/);
  });

  it('should read charspace pages: bylines glued to the last line, captions with a credit line, no furniture in articles', () => {
    const page = parse('dev-32');
    expect(page.style).toBe('charspace');
    expect(page.articles.map((a) => a.byline)).toEqual(['本报特派记者 张政 董博', '吉林日报全媒体记者 刘勃 张宽', '城市晚报全媒体记者 陆续', null, '城市晚报全媒体记者 刘佳雪']);
    expect(page.articles[0].captions).toEqual([1]);
    expect(page.articles[0].paragraphs[1]).toMatch(/新华社记者 陈益宸 摄$/);
  });
});

describe('parsePage', () => {
  it('should take a dateline printed on a line of its own as the dateline of the paragraph under it', () => {
    const page = parsePage('我省出台支持民营经济发展若干措施\n\n本报讯(记者 张伟国)\n\n近日,省政府办公厅印发若干措施,支持民营经济健康发展。\n\n吉林日报记者 张伟国\n');
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0].subhead).toBeNull();
    expect(page.articles[0].dateline).toBe('本报讯（记者 张伟国）');
    expect(page.articles[0].paragraphs[0]).toMatch(/^近日，/);
  });

  it('should split at a headline that follows a byline', () => {
    const page = parsePage('第一条新闻标题\n\n　　正文第一段,说明情况。\n吉林日报记者 张三\n第二条新闻的标题\n\n　　另一段正文内容。\n');
    expect(page.articles.map((a) => a.headline)).toEqual(['第一条新闻标题', '第二条新闻的标题']);
    expect(page.articles[0].byline).toBe('吉林日报记者 张三');
    expect(page.articles[0].reporters).toEqual([{ name: '张三', role: '记者', org: '吉林日报' }]);
  });

  it('should take a dash line under the headline as the subhead, without its dashes', () => {
    const page = parsePage('携手同行结硕果\n\n-白山市与长春市开展对接合作走笔\n\n携手同行,合作共赢。\n\n吉林日报记者 金泽文 实习生 高源\n');
    const [a] = page.articles;
    expect(a.subhead).toBe('白山市与长春市开展对接合作走笔');
    expect(a.reporters.map((r) => `${r.role}:${r.name}`)).toEqual(['记者:金泽文', '实习生:高源']);
  });

  it('should split a byline glued to the last paragraph', () => {
    const page = parsePage('标题在这里很长\n\n据统计,去年出口汽车3000辆,货值 吉林日报记者 张伟国 张琰\n');
    expect(page.articles[0].byline).toBe('吉林日报记者 张伟国 张琰');
    expect(page.articles[0].paragraphs).toEqual(['据统计，去年出口汽车3000辆，货值']);
    expect(page.articles[0].truncated).toEqual([0]);
  });

  it('should keep an inner section heading inside its article', () => {
    const page = parsePage(
      '某某接受纪律审查和监察调查\n\n某某涉嫌严重违纪违法,目前正接受审查。\n\n某某简历\n\n某某,男,汉族,1964年3月生。\n\n城市晚报全媒体记者 陆续\n',
    );
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0].kinds).toEqual(['text', 'heading', 'text']);
    expect(page.articles[0].paragraphs[1]).toBe('某某简历');
  });

  it('should rejoin hard-wrapped lines and "　　" paragraph indents', () => {
    const page = parsePage('全省安全生产工作会议召开\n　　日前,全省安全生产工作\n会议在长春召开。会议总结了\n去年全省安全生产工作。\n　　会议要求,各地各部门要压\n紧压实安全生产责任。\n吉林日报记者 方达\n');
    expect(page.style).toBe('hardwrap');
    expect(page.articles[0].paragraphs).toEqual([
      '日前，全省安全生产工作会议在长春召开。会议总结了去年全省安全生产工作。',
      '会议要求，各地各部门要压紧压实安全生产责任。',
    ]);
  });

  it('should keep text with no headline as an untitled article', () => {
    const page = parsePage('接上一版的文字,没有标题,继续写下去。\n');
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0].untitled).toBe(true);
    expect(page.articles[0].paragraphs[0]).toContain('接上一版的文字');
  });
});
