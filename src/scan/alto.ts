/**
 * Read an ALTO XML file (the Library of Congress / Europeana standard of
 * newspaper digitization) into a `PageLayout`: the first page's size and its
 * text lines in document order, which ALTO defines as the reading order.
 * Parsed with fast-xml-parser; nothing in the file is evaluated.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Box, LayoutLine, PageLayout } from '../types.ts';
import { LayoutError } from './layout-error.ts';

/** fast-xml-parser's ordered form: one key (the tag), its children, and `:@` for the attributes. */
type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

const tagOf = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;
const childrenOf = (n: Node) => (Array.isArray(n[tagOf(n)]) ? (n[tagOf(n)] as Node[]) : []);

/**
 * Parse ALTO (versions 2 to 4; namespace prefixes ignored).
 *
 * @throws LayoutError when the file is not well-formed XML, not ALTO, or has no page size.
 */
export function readAlto(xml: string): PageLayout {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new LayoutError(`does not parse as XML: ${valid.err.msg}`, valid.err.line);
  const doc = parser.parse(xml) as Node[];
  const root = doc.find((n) => tagOf(n) === 'alto');
  if (!root) throw new LayoutError('not an ALTO file (no <alto> element)');
  const page = find(root, 'Page');
  if (!page) throw new LayoutError('ALTO file without a <Page>');
  const width = Number(page[':@']?.WIDTH);
  const height = Number(page[':@']?.HEIGHT);
  if (!(width > 0 && height > 0)) throw new LayoutError('ALTO <Page> without a WIDTH and HEIGHT');
  const lines: LayoutLine[] = [];
  let block = -1;
  const walk = (n: Node) => {
    const tag = tagOf(n);
    if (tag === 'TextBlock') block++;
    if (tag === 'TextLine') {
      const line = readLine(n, block);
      if (line) lines.push(line);
      return;
    }
    for (const c of childrenOf(n)) walk(c);
  };
  walk(page);
  return { width, height, lines };
}

/** The first element named `tag` under `n`, depth first. */
function find(n: Node, tag: string): Node | null {
  for (const c of childrenOf(n)) {
    if (tagOf(c) === tag) return c;
    const found = find(c, tag);
    if (found) return found;
  }
  return null;
}

/** A TextLine: its Strings' CONTENT, one space for each SP between them (a hyphen for HYP). */
function readLine(n: Node, block: number): LayoutLine | null {
  let text = '';
  for (const c of childrenOf(n)) {
    const tag = tagOf(c);
    if (tag === 'String') text += c[':@']?.CONTENT ?? '';
    else if (tag === 'SP') text += ' ';
    else if (tag === 'HYP') text += c[':@']?.CONTENT ?? '-';
  }
  text = text.replace(/\s+/gu, ' ').trim();
  const box = boxOf(n[':@']);
  if (!text || !box) return null;
  return { text, box, block: Math.max(block, 0) };
}

function boxOf(a: Record<string, string> | undefined): Box | null {
  const b = [a?.HPOS, a?.VPOS, a?.WIDTH, a?.HEIGHT].map(Number) as Box;
  return b.every((v) => Number.isFinite(v)) && b[2] >= 0 && b[3] >= 0 ? b : null;
}
