/**
 * Chinese quotation marks. The OCR gives straight quotes, or a single quote
 * where a double one was printed ("'六城联动"" for “六城联动”). Double quotes
 * alternate open/close within a paragraph; a single quote is a nested ‘’
 * only inside an open double quote and when its partner follows.
 */

const DOUBLE = new Set(['"', '“', '”', '＂', '„', '〝', '〞']);
const SINGLE = new Set(["'", '‘', '’', '＇', '`', '´']);

/** @returns `text` with every quote mark made a Chinese “ ” or ‘ ’ that pairs up. */
export function quotes(text: string): string {
  const chars = Array.from(text);
  let doubleOpen = false;
  let singleOpen = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (DOUBLE.has(c)) {
      if (singleOpen && !doubleOpen) {
        // A double quote closing what a mangled single quote opened.
        chars[i] = '”';
        singleOpen = false;
        continue;
      }
      chars[i] = doubleOpen ? '”' : '“';
      doubleOpen = !doubleOpen;
    } else if (SINGLE.has(c)) {
      if (singleOpen) {
        chars[i] = '’';
        singleOpen = false;
      } else if (doubleOpen) {
        // Nested ‘ only when another single quote follows before the double quote closes.
        const rest = chars.slice(i + 1);
        const nextSingle = rest.findIndex((x) => SINGLE.has(x));
        const nextDouble = rest.findIndex((x) => DOUBLE.has(x));
        if (nextSingle >= 0 && (nextDouble < 0 || nextSingle < nextDouble)) {
          chars[i] = '‘';
          singleOpen = true;
        } else {
          chars[i] = '”';
          doubleOpen = false;
        }
      } else {
        // At top level a single quote stands for a mangled double quote.
        chars[i] = '“';
        doubleOpen = true;
      }
    }
  }
  return chars.join('');
}
