/**
 * The jieba words of each article, which only the search index reads: for
 * every article in a full index, for the changed ones when a build patches
 * the last index. They are half of what the analysis of a scan holds, so
 * they are cached apart from it and read only when asked for.
 */
import { BuildCache } from './build-cache.ts';
import type { WordCounts } from '../types.ts';

/** Cache namespace of the words of a scan's articles (an array parallel to its articles), under the scan's analysis key. */
export const WORDS = 'words';

type Words = Record<string, number>;

/** What a worker thread needs to read the same words (a structured clone of it). */
export interface PortableWords {
  dir: string | null;
  held: Map<string, Words>;
  stored: Map<string, { key: string; n: number }>;
}

export class ArticleWords implements WordCounts {
  /** The scan read last: an index reads a scan's articles one after another. */
  private last: { key: string; words: Words[] | undefined } | null = null;

  constructor(
    private readonly cache: BuildCache,
    private readonly held = new Map<string, Words>(),
    private readonly stored = new Map<string, { key: string; n: number }>(),
  ) {}

  /** Words of an article of a scan analyzed in this build. */
  hold(id: string, words: Words): void {
    this.held.set(id, words);
  }

  /** The n-th article (from 0) of the scan whose analysis is cached under `key`. */
  cached(id: string, key: string, n: number): void {
    this.stored.set(id, { key, n });
  }

  /** The article's words, or undefined when unknown (then the index cuts its text again). */
  get(id: string): Words | undefined {
    const held = this.held.get(id);
    if (held) return held;
    const at = this.stored.get(id);
    if (!at) return undefined;
    if (this.last?.key !== at.key) this.last = { key: at.key, words: this.cache.get<Words[]>(WORDS, at.key) };
    return this.last.words?.[at.n];
  }

  /**
   * Where every article's words are, for a worker thread: it reads the cached
   * ones itself (so they are not read here, nor held twice).
   */
  portable(): PortableWords {
    return { dir: this.cache.dir, held: this.held, stored: this.stored };
  }

  /** The words a `portable()` describes, on the thread that got it. */
  static from(p: PortableWords): ArticleWords {
    return new ArticleWords(new BuildCache(p.dir), p.held, p.stored);
  }
}
