import { describe, expect, it } from 'vitest';
import { articleLines, zoneOf } from './zones.ts';
import type { Box } from '../types.ts';

describe('zoneOf', () => {
  it('should cover lines down one column with one rectangle and start another at a column change', () => {
    const boxes: Box[] = [
      [10, 10, 100, 20],
      [10, 32, 90, 20],
      [14, 54, 96, 20],
      [200, 10, 100, 20],
      [200, 32, 60, 20],
    ];
    expect(zoneOf([0, 1, 2, 3, 4], boxes)).toEqual({
      rects: [
        [10, 10, 100, 64],
        [200, 10, 100, 42],
      ],
      lines: [0, 1, 2, 3, 4],
    });
  });

  it('should start a rectangle where a gap of more than two lines opens in the column', () => {
    const boxes: Box[] = [
      [10, 10, 100, 20],
      [10, 100, 100, 20],
    ];
    expect(zoneOf([0, 1], boxes).rects).toHaveLength(2);
  });
});

describe('articleLines', () => {
  it('should give each article the lines to the next one, less furniture and unplaced text', () => {
    const page = {
      articles: [{ line: 2 }, { line: 6 }] as never,
      furniture: [{ text: '第3版', line: 1 }, { text: '责任编辑', line: 9 }],
      unplaced: [{ text: 'x\ny', line: 4, reason: '' }],
    };
    expect(articleLines(page, 9)).toEqual([
      [2, 3],
      [6, 7, 8],
    ]);
  });
});
