/**
 * Article zones: the rectangles an article's printed lines cover on the page
 * image, one per run of lines that follow each other down one column.
 */
import type { ArchivePage, ArticleZone, Box } from '../types.ts';

/**
 * The scan text lines (1-based) of each article of a page: from its first
 * line to the line before the next article, less page furniture and
 * unplaced text.
 *
 * @param lineCount Lines of the scan text.
 */
export function articleLines(page: Pick<ArchivePage, 'articles' | 'furniture' | 'unplaced'>, lineCount: number): number[][] {
  const excluded = new Set<number>(page.furniture.map((f) => f.line));
  for (const u of page.unplaced) for (let i = 0; i <= u.text.split('\n').length - 1; i++) excluded.add(u.line + i);
  return page.articles.map((a, i) => {
    const end = i + 1 < page.articles.length ? page.articles[i + 1].line : lineCount + 1;
    const lines: number[] = [];
    for (let l = a.line; l < end; l++) if (!excluded.has(l)) lines.push(l);
    return lines;
  });
}

/**
 * The zone of a set of layout lines: consecutive lines (in reading order)
 * share a rectangle while each one overlaps the run horizontally and starts
 * less than two line heights below it.
 *
 * @param lines Indexes into `boxes`, in reading order.
 */
export function zoneOf(lines: number[], boxes: Box[]): ArticleZone {
  const rects: Box[] = [];
  let run: Box | null = null;
  for (const i of lines) {
    const b = boxes[i];
    if (run && b[0] < run[0] + run[2] && run[0] < b[0] + b[2] && b[1] >= run[1] && b[1] - (run[1] + run[3]) < 2 * b[3]) {
      const x = Math.min(run[0], b[0]);
      const y: number = run[1];
      run = [x, y, Math.max(run[0] + run[2], b[0] + b[2]) - x, Math.max(run[1] + run[3], b[1] + b[3]) - y];
      rects[rects.length - 1] = run;
    } else {
      run = [...b];
      rects.push(run);
    }
  }
  return { rects, lines };
}
