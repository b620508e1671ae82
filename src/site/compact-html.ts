/**
 * Whitespace between tags, as the templates leave it (indents, runs of
 * spaces where a loop's tags were stripped), shortened to what renders the
 * same: a run with a line break becomes one line break, a run of spaces one
 * space. `<pre>`, `<textarea>` and `<script>` are left as they are.
 */

/** An element whose whitespace counts (kept whole), or a run of whitespace between two tags. */
const PART = /<(pre|textarea|script)\b[\s\S]*?<\/\1>|(?<=>)[ \t\r\n]{2,}(?=<)/gi;

/**
 * @param html A rendered HTML page.
 * @returns The page with the whitespace between tags shortened; the same text and elements.
 */
export function compactHtml(html: string): string {
  return html.replace(PART, (m: string, kept: string | undefined) => (kept ? m : /[\r\n]/.test(m) ? '\n' : ' '));
}
