/**
 * The files of one printed page in a day folder: `<page>.txt` (the OCR text),
 * `<page>.json` (sidecar), `<page>.alto.xml` or `<page>.hocr` (text with
 * line positions), `<page>.jpg|.jpeg|.png|.webp` (the page image).
 */

export type PageFileKind = 'text' | 'sidecar' | 'alto' | 'hocr' | 'image';

/** File name endings of each kind, longest first so `.alto.xml` wins over other endings. */
const ENDINGS: Array<[string, PageFileKind]> = [
  ['.alto.xml', 'alto'],
  ['.hocr', 'hocr'],
  ['.txt', 'text'],
  ['.json', 'sidecar'],
  ['.jpeg', 'image'],
  ['.jpg', 'image'],
  ['.png', 'image'],
  ['.webp', 'image'],
];

/** The page id and kind of a file name, or null when it is none of a page's files. */
export function pageFileOf(name: string): { page: string; kind: PageFileKind } | null {
  const lower = name.toLowerCase();
  for (const [ending, kind] of ENDINGS) if (lower.endsWith(ending) && name.length > ending.length) return { page: name.slice(0, -ending.length), kind };
  return null;
}

/** The files found for one page id (file names), by kind; the second of a kind is reported, not kept. */
export type PageFiles = Partial<Record<PageFileKind, string>>;
