import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildCache } from './build-cache.ts';
import { ArticleWords, WORDS } from './article-words.ts';

describe('ArticleWords', () => {
  it('should give a worker thread the same words, the cached ones read there and not sent', () => {
    const cache = new BuildCache(fs.mkdtempSync(path.join(os.tmpdir(), 'words-')));
    cache.set(WORDS, 'scan-a', [{ 长春: 2 }, { 吉林: 1, 冰雪: 3 }]);
    const words = new ArticleWords(cache);
    words.cached('a/1', 'scan-a', 0);
    words.cached('a/2', 'scan-a', 1);
    words.hold('b/1', { 延吉: 1 });
    words.cached('c/1', 'scan-gone', 0);

    const portable = words.portable();
    // What a worker gets is a structured clone (workerData): it names the cache entry, not its words.
    expect(JSON.stringify([...portable.stored.values()])).not.toContain('长春');
    const there = ArticleWords.from(structuredClone(portable));
    for (const id of ['a/1', 'a/2', 'b/1', 'c/1']) expect(there.get(id)).toEqual(words.get(id));
    expect(there.get('a/2')).toEqual({ 吉林: 1, 冰雪: 3 });
    expect(there.get('b/1')).toEqual({ 延吉: 1 });
    expect(there.get('c/1')).toBeUndefined();
  });
});
