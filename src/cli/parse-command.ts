/**
 * `archive parse <scan.txt> [--json]`: parse one scan and print its articles.
 */
import fs from 'node:fs';
import type { ParsedPage } from '../types.ts';
import { parseScan } from '../parse/parse-page.ts';
import { DecodeError } from '../scan/decode-scan.ts';

/** The JSON shape `archive parse --json` prints. */
export function toJsonOutput(page: ParsedPage) {
  return {
    style: page.style,
    encoding: page.encoding,
    articles: page.articles.map((a) => ({
      kicker: a.kicker,
      headline: a.headline,
      subhead: a.subhead,
      byline: a.byline,
      dateline: a.dateline,
      reporters: a.reporters,
      paragraphs: a.paragraphs,
      kinds: a.kinds,
      truncated: a.truncated,
      captions: a.kinds.flatMap((k, i) => (k === 'caption' ? [i] : [])),
      corrections: a.corrections,
      line: a.line,
      ...(a.untitled ? { untitled: true } : {}),
    })),
    furniture: page.furniture.map((f) => f.text),
    section: page.section,
    unplaced: page.unplaced,
  };
}

/** Human-readable outline of a parsed page. */
export function outline(page: ParsedPage): string {
  const lines: string[] = page.furniture.map((f) => `版面: ${f.text}  [line ${f.line}]`);
  page.articles.forEach((a, i) => {
    lines.push(`${i + 1}. ${a.headline || '(untitled)'}  [line ${a.line}]`);
    if (a.kicker) lines.push(`   引题: ${a.kicker}`);
    if (a.subhead) lines.push(`   副题: ${a.subhead}`);
    if (a.dateline) lines.push(`   电头: ${a.dateline}`);
    if (a.byline) lines.push(`   署名: ${a.byline}`);
    a.paragraphs.forEach((p, k) => {
      const flag = a.kinds[k] === 'text' ? '' : ` [${a.kinds[k] === 'list-item' ? 'list' : a.kinds[k]}]`;
      const trunc = a.truncated.includes(k) ? ' [truncated]' : '';
      const short = Array.from(p).length > 40 ? Array.from(p).slice(0, 40).join('') + '…' : p;
      lines.push(`   ¶${k + 1}${flag}${trunc} ${short}`);
    });
    for (const c of a.corrections) lines.push(`   改 ${c.field}${c.paragraph === undefined ? '' : ' ¶' + (c.paragraph + 1)}:${c.at + 1} ${c.from}→${c.to} (${c.evidence})`);
  });
  for (const u of page.unplaced) lines.push(`unplaced (line ${u.line}, ${u.reason}): ${u.text}`);
  return lines.join('\n');
}

/** Run the command; returns the exit code. */
export function parseCommand(file: string, json: boolean): number {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    console.error(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  try {
    const page = parseScan(bytes);
    process.stdout.write(json ? JSON.stringify(toJsonOutput(page), null, 1) + '\n' : outline(page) + '\n');
    for (const w of page.decodeWarnings) console.error(`${file}:${w.line}: warning: ${w.message}`);
    for (const u of page.unplaced) console.error(`${file}:${u.line}: warning: unplaced text (${u.reason})`);
    return 0;
  } catch (e) {
    if (e instanceof DecodeError) {
      console.error(`${file}${e.line ? ':' + e.line : ''}: error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
