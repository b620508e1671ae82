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
import { BuildCache } from './build-cache.ts';

/** A scan's analysis without its words (cached apart: cache/article-words.ts). */
export type Analysis = Omit<AnalyzedScan, 'words'> & { words?: AnalyzedScan['words'] };

/** The fields of an article only its body's readers need. */
const BODY = ['paragraphs', 'kinds', 'truncated', 'corrections'] as const;

type ArticleHead = Omit<Article, (typeof BODY)[number]>;

/** An analysis without the bodies of its articles and its page furniture. */
interface Head extends Omit<Analysis, 'articles' | 'furniture' | 'words'> {
  articles: ArticleHead[];
}

const NAMESPACE = 'heads';

interface HeadsEntry {
  version: string;
  heads: Record<string, Head>;
}

export class AnalysisHeads {
  private readonly known: Record<string, Head>;
  private readonly next: Record<string, Head> = {};
  private changed = false;

  /**
   * @param cache The build cache.
   * @param name What the heads are of (the input folder and the shard taken): one entry each.
   * @param version Version of the analyzer: heads of another are not used.
   */
  constructor(
    private readonly cache: BuildCache,
    private readonly name: string,
    private readonly version: string,
  ) {
    const entry = cache.dir ? new BuildCache(cache.dir).get<HeadsEntry>(NAMESPACE, name) : undefined;
    this.known = entry?.version === version ? entry.heads : {};
  }

  /** Whether the head of the analysis under `key` is known. */
  has(key: string): boolean {
    return Object.hasOwn(this.known, key);
  }

  /**
   * The analysis under `key` made from its head; the bodies and furniture
   * come from `whole` when first asked for.
   *
   * @param whole The whole analysis (from the cache, or made again when its entry is gone).
   */
  lazy(key: string, whole: () => Analysis): Analysis {
    const head = this.known[key];
    this.next[key] = head;
    let loaded: Analysis | undefined;
    const body = () => (loaded ??= whole());
    // Note: own enumerable getters, in the order the parser gives the fields, so spreading, JSON and structured clone see a whole analysis.
    const articles = head.articles.map(
      (a, i): Article => ({
        kicker: a.kicker,
        headline: a.headline,
        subhead: a.subhead,
        byline: a.byline,
        dateline: a.dateline,
        reporters: a.reporters,
        get corrections() {
          return body().articles[i].corrections;
        },
        get paragraphs() {
          return body().articles[i].paragraphs;
        },
        get kinds() {
          return body().articles[i].kinds;
        },
        get truncated() {
          return body().articles[i].truncated;
        },
        line: a.line,
        ...(a.untitled === undefined ? {} : { untitled: a.untitled }),
      }),
    );
    const { style, unplaced, articles: _, ...rest } = head;
    return {
      style,
      articles,
      unplaced,
      get furniture() {
        return body().furniture;
      },
      ...rest,
    };
  }

  /** Keep the head of an analysis read whole or made in this build. */
  keep(key: string, analysis: Analysis): void {
    if (Object.hasOwn(this.next, key)) return;
    const { articles, furniture, words, ...rest } = analysis;
    this.next[key] = {
      ...rest,
      articles: articles.map(({ paragraphs, kinds, truncated, corrections, ...head }) => head),
    };
    this.changed = true;
  }

  /** Store the heads of the analyses this build used, when they differ from those it found. */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.known).length) return;
    this.cache.set(NAMESPACE, this.name, { version: this.version, heads: this.next } satisfies HeadsEntry);
  }
}
