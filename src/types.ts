/**
 * Data contracts shared by every stage of the pipeline.
 *
 * scan/ reads files into `ScanPage`s, parse/ turns each into `ParsedPage`
 * (articles + unplaced text), enrich/ adds keywords, site/ renders them.
 */

/** One line of a decoded scan, as printed in the file. */
export interface ScanLine {
  /** Text without the line terminator. */
  text: string;
  /** Line number in the file, 1-based. */
  line: number;
}

/** How the OCR laid out the text of a page. */
export type LayoutStyle =
  /** One paragraph per line, spaces left where the printed column wrapped. */
  | 'wrapped'
  /** A hard line break every 11–14 characters, paragraphs start with "　　". */
  | 'hardwrap'
  /** Every printed line a line, blank lines between paragraphs, a space between nearly every two characters. */
  | 'charspace';

/**
 * A run of text the layout stage considers one unit: a title line, a
 * paragraph, or a byline. Segmentation groups blocks into articles.
 */
export interface Block {
  /** Raw text, column-wrap spaces still in, hard line breaks joined. */
  text: string;
  /** First line of the block in the file, 1-based. */
  line: number;
  /** The block began with a paragraph indent ("　　" or spaces) in a hard-wrapped scan. */
  indented: boolean;
  /** A blank line came right before this block. */
  afterBlank: boolean;
  /**
   * Display width (in em) of each printed line of the block: the pieces
   * between wrap spaces, or the hard-wrapped lines. Used to tell a full
   * column line (the sentence goes on) from the short last line of a paragraph.
   */
  widths: number[];
}

/** A reporter credited in a byline. */
export interface Reporter {
  name: string;
  /** Role as printed: 记者, 全媒体记者, 见习记者, 实习生, 通讯员, 摄影 … */
  role: string;
  /** Organisation printed before the role, e.g. 吉林日报, 城市晚报, 本报; null when none. */
  org: string | null;
}

/**
 * Kind of one body paragraph, parallel to `Article.paragraphs`: running text,
 * an inner section heading, a list item led by ——, or a photo caption
 * (图为…… 本报记者 … 摄), which the article page shows as a caption.
 */
export type ParagraphKind = 'text' | 'heading' | 'list-item' | 'caption';

/**
 * A line of page furniture: the masthead strip, date and weekday, 版次 and
 * 版名, 责任编辑/美编/校对 lines, hotlines. It belongs to the page, never to an article.
 */
export interface FurnitureLine {
  /** The line as printed, normalized like other text (full-width punctuation, single spaces). */
  text: string;
  /** Line in the scan, 1-based. */
  line: number;
}

/** A look-alike character the OCR misread, corrected: where it is and what the scan said. */
export interface Correction {
  /** The field: `kicker`, `headline`, `subhead`, or `paragraph` (then `paragraph` gives which). */
  field: 'kicker' | 'headline' | 'subhead' | 'paragraph';
  /** Index into `paragraphs` when `field` is `paragraph`. */
  paragraph?: number;
  /** Index of the character in the field's text, in code points. */
  at: number;
  /** The character as the OCR read it (what the scan says). */
  from: string;
  /** The character as corrected (what the field says). */
  to: string;
  /** What decided it: a dictionary word far more frequent, or the way the page prints the name elsewhere. */
  evidence: 'dictionary' | 'page';
}

/** One article as the parser found it on a page. */
export interface Article {
  /** 引题 above the headline, or null. */
  kicker: string | null;
  /** The headline; "" only for an untitled run of text (flagged by `untitled`). */
  headline: string;
  /** 副题 under the headline, without its leading dashes, or null. */
  subhead: string | null;
  /** The reporter line as printed, single spaces between parts, or null. */
  byline: string | null;
  /**
   * The dateline or lead credit printed at the start of the first paragraph
   * (本报讯（记者 张伟国）, 新华社长春3月5日电（记者 …）), normalized; null when none.
   * The first paragraph does not repeat it.
   */
  dateline: string | null;
  /** Reporters parsed from the dateline and the byline (dateline first), each name once. */
  reporters: Reporter[];
  /** Body paragraphs in reading order, OCR damage repaired. */
  paragraphs: string[];
  /** Kind of each paragraph, parallel to `paragraphs`. */
  kinds: ParagraphKind[];
  /** Indexes of paragraphs that end mid-sentence (the column continued elsewhere). */
  truncated: number[];
  /** Look-alike characters corrected in the title and paragraphs, in field order. */
  corrections: Correction[];
  /** First line of the article in the scan, 1-based. */
  line: number;
  /** True when the page had text with no recognisable headline before it. */
  untitled?: boolean;
}

/** A piece of scan text the parser could not place in an article. */
export interface Unplaced {
  text: string;
  /** Line in the scan, 1-based. */
  line: number;
  reason: string;
}

/** A problem found while reading or parsing a scan; printed as `file:line: message`. */
export interface Problem {
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  message: string;
  severity: 'error' | 'warning';
  /** Short stable id of the check, e.g. `decode`, `no-headline`. */
  ruleId: string;
}

/** The parser's answer for one scan. */
export interface ParsedPage {
  articles: Article[];
  unplaced: Unplaced[];
  /** Page furniture, top of the page first, then bottom. */
  furniture: FurnitureLine[];
  /** The 版名 printed in the furniture (第3版 要闻 → 要闻), or null. */
  section: string | null;
  style: LayoutStyle;
  /** Encoding the bytes were decoded from: utf-8, gb18030 or mixed. */
  encoding: string;
  /** What the decoder repaired (mixed encodings, bytes replaced by U+FFFD), with lines. */
  decodeWarnings: Array<{ line: number; message: string }>;
}

/** Page metadata from the optional `<page>.json` sidecar. */
export interface PageMeta {
  /** Section name printed on the page, e.g. 要闻. */
  section?: string;
  /** Free-text notes, e.g. that the date is estimated. */
  notes?: string;
  /** The date is estimated from the content, not printed on the scan. */
  dateEstimated?: boolean;
  /** The page number is estimated. */
  pageEstimated?: boolean;
}

/** A file's identity as `fs.statSync` gives it: while these are the same, so are its bytes (see `scan/scan-memo.ts`). */
export interface ScanStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** A scan file located in the input layout `<paper>/<YYYY-MM-DD>/<page>.txt`. */
export interface ScanPage {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  /** Paper id: the folder name, e.g. `jlrb`. */
  paper: string;
  /** Paper name from `paper.json`, e.g. 吉林日报. */
  paperName: string;
  /** Issue date, YYYY-MM-DD. */
  date: string;
  /** Page id from the file name (usually the page number), e.g. `3`. */
  page: string;
  /** Page number in the printed issue, 1-based, when the id is numeric. */
  pageNumber: number | null;
  meta: PageMeta;
  /** Raw bytes of the scan; for a page given only as ALTO or hOCR, the text read from it (see `scan/read-layouts.ts`). */
  bytes: Uint8Array;
  /** The text file's size, times and inode, taken before its bytes are read (see `scan/scan-memo.ts`); none for a page given only as ALTO or hOCR. */
  stat?: ScanStat;
  /** When `stat` was taken, ms since the epoch. */
  statAt?: number;
  /** The page's ALTO (`<page>.alto.xml`) or hOCR (`<page>.hocr`) file, relative to the project, when there is one. */
  layoutFile?: string;
  /** The page image (`<page>.jpg|.png|.webp`), relative to the project, when there is one. */
  imageFile?: string;
}

/** A rectangle on a page image: left, top, width, height, in the page's coordinates (`PageLayout.width`). */
export type Box = [x: number, y: number, w: number, h: number];

/** One printed line of an ALTO or hOCR file. */
export interface LayoutLine {
  /** The line's text, words joined by one space where the file spaces them. */
  text: string;
  box: Box;
  /** Index of its text block (ALTO TextBlock, hOCR ocr_par), in reading order. */
  block: number;
}

/** What an ALTO or hOCR file says of a page: its size and its printed lines in reading order. */
export interface PageLayout {
  /** Page size in the file's units (pixels of the image it was read from, usually). */
  width: number;
  height: number;
  lines: LayoutLine[];
}

/** The printed page of a page view: its image, and with an ALTO or hOCR file the positions of its lines. */
export interface PageScan {
  /** Hash of the image and the layout file: changes when either does. */
  digest: string;
  /** The images, or null when the page has positions but no (usable) image. */
  image: {
    /** Site-relative URL of the web-size image. */
    web: string;
    /** Its size in pixels. */
    webWidth: number;
    webHeight: number;
    /** Site-relative URL of the image as given. */
    full: string;
    /** Size of the image as given, in pixels and bytes. */
    fullWidth: number;
    fullHeight: number;
    fullBytes: number;
  } | null;
  /** Size of the coordinate space of `lines` and zones: the layout's page, else the full image. */
  width: number;
  height: number;
  /** Printed lines with their boxes, in reading order; empty without a layout file. */
  lines: Array<{ text: string; box: Box }>;
}

/** Where an article is printed on its page image. */
export interface ArticleZone {
  /** Rectangles covering the article, one per run of lines in one column, in reading order. */
  rects: Box[];
  /** Indexes of its lines in `PageScan.lines`. */
  lines: number[];
}

/** Where a printed page sits in the archive; shared by pages and their articles. */
export interface PagePlace {
  /** Paper id, e.g. `jlrb`. */
  paper: string;
  /** Paper name, e.g. 吉林日报. */
  paperName: string;
  /** Issue date, YYYY-MM-DD. */
  date: string;
  /** Page id, usually the page number. */
  page: string;
  /** Page number in the printed issue, 1-based, when the id is numeric. */
  pageNumber: number | null;
  /** Section name of the page (版名): from the sidecar, else as printed in the page furniture; null when neither says. */
  section: string | null;
}

/** An article placed in the archive, with everything the site needs. */
export interface ArchiveArticle extends Article, PagePlace {
  /** Stable id: `<paper>/<date>/<page>/<n>`, n 1-based in reading order on the page. */
  id: string;
  /** Site-relative URL without base path, e.g. `/jlrb/2023-02-01/3/1/`. */
  url: string;
  /** 1-based position of the article on its page. */
  n: number;
  /** 5–8 keywords, most characteristic first. */
  keywords: string[];
  /** Scan file the article comes from, relative to the project. */
  source: string;
  /** Where it is printed on the page image; only for pages with an image and positions. */
  zone?: ArticleZone;
}

/** A printed page (版面) in the archive. */
export interface ArchivePage extends PagePlace {
  /** Site-relative URL of the page view. */
  url: string;
  /** The scan text as decoded (what the OCR said). */
  rawText: string;
  /** Scan file, relative to the project. */
  source: string;
  meta: PageMeta;
  articles: ArchiveArticle[];
  /** Text the parser could not place in an article. */
  unplaced: Unplaced[];
  /** Page furniture (masthead, 版次/版名, editor lines), top first. */
  furniture: FurnitureLine[];
  /** The page image and line positions, when the input has an image or an ALTO/hOCR file. */
  scan?: PageScan;
}

/** One paper's issue on one date. */
export interface ArchiveIssue {
  paper: string;
  paperName: string;
  date: string;
  /** Site-relative URL of the issue. */
  url: string;
  pages: ArchivePage[];
}

/** Everything the site generator gets from the pipeline. */
export interface Archive {
  papers: Array<{ id: string; name: string }>;
  /** Issues, newest first. */
  issues: ArchiveIssue[];
  /** All articles, newest issue first, then page and reading order. */
  articles: ArchiveArticle[];
  problems: Problem[];
  /** Scans that were skipped, relative paths. */
  skipped: string[];
  stats: {
    /** Scan files found. */
    scans: number;
    /** Han characters, letters and digits in the decoded scans that were built. */
    charsRead: number;
    /** The same, counted in the articles' fields and the unplaced text. */
    charsPlaced: number;
    /** Build cache use for the analysis of scans. */
    cache?: { hits: number; misses: number; corrupt: number };
  };
  /** jieba words (canonical, with counts) per article id, for the search index. */
  words?: WordCounts;
}

/** jieba words (canonical, with counts) by article id; a Map is one. */
export interface WordCounts {
  get(id: string): Record<string, number> | undefined;
}
