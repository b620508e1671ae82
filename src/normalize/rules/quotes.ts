/**
 * Chinese quotation marks. The OCR gives straight quotes, or a single quote
 * where a double one was printed ("'六城联动"" for “六城联动”). Double quotes
 * alternate open/close within a paragraph; a single quote is a nested ‘’
 * only inside an open double quote and when its partner follows.
 */

const DOUBLE = new Set(['"', '“', '”', '＂', '„', '〝', '〞']);
const SINGLE = new Set(["'", '‘', '’', '＇', '`', '´']);

/** A character of a Latin run or markup: ASCII other than space. Undefined (text edge) is not. */
function isLatinSide(c: string | undefined): boolean {
  return c !== undefined && /[\x21-\x7e]/.test(c) && !/["'“”‘’]/.test(c);
}

/** @returns `text` with every quote mark made a Chinese “ ” or ‘ ’ that pairs up. */
export function quotes(text: string): string {
  const chars = Array.from(text);
  // Index of the next single and double quote after each position (linear, for long texts).
  const nextSingle = new Array<number>(chars.length);
  const nextDouble = new Array<number>(chars.length);
  let ns = Infinity;
  let nd = Infinity;
  for (let i = chars.length - 1; i >= 0; i--) {
    nextSingle[i] = ns;
    nextDouble[i] = nd;
    if (SINGLE.has(chars[i])) ns = i;
    if (DOUBLE.has(chars[i])) nd = i;
  }
  let doubleOpen = false;
  let singleOpen = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    // A quote between Latin or code characters (src="x") is not a Chinese quote.
    if ((DOUBLE.has(c) || SINGLE.has(c)) && isLatinSide(chars[i - 1]) && isLatinSide(chars[i + 1])) continue;
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
        if (nextSingle[i] < nextDouble[i]) {
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
