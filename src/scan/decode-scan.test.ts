import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decodeScan, DecodeError } from './decode-scan.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeScan', () => {
  it('should strip a UTF-8 BOM and make CRLF and CR line ends LF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('标题\r\n正文\r末行')]);
    expect(decodeScan(bytes)).toEqual({ text: '标题\n正文\n末行', encoding: 'utf-8' });
  });

  it('should detect GB18030 and decode it without garbling', () => {
    const bytes = fs.readFileSync(path.join(import.meta.dirname, '../parse/fixtures/dev-04.txt'));
    const { text, encoding } = decodeScan(bytes);
    expect(encoding).toBe('gb18030');
    expect(text.startsWith('抚松人参产业迈向')).toBe(true);
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
