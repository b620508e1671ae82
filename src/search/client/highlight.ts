/**
 * Article pages: when the reader arrives from a search result (?q=…), mark
 * the matches in the article text. Text nodes are split and wrapped in
 * <mark>; nothing is parsed as HTML.
 */
import { parseQuery } from '../tokenize.ts';
import { findMatches } from '../engine/snippet.ts';

/** Mark every match of `query` inside `root`; returns the number of marks. */
export function highlightMatches(root: Element, query: string): number {
  const terms = parseQuery(query);
  if (!terms.length) return 0;
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const text = node.data;
    const ranges = findMatches(text, terms);
    if (!ranges.length) continue;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [s, e] of ranges) {
      if (s > at) frag.append(text.slice(at, s));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = text.slice(s, e);
      frag.append(mark);
      at = e;
      count++;
    }
    if (at < text.length) frag.append(text.slice(at));
    node.replaceWith(frag);
  }
  return count;
}

const q = new URLSearchParams(location.search).get('q');
const body = document.querySelector('[data-article-body]') ?? document.querySelector('article');
if (q && body) {
  if (highlightMatches(body, q) > 0) document.querySelector('mark.search-hit')?.scrollIntoView({ block: 'center' });
}
