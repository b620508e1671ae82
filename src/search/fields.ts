/**
 * The searchable text of an article: its fields in the order the eval's
 * truth concatenates them (kicker, headline, subhead, byline, paragraphs),
 * with the dateline right before the paragraphs, where the paper prints it.
 */
export interface SearchableFields {
  kicker: string | null;
  headline: string;
  subhead: string | null;
  byline: string | null;
  /**
   * The dateline taken out of the first paragraph (本报讯（记者 张伟国）); absent or null when none.
   * Note: it comes right before the paragraphs, so the joined text is the
   * same whether the parser split the dateline off or left it in paragraph 1.
   */
  dateline?: string | null;
  paragraphs: string[];
}

/** Non-empty fields in index order. */
export function articleFields(a: SearchableFields): string[] {
  return [a.kicker, a.headline, a.subhead, a.byline, a.dateline, ...a.paragraphs].filter((x): x is string => !!x && x.trim() !== '');
}
