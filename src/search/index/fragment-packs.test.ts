import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Fragment } from '../types.ts';
import { packFragments, type PackInput } from './fragment-packs.ts';
import { writeIndex } from './write-index.ts';
import { SearchEngine } from '../engine/search-engine.ts';
import { fileLoader } from '../file-loader.ts';

const fragment = (i: number, text = `第${i}篇的正文，${'长春'.repeat(i % 7)}。`): Fragment => ({
  url: `/jlrb/2024-01-0${1 + (i % 9)}/1/${i}/`,
  kicker: null,
  headline: `标题${i}`,
  subhead: null,
  byline: null,
  paragraphs: [text],
  date: `2024-01-0${1 + (i % 9)}`,
  paper: 'jlrb',
  paperName: '吉林日报',
  page: '1',
});
const inputs = (frags: Fragment[]): PackInput[] => frags.map((f) => ({ key: JSON.stringify(f), fragment: () => f }));

/** Write an index that holds only fragments (no terms) and return an engine over it. */
async function written(frags: Fragment[], budget: number, loader: (dir: string) => ConstructorParameters<typeof SearchEngine>[0] = fileLoader) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packs-'));
  const docs = frags.map((f) => ({ length: 1, titleEnd: 0, paper: 0, page: 1, date: f.date }));
  const packed = packFragments(inputs(frags), undefined, budget);
  await writeIndex({ segments: [new Map()], docs, fragments: packed, papers: [{ id: 'jlrb', name: '吉林日报' }] }, dir);
  return { dir, packed, engine: new SearchEngine(loader(dir)) };
}

describe('fragment packs', () => {
  const frags = Array.from({ length: 40 }, (_, i) => fragment(i));

  it('should cut several packs by the byte budget and give every fragment back, by range or from a whole file', async () => {
    const { dir, packed, engine } = await written(frags, 400);
    expect(packed.packs.length).toBeGreaterThan(3);
    expect(fs.readdirSync(path.join(dir, 'f'))).toHaveLength(packed.packs.length);
    const ranges: Array<{ file: string; start: number; end: number }> = [];
    const ranged = new SearchEngine(async (file, range) => {
      if (range) ranges.push({ file, ...range });
      return fileLoader(dir)(file, range);
    });
    // A loader that ignores ranges, as a host that answers 200 with the whole file.
    const whole = new SearchEngine(async (file) => new Uint8Array(fs.readFileSync(path.join(dir, file))));
    for (let doc = 0; doc < frags.length; doc++) {
      expect(await ranged.fragment(doc)).toEqual(frags[doc]);
      expect(await whole.fragment(doc)).toEqual(frags[doc]);
    }
    // One range per fragment, of its length, and no pack's header: the lengths file gives where each fragment is.
    expect(ranges.filter((r) => r.start < packed.packs.find((p) => p.file === r.file)!.header)).toEqual([]);
    expect(ranges.map((r) => r.end - r.start)).toEqual(packed.lengths);
    expect(await engine.fragment(7)).toEqual(frags[7]);
  });

  it('should keep every pack of the last build but the edited one, and write what packing from scratch writes', () => {
    const before = packFragments(inputs(frags), undefined, 400);
    const edited = frags.map((f, i) => (i === 21 ? fragment(21, '改过的正文。') : f));
    const previous = before.byKey;
    const known = inputs(edited).map((d, i) => (i === 21 ? d : { ...d, length: before.lengths[i] }));
    const patched = packFragments(known, previous, 400);
    const fresh = packFragments(inputs(edited), undefined, 400);
    expect(patched.packs).toEqual(fresh.packs);
    expect(patched.lengths).toEqual(fresh.lengths);
    // Only the pack holding doc 21 (and any the cut moved after it) is written again.
    expect(patched.data.size).toBeGreaterThanOrEqual(1);
    expect(patched.data.size).toBeLessThan(fresh.data.size);
    for (const [file, data] of patched.data) expect(fresh.data.get(file)).toEqual(data);
  });

  it('should keep the cut of the last build where told, so a deleted doc rewrites its own pack only, and cut greedily after it', () => {
    const before = packFragments(inputs(frags), undefined, 400);
    const starts = before.packs.map((p) => p.first);
    // Doc 5 deleted (no bytes), two docs appended after the last.
    const more = [...frags, fragment(40), fragment(41)];
    const known: PackInput[] = inputs(more).map((d, i) => (i === 5 ? { key: '-', length: 0, fragment: null } : i < frags.length ? { ...d, length: before.lengths[i] } : d));
    const after = packFragments(known, before.byKey, 400, starts);
    expect(after.packs.slice(0, starts.length - 1).map((p) => p.first)).toEqual(starts.slice(0, -1));
    const rewritten = [...after.data.keys()];
    const packOf = (doc: number) => after.packs.filter((p) => p.first <= doc).pop()!.file;
    expect(rewritten.sort()).toEqual([...new Set([packOf(5), packOf(40), packOf(41)])].sort());
    // Without the cut, the packs after doc 5 move and are written again.
    expect(packFragments(known, before.byKey, 400).data.size).toBeGreaterThan(rewritten.length);
  });

  it('should hold a fragment larger than the budget in a pack of its own', () => {
    const big = [fragment(0), fragment(1, '很长的正文'.repeat(400)), fragment(2)];
    const { packs } = packFragments(inputs(big), undefined, 200);
    expect(packs.map((p) => p.first)).toEqual([0, 1, 2]);
  });
});
