import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { readAlto } from './alto.ts';
import { LayoutError } from './layout-error.ts';

const FIXTURE = fs.readFileSync(path.join(import.meta.dirname, '../images/fixtures/charspace.alto.xml'), 'utf8');

describe('readAlto', () => {
  it('should read the page size and every text line in document order, with its box and block', () => {
    const layout = readAlto(FIXTURE);
    expect([layout.width, layout.height]).toEqual([953, 1580]);
    expect(layout.lines).toHaveLength(93);
    expect(layout.lines[0]).toEqual({ text: '人 民 日报 关注', box: [40, 40, 122, 26], block: 0 });
    expect(layout.lines[1].block).toBe(1);
    // Reading order: top to bottom within a block.
    expect(layout.lines[3].box[1]).toBeGreaterThan(layout.lines[2].box[1]);
  });

  it('should read namespace prefixes, ALTO 2 attributes and HYP, and keep markup in CONTENT as text', () => {
    const xml = `<?xml version="1.0"?><alto:alto xmlns:alto="http://www.loc.gov/standards/alto/ns-v2#"><alto:Layout><alto:Page WIDTH="100.5" HEIGHT="200"><alto:PrintSpace>
      <alto:TextBlock><alto:TextLine HPOS="1" VPOS="2" WIDTH="30" HEIGHT="4"><alto:String CONTENT="&lt;script&gt;长"/><alto:HYP CONTENT="-"/></alto:TextLine></alto:TextBlock>
      <alto:TextBlock><alto:TextLine HPOS="1" VPOS="9" WIDTH="30" HEIGHT="4"><alto:String CONTENT="春"/><alto:SP/><alto:String CONTENT="市"/></alto:TextLine><alto:TextLine HPOS="1" VPOS="19" WIDTH="30" HEIGHT="4"/></alto:TextBlock>
    </alto:PrintSpace></alto:Page></alto:Layout></alto:alto>`;
    expect(readAlto(xml)).toEqual({
      width: 100.5,
      height: 200,
      lines: [
        { text: '<script>长-', box: [1, 2, 30, 4], block: 0 },
        { text: '春 市', box: [1, 9, 30, 4], block: 1 },
      ],
    });
  });

  it('should refuse a file that is not well-formed, not ALTO, or has no page size, saying why and where', () => {
    const broken = FIXTURE.replace('</TextLine>', '');
    expect(() => readAlto(broken)).toThrow(LayoutError);
    try {
      readAlto(broken);
    } catch (e) {
      expect((e as LayoutError).message).toMatch(/^does not parse as XML: /);
      expect((e as LayoutError).line).toBeGreaterThan(1);
    }
    expect(() => readAlto('<html><body>hi</body></html>')).toThrow('not an ALTO file');
    expect(() => readAlto('<alto><Layout><Page/></Layout></alto>')).toThrow('without a WIDTH and HEIGHT');
  });
});
