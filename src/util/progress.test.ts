import { describe, expect, it } from 'vitest';
import { Progress } from './progress.ts';

/** A stream that records what is written; a terminal or not. */
function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { out: { isTTY, write: (s: string) => chunks.push(s) } as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('Progress', () => {
  it('should print a plain line per quarter when not on a terminal', () => {
    const { out, text } = sink(false);
    const p = new Progress(out);
    p.start('Parsing', 100);
    for (let i = 1; i <= 100; i++) p.update('Parsing', i, 100);
    expect(text().trim().split('\n')).toEqual([
      expect.stringMatching(/^Parsing: 25\/100 \(\d+\/s\)$/),
      expect.stringMatching(/^Parsing: 50\/100 /),
      expect.stringMatching(/^Parsing: 75\/100 /),
      expect.stringMatching(/^Parsing: 100\/100 /),
    ]);
  });

  it('should draw a bar with counts, rate and time left on a terminal, and the stage beside it', () => {
    const prev = process.env.CI;
    delete process.env.CI;
    try {
      const { out, text } = sink(true);
      const p = new Progress(out);
      p.update('Indexing', 10, 200);
      p.update('Rendering', 500, 1000);
      expect(text()).toMatch(/\rIndexing\s+█*░+ 10\/200 {2}\d+\/s {2}\d+ (s|min \d+ s) left/);
      p.update('Indexing', 200, 200);
      expect(text()).toContain('Indexing 200 in ');
      p.note('Indexed 200 articles');
      expect(text()).toMatch(/\r\x1b\[KIndexed 200 articles\n\rRendering\s+█{12}░{12} 500\/1,000/);
    } finally {
      if (prev !== undefined) process.env.CI = prev;
    }
  });

  it('should show nothing for stages under 20 units', () => {
    const { out, text } = sink(false);
    new Progress(out).update('Parsing', 3, 3);
    expect(text()).toBe('');
  });
});
