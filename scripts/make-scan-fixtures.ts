/**
 * Make the page-image fixtures of src/images/fixtures/: a few corpus pages
 * printed in newspaper columns by Chromium, screenshotted, with an ALTO and
 * an hOCR file whose line boxes are read from the browser's layout.
 *
 * Usage: npx tsx scripts/make-scan-fixtures.ts   (Chromium needed; the outputs are committed)
 *
 * Each source line is one printed column line; a blank line starts a new text
 * block (ALTO TextBlock, hOCR ocr_par); a line that starts with "　　" is
 * printed indented and written without the indent, as OCR engines do. In a
 * wrapped-style scan (a paragraph per line, a space where the column wrapped)
 * each piece between spaces is a printed line, a paragraph's first one indented.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { launchChromium } from '../src/util/chromium.ts';

const OUT = path.join(import.meta.dirname, '../src/images/fixtures');
const SRC = path.join(import.meta.dirname, '../src/parse/fixtures');

interface Fixture {
  /** Corpus page the text comes from. */
  source: string;
  /** Output name stem. */
  name: string;
  /** Printed lines from the scan text: paragraph-per-line scans are cut at their wrap spaces. */
  wrapped: boolean;
  /** Image format written. */
  format: 'png' | 'jpg' | 'webp';
}

const FIXTURES: Fixture[] = [
  { source: 'dev-49.txt', name: 'charspace', wrapped: false, format: 'png' },
  { source: 'seed-page.txt', name: 'wrapped', wrapped: true, format: 'jpg' },
  { source: 'dev-46.txt', name: 'hardwrap', wrapped: false, format: 'webp' },
];

/** Blocks of printed lines. */
function printedBlocks(text: string, wrapped: boolean): string[][] {
  const blocks: string[][] = [[]];
  for (const line of text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')) {
    if (!line.trim()) {
      if (blocks[blocks.length - 1].length) blocks.push([]);
      continue;
    }
    // A wrapped paragraph is printed with its first line indented; a title (short, one line) is not.
    const pieces = wrapped ? line.trim().split(/ +/).map((p, i) => (i === 0 && Array.from(line.trim()).length > 16 ? `　　${p}` : p)) : [line.replace(/\s+$/, '')];
    blocks[blocks.length - 1].push(...pieces);
  }
  return blocks.filter((b) => b.length);
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

interface Measured {
  width: number;
  height: number;
  blocks: Array<{ box: number[]; lines: Array<{ box: number[]; words: Array<{ text: string; box: number[] }> }> }>;
}

const HEIGHT = 1500;

const browser = await launchChromium();
fs.mkdirSync(OUT, { recursive: true });
for (const f of FIXTURES) {
  const blocks = printedBlocks(fs.readFileSync(path.join(SRC, f.source), 'utf8'), f.wrapped);
  const html = `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; background: #f4f1e8; color: #222; font: 18px/1.45 "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
    main { height: ${HEIGHT}px; columns: 260px; column-gap: 28px; column-fill: auto; padding: 40px; width: max-content; }
    .b { break-inside: avoid; margin: 0 0 14px; }
    .l { white-space: pre; }
    .i { padding-left: 2em; }
  </style><main>${blocks
    .map((b) => `<div class="b">${b.map((l) => `<div class="l${l.startsWith('　　') ? ' i' : ''}"><span>${escape(l.replace(/^　　/, ''))}</span></div>`).join('')}</div>`)
    .join('')}</main>`;
  const page = await browser.newPage({ viewport: { width: 800, height: HEIGHT + 80 } });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  // Note: a string, not a function: tsx's name helpers do not exist in the page.
  const measured = (await page.evaluate(`(() => {
    const box = (r) => [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
    const union = (bs) => {
      const x = Math.min(...bs.map((b) => b[0]));
      const y = Math.min(...bs.map((b) => b[1]));
      return [x, y, Math.max(...bs.map((b) => b[0] + b[2])) - x, Math.max(...bs.map((b) => b[1] + b[3])) - y];
    };
    const blocks = [...document.querySelectorAll('.b')].map((b) => {
      const lines = [...b.querySelectorAll('.l span')].map((span) => {
        const node = span.firstChild;
        const words = [];
        // Words are the runs between spaces, each boxed by a DOM range.
        for (const m of node.data.matchAll(/\\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          words.push({ text: m[0], box: box(range.getBoundingClientRect()) });
        }
        return { box: union(words.map((w) => w.box)), words };
      });
      // A block that the column break cuts is two blocks, as OCR engines find them.
      const parts = [[]];
      lines.forEach((l, i) => {
        if (i && Math.abs(l.box[0] - lines[i - 1].box[0]) > 100) parts.push([]);
        parts[parts.length - 1].push(l);
      });
      return parts.map((p) => ({ box: union(p.map((l) => l.box)), lines: p }));
    }).flat();
    const right = Math.max(...blocks.map((b) => b.box[0] + b.box[2]));
    return { width: right + 40, height: document.querySelector('main').getBoundingClientRect().height, blocks };
})()`)) as Measured;
  await page.setViewportSize({ width: measured.width, height: measured.height });
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: measured.width, height: measured.height } });
  await page.close();
  const image = sharp(png).flatten({ background: '#f4f1e8' }).greyscale();
  const file = `${f.name}.${f.format}`;
  await (f.format === 'png' ? image.png({ palette: true, colors: 16 }) : f.format === 'jpg' ? image.jpeg({ quality: 55 }) : image.webp({ quality: 60 })).toFile(path.join(OUT, file));
  fs.writeFileSync(path.join(OUT, `${f.name}.alto.xml`), alto(measured, file));
  fs.writeFileSync(path.join(OUT, `${f.name}.hocr`), hocr(measured, file));
  console.log(`${file}: ${measured.width}×${measured.height}, ${measured.blocks.length} blocks, ${measured.blocks.reduce((n, b) => n + b.lines.length, 0)} lines`);
}
await browser.close();

function alto(m: Measured, image: string): string {
  const pos = (b: number[]) => `HPOS="${b[0]}" VPOS="${b[1]}" WIDTH="${b[2]}" HEIGHT="${b[3]}"`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">',
    `  <Description><MeasurementUnit>pixel</MeasurementUnit><sourceImageInformation><fileName>${image}</fileName></sourceImageInformation></Description>`,
    '  <Layout>',
    `    <Page ID="p1" PHYSICAL_IMG_NR="1" WIDTH="${m.width}" HEIGHT="${m.height}">`,
    `      <PrintSpace ${pos([0, 0, m.width, m.height])}>`,
  ];
  m.blocks.forEach((b, i) => {
    out.push(`        <TextBlock ID="b${i + 1}" ${pos(b.box)}>`);
    b.lines.forEach((l, j) => {
      const words = l.words.map((w, k) => `${k ? `<SP/>` : ''}<String ID="b${i + 1}l${j + 1}w${k + 1}" CONTENT="${escape(w.text)}" ${pos(w.box)}/>`);
      out.push(`          <TextLine ID="b${i + 1}l${j + 1}" ${pos(l.box)}>${words.join('')}</TextLine>`);
    });
    out.push('        </TextBlock>');
  });
  out.push('      </PrintSpace>', '    </Page>', '  </Layout>', '</alto>', '');
  return out.join('\n');
}

function hocr(m: Measured, image: string): string {
  const bbox = (b: number[]) => `bbox ${b[0]} ${b[1]} ${b[0] + b[2]} ${b[1] + b[3]}`;
  const out = [
    '<!DOCTYPE html>',
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="zh" lang="zh">',
    '<head><meta charset="utf-8"><title></title><meta name="ocr-system" content="scripts/make-scan-fixtures.ts"><meta name="ocr-capabilities" content="ocr_page ocr_carea ocr_par ocr_line ocrx_word"></head>',
    '<body>',
    `<div class="ocr_page" id="page_1" title="image &quot;${image}&quot;; ${bbox([0, 0, m.width, m.height])}; ppageno 0">`,
  ];
  m.blocks.forEach((b, i) => {
    out.push(`<div class="ocr_carea" id="block_${i + 1}" title="${bbox(b.box)}"><p class="ocr_par" id="par_${i + 1}" title="${bbox(b.box)}">`);
    b.lines.forEach((l, j) => {
      const words = l.words.map((w, k) => `<span class="ocrx_word" id="word_${i + 1}_${j + 1}_${k + 1}" title="${bbox(w.box)}; x_wconf 95">${escape(w.text)}</span>`);
      out.push(`<span class="ocr_line" id="line_${i + 1}_${j + 1}" title="${bbox(l.box)}; baseline 0 -5">${words.join(' ')}</span>`);
    });
    out.push('</p></div>');
  });
  out.push('</div>', '</body>', '</html>', '');
  return out.join('\n');
}
