import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { AnalyzePool } from './analyze-pool.ts';
import { analyzeText } from './analyze-text.ts';

const TEXT = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/dev-01.txt'), 'utf8');

describe('AnalyzePool', () => {
  it('should analyze on its workers and on the main thread alike, however often it is resized', async () => {
    const want = analyzeText(TEXT);
    // Started with a worker before the work is known, as a build does, then grown and let go.
    const pool = new AnalyzePool(1);
    try {
      expect(await pool.analyze(TEXT)).toEqual(want);
      pool.resize(2);
      expect(await Promise.all([pool.analyze(TEXT), pool.analyze(TEXT)])).toEqual([want, want]);
      pool.resize(0);
      expect(await pool.analyze(TEXT)).toEqual(want);
    } finally {
      await pool.close();
    }
  });

  it('should refuse to be resized while scans are being analyzed', async () => {
    const pool = new AnalyzePool(1);
    try {
      const pending = pool.analyze(TEXT);
      expect(() => pool.resize(0)).toThrow(/idle/);
      await pending;
    } finally {
      await pool.close();
    }
  });
});
