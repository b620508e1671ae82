/**
 * The confusion set: characters the OCR of narrow newspaper columns reads
 * as a look-alike, each with the characters it may stand for. Collected from
 * the misreads in the answered corpus (入→人, 县→具, 进→讲, 通→诵, 千→干,
 * 己/已, 滨→淀, 土→士, 今→令) and the shape-similar pairs every Chinese OCR
 * confuses (乎/平, 未/末, 宇/字, 日/曰, 戊/戌/戍, 己/巳).
 */

/**
 * Misread character → the characters it may have been printed as, each with
 * how rarely the OCR makes that mistake: 0 for the usual direction (入 read
 * as 人), 1 for the reverse (人 read as 入, which happens but seldom). A rare
 * direction needs more evidence (see `correct-text.ts`).
 */
export const CONFUSIONS: ReadonlyMap<string, ReadonlyArray<readonly [printed: string, rarity: number]>> = new Map([
  ['人', [['入', 0]]],
  ['入', [['人', 1]]],
  ['具', [['县', 0]]],
  ['讲', [['进', 0]]],
  ['诵', [['通', 0]]],
  ['干', [['千', 0]]],
  ['千', [['干', 1]]],
  ['己', [['已', 0], ['巳', 1]]],
  ['已', [['己', 0]]],
  ['巳', [['已', 0], ['己', 0]]],
  ['淀', [['滨', 0]]],
  ['士', [['土', 0]]],
  ['土', [['士', 1]]],
  ['令', [['今', 0]]],
  ['今', [['令', 1]]],
  ['平', [['乎', 0]]],
  ['乎', [['平', 1]]],
  ['末', [['未', 0]]],
  ['未', [['末', 0]]],
  ['字', [['宇', 0]]],
  ['曰', [['日', 0]]],
  ['戌', [['戊', 0], ['戍', 0]]],
  ['戍', [['戊', 0], ['戌', 0]]],
]);

/** Every character that takes part in a confusion, on either side. */
export const CONFUSABLE = new Set([...CONFUSIONS.keys(), ...[...CONFUSIONS.values()].flat().map(([c]) => c)]);
