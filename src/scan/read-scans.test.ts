import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isValidDate, readScans } from './read-scans.ts';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scans-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

describe('readScans', () => {
  it('should read scans with paper names and sidecars', () => {
    const root = tree({
      'articles/jlrb/paper.json': '{"name": "吉林日报"}',
      'articles/jlrb/2023-02-01/3.txt': '标题\n\n正文。\n',
      'articles/jlrb/2023-02-01/3.json': '{"section": "要闻", "dateEstimated": true}',
    });
    const { scans, problems } = readScans(path.join(root, 'articles'), root);
    expect(problems).toEqual([]);
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ path: 'articles/jlrb/2023-02-01/3.txt', paper: 'jlrb', paperName: '吉林日报', date: '2023-02-01', page: '3', pageNumber: 3, meta: { section: '要闻', dateEstimated: true } });
  });

  it('should report files outside the layout, impossible dates and broken sidecars, and read the rest', () => {
    const root = tree({
      'articles/jlrb/paper.json': '{"name": "吉林日报"}',
      'articles/jlrb/2023-02-30/1.txt': '标题\n',
      'articles/jlrb/2023-02-01/1.txt': '标题\n',
      'articles/jlrb/2023-02-01/1.json': '{"section": 要闻}',
      'articles/jlrb/2023-02-01/notes.doc': 'x',
      'articles/stray.txt': 'x',
    });
    const { scans, problems } = readScans(path.join(root, 'articles'), root);
    expect(scans.map((s) => s.path)).toEqual(['articles/jlrb/2023-02-01/1.txt']);
    const lines = problems.map((p) => `${p.file}: ${p.ruleId}`);
    expect(lines).toEqual([
      'articles/jlrb/2023-02-01/notes.doc: layout',
      'articles/jlrb/2023-02-01/1.json: bad-sidecar',
      'articles/jlrb/2023-02-30: bad-date',
      'articles/stray.txt: layout',
    ]);
    expect(problems.find((p) => p.ruleId === 'bad-sidecar')?.line).toBe(1);
  });

  it('should ignore sidecar fields of the wrong type with a message naming the field', () => {
    const root = tree({
      'articles/jlrb/paper.json': '{"name": 7}',
      'articles/jlrb/2023-02-01/1.txt': '标题\n',
      'articles/jlrb/2023-02-01/1.json': '{"section": ["要闻"], "dateEstimated": "yes", "notes": "ok"}',
    });
    const { scans, problems } = readScans(path.join(root, 'articles'), root);
    expect(scans[0].meta).toEqual({ notes: 'ok' });
    expect(scans[0].paperName).toBe('jlrb');
    expect(problems.map((p) => p.message)).toEqual([
      '"name" must be a non-empty string',
      '"section" must be a string: ignored',
      '"dateEstimated" must be true or false: ignored',
    ]);
  });

  it('should accept file names with Chinese characters only as page ids it can link to', () => {
    const root = tree({ 'articles/jlrb/2023-02-01/第3版.txt': '标题\n' });
    const { scans, problems } = readScans(path.join(root, 'articles'), root);
    expect(scans).toEqual([]);
    expect(problems.map((p) => p.ruleId)).toContain('layout');
  });
});

describe('isValidDate', () => {
  it('should accept real dates only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2023-13-01')).toBe(false);
    expect(isValidDate('23-1-1')).toBe(false);
  });
});
