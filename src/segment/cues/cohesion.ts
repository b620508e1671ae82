/**
 * Lexical cohesion (as in TextTiling): the text after the candidate line
 * shares words with the article before it when the line is an inner heading
 * of the same story, and much less when a new story starts. Words are
 * character bigrams of the Chinese text, which needs no dictionary.
 */
import type { BoundaryContext, Cue } from './context.ts';

/** How much text on each side is compared, in characters. */
const SPAN = 400;

function bigrams(text: string): Map<string, number> {
  const m = new Map<string, number>();
  const han = text.replace(/[^\u4e00-\u9fff]+/gu, '|');
  for (let i = 0; i + 1 < han.length; i++) {
    const g = han.slice(i, i + 2);
    if (!g.includes('|')) m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Cosine similarity of two bags of bigrams, 0…1. */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [g, x] of a) {
    na += x * x;
    const y = b.get(g);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function before(ctx: BoundaryContext): string {
  const { article } = ctx;
  const text = [...article.titleLines, ...article.paragraphs.map((p) => p.text)].join('\n');
  return text.slice(-SPAN);
}

function after(ctx: BoundaryContext): string {
  let text = '';
  for (let i = ctx.at + 1; i < ctx.blocks.length && text.length < SPAN; i++) text += ctx.blocks[i].text + '\n';
  return text.slice(0, SPAN);
}

/** Similarity of the text after the line to the article before it. */
export const cohesion: Cue = (ctx) => cosine(bigrams(before(ctx)), bigrams(after(ctx)));

/** Share of the line's own bigrams that the article before it already used. */
export const headingCohesion: Cue = (ctx) => {
  const line = bigrams(ctx.blocks[ctx.at].text);
  const seen = bigrams(before(ctx));
  let total = 0;
  let shared = 0;
  for (const [g, n] of line) {
    total += n;
    if (seen.has(g)) shared += n;
  }
  return total ? shared / total : 0;
};

