import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decodeScan, DecodeError } from './decode-scan.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeScan', () => {
  it('should strip a UTF-8 BOM and make CRLF and CR line ends LF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('标题\r\n正文\r末行')]);
    expect(decodeScan(bytes)).toEqual({ text: '标题\n正文\n末行', encoding: 'utf-8', warnings: [] });
  });

  it('should detect GB18030 and decode it without garbling', () => {
    const bytes = fs.readFileSync(path.join(import.meta.dirname, '../parse/fixtures/dev-04.txt'));
    const { text, encoding } = decodeScan(bytes);
    expect(encoding).toBe('gb18030');
    expect(text.startsWith('抚松人参产业迈向')).toBe(true);
  });

  it('should decode a file that mixes UTF-8 and GB18030 line by line and say which lines', () => {
    const gb = fs.readFileSync(path.join(import.meta.dirname, '../parse/fixtures/dev-04.txt'));
    const firstGbLine = gb.subarray(0, gb.indexOf(0x0a));
    const bytes = new Uint8Array([...enc('长春市新闻\n'), ...firstGbLine, ...enc('\n第三行正文。\n')]);
    const { text, encoding, warnings } = decodeScan(bytes);
    expect(encoding).toBe('mixed');
    expect(text.split('\n').slice(0, 3)).toEqual(['长春市新闻', '抚松人参产业迈向"全链条"发展', '第三行正文。']);
    expect(warnings).toEqual([{ line: 2, message: expect.stringMatching(/^mixed encodings: 1 line\(s\) decoded as GB18030 \(2\)/) }]);
  });

  it('should replace a truncated multi-byte character with U+FFFD and name the line', () => {
    const cut = enc('长春').subarray(0, 5);
    const bytes = new Uint8Array([...enc('第一行完整的文字。\n'), ...cut, ...enc('\n第三行也完整。\n')]);
    const { text, warnings } = decodeScan(bytes);
    expect(text.split('\n')[1]).toBe('长\uFFFD');
    expect(warnings.map((w) => w.line)).toEqual([2]);
  });

  it('should refuse a scan too large to be a page', () => {
    expect(() => decodeScan(new Uint8Array(6 * 1024 * 1024).fill(0x41))).toThrow(/too large for a page scan \(6\.0 MB/);
  });

  it('should reject an empty file', () => {
    expect(() => decodeScan(new Uint8Array())).toThrow(/empty file/);
    expect(() => decodeScan(enc(' \n\n '))).toThrow(/empty file/);
  });

  it('should reject a binary file and say where', () => {
    const err = (() => {
      try {
        decodeScan(new Uint8Array([...enc('第一行\n'), 0, 1, 2, 3]));
      } catch (e) {
        return e as DecodeError;
      }
    })();
    expect(err).toBeInstanceOf(DecodeError);
    expect(err?.message).toMatch(/binary/);
    expect(err?.line).toBe(2);
  });

  it('should reject bytes that are neither UTF-8 nor GB18030 text', () => {
    expect(() => decodeScan(new Uint8Array([...enc('好'), 0xff, 0xff, 0xff, 0xfe, 0x80, 0x80]))).toThrow(DecodeError);
  });
});

describe('decodeScan and the middle dot', () => {
  it('should decode a GB18030 line with a middle dot (经济·市州) as GB18030, not as damaged UTF-8', () => {
    // "第5版 经济·市州" in GB18030: the dot is A1A4.
    const bytes = Uint8Array.from([0xb5, 0xda, 0x35, 0xb0, 0xe6, 0x20, 0xbe, 0xad, 0xbc, 0xc3, 0xa1, 0xa4, 0xca, 0xd0, 0xd6, 0xdd, 0x0a]);
    const r = decodeScan(bytes);
    expect(r.text).toBe('第5版 经济·市州\n');
    expect(r.encoding).toBe('gb18030');
    expect(r.warnings).toEqual([]);
  });
});
