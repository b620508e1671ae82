/**
 * The searchable text of an article: its fields in the order the eval's
 * truth concatenates them (kicker, headline, subhead, byline, paragraphs).
 */
export interface SearchableFields {
  kicker: string | null;
  headline: string;
  subhead: string | null;
  byline: string | null;
  paragraphs: string[];
}

/** Non-empty fields in index order. */
export function articleFields(a: SearchableFields): string[] {
  return [a.kicker, a.headline, a.subhead, a.byline, ...a.paragraphs].filter((x): x is string => !!x && x.trim() !== '');
}
