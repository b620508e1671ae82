/**
 * HTML for the OCR text of a page view: the scan text exactly as decoded, one
 * `<span id="L<n>">` per line (the CSS numbers `pre.raw > span`) so the
 * furniture and unplaced text can link to `#L12`.
 */
import { revealControls } from './clean-text.ts';

// Note: element content, so quotes need no escaping (OCR text has many).
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Lines of a scan as HTML for a `<pre>`: markup characters escaped, bidi and
 * control characters shown as `⟨U+202E⟩`, trailing whitespace written as
 * character references (same rendering, but no trailing whitespace in the
 * HTML source).
 *
 * @param text Decoded scan text, `\n` line ends.
 * @returns HTML fragment.
 */
export function rawTextHtml(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return lines
    .map((line, i) => {
      const shown = revealControls(line).replace(/[&<>]/g, (c) => ESCAPES[c]);
      const trailing = /\s+$/u.exec(shown)?.[0] ?? '';
      const body = shown.slice(0, shown.length - trailing.length);
      const refs = [...trailing].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
      return `<span id="L${i + 1}">${body}${refs}</span>`;
    })
    .join('\n');
}
