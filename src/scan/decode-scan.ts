/**
 * Turn the bytes of a scan into text: UTF-8 (with or without BOM) or
 * GB18030/GBK, CRLF and CR line ends made LF. Never garbles silently: a file
 * that mixes encodings is decoded line by line and says so; bytes that decode
 * in neither encoding become U+FFFD with a warning naming the line; a file
 * that is not text at all raises a `DecodeError`.
 */

export class DecodeError extends Error {
  /** 1-based line of the first undecodable byte, when known. */
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'DecodeError';
    this.line = line;
  }
}

/** Something the decoder repaired; the text is still usable. */
export interface DecodeWarning {
  line: number;
  message: string;
}

export interface DecodedScan {
  text: string;
  /** `utf-8`, `gb18030`, or `mixed` when lines differ. */
  encoding: 'utf-8' | 'gb18030' | 'mixed';
  warnings: DecodeWarning[];
}

/** Largest scan accepted: a printed page is a few tens of kilobytes. */
export const MAX_SCAN_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * Decode a scan.
 *
 * @param bytes Raw file contents.
 * @returns The text with LF line ends and no BOM, the encoding and any repairs.
 * @throws DecodeError for empty, binary, oversized or undecodable input.
 */
export function decodeScan(bytes: Uint8Array): DecodedScan {
  if (bytes.length === 0) throw new DecodeError('empty file');
  if (bytes.length > MAX_SCAN_BYTES) {
    throw new DecodeError(`too large for a page scan (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_SCAN_BYTES / 1048576} MB)`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DecodeError(`binary file (NUL byte at offset ${nul})`, lineAt(bytes, nul));
  let decoded: DecodedScan;
  try {
    decoded = { text: utf8.decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    decoded = decodeByLine(bytes);
  }
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (!looksLikeText(text)) throw new DecodeError('binary file (mostly control characters or undecodable bytes)');
  if (text.trim() === '') throw new DecodeError('empty file (only whitespace)');
  return { ...decoded, text };
}

/**
 * Bytes that are not UTF-8 as a whole: decode each line on its own, as UTF-8
 * when it is, else as GB18030 when that gives Chinese text, else UTF-8 with
 * U+FFFD for the bad bytes.
 */
function decodeByLine(bytes: Uint8Array): DecodedScan {
  const parts: string[] = [];
  const warnings: DecodeWarning[] = [];
  let utf8Lines = 0;
  let gbLines: number[] = [];
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const chunk = bytes.subarray(start, end);
    const ascii = chunk.every((b) => b < 0x80);
    if (ascii) parts.push(utf8.decode(chunk));
    else {
      let s: string | null = null;
      try {
        s = utf8.decode(chunk);
        utf8Lines++;
      } catch {
        try {
          const gb = gb18030.decode(chunk);
          // Latin-1 letters mean mojibake; the middle dot (经济·市州) is Chinese punctuation.
          if (looksLikeText(gb) && !/[\u0080-\u00b6\u00b8-\u00ff]/.test(gb)) {
            s = gb;
            gbLines.push(line);
          }
        } catch {
          // neither: fall through to lossy UTF-8
        }
      }
      if (s === null) {
        s = utf8Lossy.decode(chunk);
        warnings.push({ line, message: 'bytes that are neither UTF-8 nor GB18030 (a truncated character?) replaced with U+FFFD' });
      }
      parts.push(s);
    }
    start = end + 1;
    line++;
  }
  const encoding = utf8Lines && gbLines.length ? 'mixed' : gbLines.length ? 'gb18030' : 'utf-8';
  if (encoding === 'mixed') {
    const shown = gbLines.slice(0, 5).join(', ') + (gbLines.length > 5 ? ' …' : '');
    warnings.unshift({ line: gbLines[0], message: `mixed encodings: ${gbLines.length} line(s) decoded as GB18030 (${shown}), the rest as UTF-8` });
  }
  return { text: parts.join('\n'), encoding, warnings };
}

/** Share of control characters is low and CJK or ASCII dominates. */
function looksLikeText(text: string): boolean {
  let control = 0;
  let replaced = 0;
  let good = 0;
  let total = 0;
  // Note: by code unit, a surrogate pair counted once (iterating the string's code points took a quarter of decoding).
  for (let i = 0; i < text.length; i++) {
    total++;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // Astral: neither control, replacement nor counted as good.
      i++;
      continue;
    }
    if (c === 0xfffd) replaced++;
    else if (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) control++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || (c >= 0x2010 && c <= 0x2027) || c === 0xb7)
      good++;
  }
  if (total === 0) return false;
  return control / total < 0.02 && replaced / total < 0.1 && good / total > 0.7;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
