/**
 * Turn the bytes of a scan into text: UTF-8 (with or without BOM) or
 * GB18030/GBK, CRLF and CR line ends made LF. Never garbles silently: bytes
 * that decode in neither encoding raise a `DecodeError` naming the line.
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

export interface DecodedScan {
  text: string;
  /** `utf-8` or `gb18030`. */
  encoding: 'utf-8' | 'gb18030';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * Decode a scan.
 *
 * @param bytes Raw file contents.
 * @returns The text with LF line ends and no BOM, and the encoding used.
 * @throws DecodeError for empty, binary or undecodable input.
 */
export function decodeScan(bytes: Uint8Array): DecodedScan {
  if (bytes.length === 0) throw new DecodeError('empty file');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DecodeError(`binary file (NUL byte at offset ${nul})`, lineAt(bytes, nul));
  let text: string;
  let encoding: DecodedScan['encoding'];
  try {
    text = utf8.decode(bytes);
    encoding = 'utf-8';
  } catch {
    const bad = firstBadUtf8(bytes);
    // Note: GB18030 accepts almost any byte pair, so it is tried only when the
    // bytes are not UTF-8, and the result must look like Chinese text.
    try {
      text = gb18030.decode(bytes);
      encoding = 'gb18030';
    } catch {
      throw new DecodeError('undecodable bytes: neither UTF-8 nor GB18030', lineAt(bytes, bad));
    }
    if (!looksLikeText(text)) {
      throw new DecodeError('undecodable bytes: not UTF-8, and as GB18030 it is not Chinese text', lineAt(bytes, bad));
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (!looksLikeText(text)) throw new DecodeError('binary file (mostly control characters)');
  if (text.trim() === '') throw new DecodeError('empty file (only whitespace)');
  return { text, encoding };
}

/** Share of control characters is low and CJK or ASCII letters dominate. */
function looksLikeText(text: string): boolean {
  let control = 0;
  let good = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0)!;
    if (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) control++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d)
      good++;
  }
  if (total === 0) return false;
  return control / total < 0.01 && good / total > 0.7;
}

function firstBadUtf8(bytes: Uint8Array): number {
  // Decode growing prefixes cheaply: find the first byte that starts an invalid sequence.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let n = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if (bytes[i + k] >> 6 !== 0b10) return i;
    i += n;
  }
  return bytes.length;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
