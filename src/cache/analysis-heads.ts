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
import { BuildCache, KeptRecords } from './build-cache.ts';

/**
 * Cache namespace of the analysis of a scan, without its words (cached
 * apart, see cache/article-words.ts), under the scan's text digest and the
 * analyzer's version.
 */
export const ANALYSIS = 'analysis';

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

/** Where the body of an article is in the cache: article `i` of the analysis under `key`. */
export interface BodyRef {
  key: string;
  i: number;
}

/** Where an article made by `withBody` keeps its `BodyRef`, when its body is in the cache (not enumerable, like `BODY`). */
const REF = Symbol('ref');

const BODY_FIELDS = ['corrections', 'paragraphs', 'kinds', 'truncated'] as const;

/** The body's fields as getters shared by every article, reading the article's own `BODY`. */
const BODY_GETTERS: PropertyDescriptorMap = Object.fromEntries(
  BODY_FIELDS.map((field) => [
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
export function withBody<T extends object>(head: ArticleHead, body: () => Body, own: T, ref?: BodyRef): Article & T {
  const article = { kicker: head.kicker, headline: head.headline, subhead: head.subhead, byline: head.byline, dateline: head.dateline, reporters: head.reporters };
  Object.defineProperty(article, BODY, { value: body });
  if (ref) Object.defineProperty(article, REF, { value: ref });
  Object.defineProperties(article, BODY_GETTERS);
  const rest: Pick<Article, 'line' | 'untitled'> = { line: head.line };
  if (head.untitled !== undefined) rest.untitled = head.untitled;
  return Object.assign(article, rest, own) as unknown as Article & T;
}

/**
 * Whole analyses read by `AnalysisHeads.lazy` that are kept, the most
 * recently used. A build asks for the bodies of a scan's articles together
 * (a page view, an issue's JSON, the articles of a page in the render's order),
 * so a few hundred cover it, and the archive's bodies are not all held
 * through the build: that is what made its memory grow with the archive.
 */
const RECENT_ANALYSES = 256;

/** The whole analyses used last, by key. */
class RecentAnalyses {
  /** Least recently used first. */
  private readonly byKey = new Map<string, Analysis>();

  /** The analysis under `key`, from `read` when it is not one of the recent. */
  get(key: string, read: () => Analysis): Analysis {
    let analysis = this.byKey.get(key);
    if (analysis) {
      // The most recently used last.
      this.byKey.delete(key);
    } else {
      analysis = read();
      if (this.byKey.size >= RECENT_ANALYSES) this.byKey.delete(this.byKey.keys().next().value!);
    }
    this.byKey.set(key, analysis);
    return analysis;
  }
}

export class AnalysisHeads {
  private readonly heads: KeptRecords<Head>;
  private readonly recent = new RecentAnalyses();

  /**
   * @param name What the heads are of (the input folder and the shard taken): one entry each.
   * @param version Version of the analyzer: heads of another are not used.
   */
  constructor(cache: BuildCache, name: string, version: string) {
    this.heads = new KeptRecords(cache, 'heads', name, version);
  }

  /** Whether the last build kept the head of the analysis under `key`. */
  has(key: string): boolean {
    return this.heads.peek(key) !== undefined;
  }

  /**
   * The analysis under `key` made from its head (kept by the last build or
   * by `keep` in this one); the bodies and furniture
   * come from `whole` when asked for, which is called again when the
   * analysis has left the recent ones.
   *
   * @param whole The whole analysis (from the cache, or made again when its entry is gone).
   */
  lazy(key: string, whole: () => Analysis): Analysis {
    const head = this.heads.get(key)!;
    this.heads.use(key);
    const body = () => this.recent.get(key, whole);
    const { style, articles, unplaced, ...rest } = head;
    return {
      style,
      articles: articles.map((a, i) => withBody(a, () => body().articles[i], {}, { key, i })),
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

/** The place of an article's body in the cache, for an article made from a head (else undefined). */
export function bodyRef(article: object): BodyRef | undefined {
  return (article as { [REF]?: BodyRef })[REF];
}

/**
 * Articles as another thread gets them: those whose bodies are in the cache
 * as their heads and the place of their bodies, the others whole. Posting
 * the articles themselves copies every body (reading each from the cache
 * first): the archive held twice.
 */
export interface PortableArticles {
  /** The cache's folder. */
  dir: string | null;
  items: Array<{ head: Record<string, unknown>; ref: BodyRef } | { whole: object }>;
}

/** Thrown on the thread that got `PortableArticles` when a body is no longer in the cache. */
export class BodyGoneError extends Error {}

/**
 * See `PortableArticles`.
 *
 * @param fields The fields the other thread reads (default all): the heads posted have only these.
 */
export function portableArticles(articles: object[], dir: string | null, fields?: readonly string[]): PortableArticles {
  const skip = new Set<string>(BODY_FIELDS);
  const keys = fields && fields.filter((k) => !skip.has(k));
  return {
    dir,
    items: articles.map((a) => {
      const ref = dir ? bodyRef(a) : undefined;
      if (!ref) return { whole: a };
      const head: Record<string, unknown> = {};
      for (const k of keys ?? Object.keys(a)) if (!skip.has(k) && Object.hasOwn(a, k)) head[k] = (a as Record<string, unknown>)[k];
      return { head, ref };
    }),
  };
}

/**
 * The articles a `PortableArticles` describes, on the thread that got it:
 * their bodies read from the cache when asked for.
 */
export function articlesFrom<T extends object = Article>(p: PortableArticles): T[] {
  const cache = new BuildCache(p.dir);
  const recent = new RecentAnalyses();
  const read = (key: string) => () => {
    const analysis = cache.get<Analysis>(ANALYSIS, key);
    if (!analysis) throw new BodyGoneError(`the cached analysis ${key} is gone or damaged`);
    return analysis;
  };
  return p.items.map((item) => {
    if ('whole' in item) return item.whole as T;
    const { key, i } = item.ref;
    return withBody(item.head as unknown as ArticleHead, () => recent.get(key, read(key)).articles[i], item.head, item.ref) as unknown as T;
  });
}
