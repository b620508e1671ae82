/**
 * The heads of the analyses of an archive's scans: everything of an analysis
 * but the articles' bodies (paragraphs, their kinds, truncations and
 * corrections) and the page furniture, kept in one cache entry from one build
 * to the next. A rebuild makes the archive of an unchanged scan from its
 * head, and reads the scan's whole analysis only when something asks for a
 * body: the pages it renders again, the search fragments it writes. The
 * room, the render plan and the search index plan use heads only, so an
 * edit reads a few analyses, not every one (reading the 5,000 of a
 * 5,000-page archive was over a second of every rebuild).
 *
 * The entry is checksummed like every cache entry (cache/build-cache.ts):
 * a damaged one is not used, and every analysis is read whole again.
 */
import type { Article } from '../types.ts';
import type { AnalyzedScan } from '../parse/analyze-text.ts';
import { KeptRecords, type BuildCache } from './build-cache.ts';

/** A scan's analysis without its words (cached apart: cache/article-words.ts). */
export type Analysis = Omit<AnalyzedScan, 'words'> & { words?: AnalyzedScan['words'] };

type Body = Pick<Article, 'corrections' | 'paragraphs' | 'kinds' | 'truncated'>;

/** An article without its body: what the room, the render plan and the search plan read. */
type ArticleHead = Omit<Article, keyof Body>;

/** An analysis without the bodies of its articles and its page furniture. */
interface Head extends Omit<Analysis, 'articles' | 'furniture' | 'words'> {
  articles: ArticleHead[];
}

/** Where an article made by `withBody` keeps the function that gives its body (not enumerable: spreading, JSON and clones see the body's fields). */
const BODY = Symbol('body');

/** The body's fields as getters shared by every article, reading the article's own `BODY`. */
const BODY_GETTERS: PropertyDescriptorMap = Object.fromEntries(
  (['corrections', 'paragraphs', 'kinds', 'truncated'] as const).map((field) => [
    field,
    {
      get(this: { [BODY]: () => Body }) {
        return this[BODY]()[field];
      },
      enumerable: true,
      configurable: true,
    },
  ]),
);

/**
 * An article made of its head and fields of its own, its body read from
 * `body` when asked for. The body's fields are own enumerable getters, in the
 * order the parser gives the fields, so spreading, JSON and structured clone
 * see a whole article.
 * Note: the getters are the same functions for every article, defined in the
 * same order, so V8 keeps the articles in fast mode, sharing one shape. An
 * object literal with getters of its own (closures over `body`) is made in
 * dictionary mode: 2.1 KB an article against 0.35 KB, about 100 MB of the
 * main heap at 5,000 pages (heap snapshot before the render).
 */
export function withBody<T extends object>(head: ArticleHead, body: () => Body, own: T): Article & T {
  const article = { kicker: head.kicker, headline: head.headline, subhead: head.subhead, byline: head.byline, dateline: head.dateline, reporters: head.reporters };
  Object.defineProperty(article, BODY, { value: body });
  Object.defineProperties(article, BODY_GETTERS);
  const rest: Pick<Article, 'line' | 'untitled'> = { line: head.line };
  if (head.untitled !== undefined) rest.untitled = head.untitled;
  return Object.assign(article, rest, own) as unknown as Article & T;
}

export class AnalysisHeads {
  private readonly heads: KeptRecords<Head>;

  /**
   * @param name What the heads are of (the input folder and the shard taken): one entry each.
   * @param version Version of the analyzer: heads of another are not used.
   */
  constructor(cache: BuildCache, name: string, version: string) {
    this.heads = new KeptRecords(cache, 'heads', name, version);
  }

  /** Whether the head of the analysis under `key` is known. */
  has(key: string): boolean {
    return this.heads.peek(key) !== undefined;
  }

  /**
   * The analysis under `key` made from its head; the bodies and furniture
   * come from `whole` when first asked for.
   *
   * @param whole The whole analysis (from the cache, or made again when its entry is gone).
   */
  lazy(key: string, whole: () => Analysis): Analysis {
    const head = this.heads.peek(key)!;
    this.heads.use(key);
    let loaded: Analysis | undefined;
    const body = () => (loaded ??= whole());
    const { style, articles, unplaced, ...rest } = head;
    return {
      style,
      articles: articles.map((a, i) => withBody(a, () => body().articles[i], {})),
      unplaced,
      get furniture() {
        return body().furniture;
      },
      ...rest,
    };
  }

  /** Keep the head of an analysis read whole or made in this build. */
  keep(key: string, analysis: Analysis): void {
    if (this.heads.kept(key)) return;
    const { articles, furniture, words, ...rest } = analysis;
    this.heads.put(key, { ...rest, articles: articles.map(({ paragraphs, kinds, truncated, corrections, ...head }) => head) });
  }

  /** Store the heads of the analyses this build used, when they differ from those it found. */
  save(): void {
    this.heads.save();
  }
}
