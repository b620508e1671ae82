/**
 * Text hygiene for OCR strings shown on the site.
 */

/** Bidi embedding/override/isolate controls: U+202A–U+202E, U+2066–U+2069. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0/C1 controls except tab and newline, which XML and HTML cannot carry. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/**
 * Remove bidi controls so a hostile or garbled scan cannot reorder the page.
 *
 * @param text OCR text.
 * @returns The text without U+202A–U+202E and U+2066–U+2069.
 */
export function stripBidi(text: string): string {
  return text.replace(BIDI, '');
}

/**
 * Text safe for titles, meta tags, feeds and JSON-LD: no bidi controls, no
 * control characters, whitespace runs collapsed.
 *
 * @param text OCR text.
 * @returns One clean line.
 */
export function plainText(text: string | null | undefined): string {
  return (text ?? '').replace(BIDI, '').replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/**
 * `plainText` without the trim, for a piece of a line (the text between two
 * corrected characters): the pieces of a line, cleaned one by one and the
 * ends trimmed, give what `plainText` gives the whole line.
 *
 * @param text OCR text.
 * @returns The text without bidi and control characters, whitespace runs as one space.
 */
export function plainPiece(text: string): string {
  return text.replace(BIDI, '').replace(CONTROLS, '').replace(/\s+/g, ' ');
}

/**
 * Show invisible controls in the raw scan view as `⟨U+202E⟩` instead of
 * letting them act.
 *
 * @param text Raw scan text.
 * @returns The text with bidi and control characters made visible.
 */
export function revealControls(text: string): string {
  return text.replace(new RegExp(`${BIDI.source}|${CONTROLS.source}`, 'g'), (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
