import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { readAlto } from './alto.ts';
import { alignLayout, layoutText } from './layout-text.ts';
import { parsePage } from '../parse/parse-page.ts';
import type { PageLayout } from '../types.ts';

const FIXTURES = path.join(import.meta.dirname, '../images/fixtures');
const CORPUS = path.join(import.meta.dirname, '../parse/fixtures');
const alto = (name: string) => readAlto(fs.readFileSync(path.join(FIXTURES, `${name}.alto.xml`), 'utf8'));
const corpus = (name: string) => fs.readFileSync(path.join(CORPUS, name), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
const summary = (text: string) => parsePage(text).articles.map((a) => [a.headline, a.byline, a.paragraphs.length, a.dateline]);

describe('layoutText', () => {
  it('should give a charspace page its blank lines between blocks, so it parses as its plain scan does', () => {
    const text = layoutText(alto('charspace'));
    expect(parsePage(text).style).toBe('charspace');
    expect(summary(text)).toEqual(summary(corpus('dev-49.txt')));
  });

  it('should give an indenting page "　　" before indented lines and no blank lines, so it parses as its hard-wrapped scan does', () => {
    const text = layoutText(alto('hardwrap'));
    expect(text).not.toContain('\n\n');
    expect(text.split('\n').filter((l) => l.startsWith('　　')).length).toBe(corpus('dev-46.txt').split('\n').filter((l) => l.startsWith('　　')).length);
    expect(parsePage(text).style).toBe('hardwrap');
    expect(summary(text)).toEqual(summary(corpus('dev-46.txt')));
  });
});

describe('alignLayout', () => {
  it('should map each line of a paragraph-per-line scan to the printed lines it covers', () => {
    const layout = alto('wrapped');
    const text = corpus('seed-page.txt');
    const aligned = alignLayout(text, layout);
    expect(aligned.ok).toBe(true);
    if (!aligned.ok) return;
    const lines = text.split('\n');
    // Line 7 is a paragraph printed over several column lines; together they hold exactly its characters.
    const covered = aligned.lines.get(7)!;
    expect(covered.length).toBeGreaterThan(3);
    expect(covered.map((i) => layout.lines[i].text).join('').replace(/\s/g, '')).toBe(lines[6].replace(/\s/g, ''));
    // Blank lines cover nothing.
    expect(aligned.lines.has(2)).toBe(false);
  });

  it('should say where a layout that does not match its text first differs', () => {
    const layout: PageLayout = { width: 10, height: 10, lines: [{ text: '长春 市', box: [0, 0, 1, 1], block: 0 }, { text: '吉林省', box: [0, 2, 1, 1], block: 0 }] };
    expect(alignLayout('长春市\n吉林省', layout).ok).toBe(true);
    expect(alignLayout('长春市，\n吉林省', { ...layout, lines: [{ ...layout.lines[0], text: '长春市,' }, layout.lines[1]] }).ok).toBe(true);
    expect(alignLayout('长春市\n吉林县', layout)).toEqual({ ok: false, line: 2, text: '县', layout: '省' });
    expect(alignLayout('长春市\n吉林省\n延边', layout)).toMatchObject({ ok: false, line: 3, layout: '(end)' });
  });
});
