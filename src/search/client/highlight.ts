/**
 * Article pages: when the reader arrives from a search result (?q=…), mark
 * the matches in the article text. Text nodes are split and wrapped in
 * <mark>; nothing is parsed as HTML.
 *
 * A corrected character (`span.ocr-fix`, its scan reading in
 * `data-original`) does not cut the text it stands in: 县市 is found across
 * it, and so is the scan's reading 具市 (the corrected characters are
 * marked). The note with the scan's reading is never marked.
 */
import { parseQuery } from '../tokenize.ts';
import { findMatchesInPieces } from '../engine/snippet.ts';

const FIX = 'ocr-fix';
const NOTE = 'ocr-fix__note';

/** The element whose text a text node continues: its parent, or the parent of the corrected character it is. */
function containerOf(node: Text): Element | null {
  const parent = node.parentElement;
  return parent?.classList.contains(FIX) ? parent.parentElement : parent;
}

/**
 * Runs of text nodes that read as one text: consecutive nodes of the same
 * element, joined across corrected characters; notes left out.
 */
function textRuns(root: Element): Text[][] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(`.${NOTE}`) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const runs: Text[][] = [];
  let last: Element | null | undefined;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const container = containerOf(n as Text);
    if (container !== last || !runs.length) runs.push([]);
    runs[runs.length - 1].push(n as Text);
    last = container;
  }
  return runs;
}

/** The scan's reading of a text node, when it is the text of a corrected character. */
function originalOf(node: Text): string | undefined {
  const parent = node.parentElement;
  return parent?.classList.contains(FIX) && parent.firstChild === node ? parent.dataset.original : undefined;
}

/** Mark every match of `query` inside `root`; returns the number of matches marked. */
export function highlightMatches(root: Element, query: string): number {
  const terms = parseQuery(query);
  if (!terms.length) return 0;
  let count = 0;
  for (const run of textRuns(root)) {
    const ranges = findMatchesInPieces(
      run.map((n) => ({ text: n.data, original: originalOf(n) })),
      terms,
    );
    if (!ranges.length) continue;
    count += ranges.length;
    let offset = 0;
    for (const node of run) {
      const text = node.data;
      const start = offset;
      offset += text.length;
      const mine = ranges.filter(([s, e]) => s < offset && e > start).map(([s, e]) => [Math.max(s, start) - start, Math.min(e, offset) - start]);
      if (!mine.length) continue;
      const frag = document.createDocumentFragment();
      let at = 0;
      for (const [s, e] of mine) {
        if (s > at) frag.append(text.slice(at, s));
        const mark = document.createElement('mark');
        mark.className = 'search-hit';
        mark.textContent = text.slice(s, e);
        frag.append(mark);
        at = e;
      }
      if (at < text.length) frag.append(text.slice(at));
      node.replaceWith(frag);
    }
  }
  return count;
}

const q = new URLSearchParams(location.search).get('q');
const body = document.querySelector('[data-article-body]') ?? document.querySelector('article');
if (q && body) {
  if (highlightMatches(body, q) > 0) document.querySelector('mark.search-hit')?.scrollIntoView({ block: 'center' });
}
