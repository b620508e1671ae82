/**
 * Page images (page view and article clipping): zoom and pan with buttons,
 * keyboard (+ − 0 and arrows on the focused image), pointer drag, pinch and
 * Ctrl+wheel; and, when the reader comes from a search (?q=…), the matches
 * marked on the image: the query is found in the lines' text (the scan's
 * reading, joined across line ends) and each match drawn over its share of
 * its lines' boxes. The lines come as JSON data; nothing is parsed as HTML.
 */
import { parseQuery } from '../tokenize.ts';
import { findMatches } from '../engine/snippet.ts';

type Line = [x: number, y: number, w: number, h: number, text: string];

const SVG = 'http://www.w3.org/2000/svg';
const MAX_ZOOM = 6;

/** Width of a character in a printed line, in em: a space or a Latin letter is narrower than a Chinese character. */
const widthOf = (ch: string) => (/\s/u.test(ch) ? 0.3 : /[\x21-\x7e]/.test(ch) ? 0.55 : 1);

/** Rectangles [x, y, w, h] of every match of `query` in the lines, in the lines' coordinates. */
export function hitBoxes(lines: Line[], query: string): Array<[number, number, number, number]> {
  const terms = parseQuery(query);
  if (!terms.length) return [];
  // The lines' characters without spaces (a match runs on across line ends),
  // each UTF-16 unit with its line and where the character starts and ends in it, in em.
  let text = '';
  const at: Array<{ line: number; from: number; to: number }> = [];
  const ems = lines.map((l, n) => {
    let em = 0;
    for (const ch of l[4]) {
      const w = widthOf(ch);
      if (!/\s/u.test(ch)) {
        for (let u = 0; u < ch.length; u++) at.push({ line: n, from: em, to: em + w });
        text += ch;
      }
      em += w;
    }
    return em || 1;
  });
  const boxes: Array<[number, number, number, number]> = [];
  for (const [s, e] of findMatches(text, terms)) {
    // One box per line the match runs over.
    let k = s;
    while (k < e) {
      const { line, from } = at[k];
      let j = k;
      while (j + 1 < e && at[j + 1].line === line) j++;
      const [x, y, w, h] = lines[line];
      const scale = w / ems[line];
      boxes.push([x + from * scale, y, (at[j].to - from) * scale, h]);
      k = j + 1;
    }
  }
  return boxes;
}

function markHits(figure: Element, query: string): number {
  const data = figure.querySelector('script.page-image__lines');
  if (!data?.textContent) return 0;
  const boxes = hitBoxes(JSON.parse(data.textContent) as Line[], query);
  for (const svg of figure.querySelectorAll('svg.page-image__marks')) {
    for (const [x, y, w, h] of boxes) {
      const r = document.createElementNS(SVG, 'rect');
      r.setAttribute('class', 'hit');
      r.setAttribute('x', String(x));
      r.setAttribute('y', String(y));
      r.setAttribute('width', String(w));
      r.setAttribute('height', String(h));
      svg.append(r);
    }
  }
  return boxes.length;
}

/** Zoom and pan of one page view's image: a CSS transform of the stage inside the view. */
function zoomable(figure: Element): void {
  const view = figure.querySelector<HTMLElement>('.page-image__view');
  const stage = figure.querySelector<HTMLElement>('.page-image__stage');
  const tools = figure.querySelector<HTMLElement>('.page-image__tools');
  if (!view || !stage) return;
  let z = 1;
  let tx = 0;
  let ty = 0;
  const apply = () => {
    const w = view.clientWidth;
    const h = view.clientHeight;
    // The image always covers the view.
    tx = Math.min(0, Math.max(w - w * z, tx));
    ty = Math.min(0, Math.max(h - h * z, ty));
    stage.style.transform = `translate(${tx}px, ${ty}px) scale(${z})`;
    view.classList.toggle('is-zoomed', z > 1);
    view.dataset.zoom = z.toFixed(2);
  };
  /** Zoom by `f` keeping the view point (cx, cy) where it is. */
  const zoomBy = (f: number, cx = view.clientWidth / 2, cy = view.clientHeight / 2) => {
    const nz = Math.min(MAX_ZOOM, Math.max(1, z * f));
    tx = cx - ((cx - tx) * nz) / z;
    ty = cy - ((cy - ty) * nz) / z;
    z = nz;
    apply();
  };
  const panBy = (dx: number, dy: number) => {
    tx += dx;
    ty += dy;
    apply();
  };
  if (tools) {
    tools.hidden = false;
    tools.addEventListener('click', (e) => {
      const what = (e.target as HTMLElement).closest('button')?.dataset.zoom;
      if (what === 'in') zoomBy(1.5);
      else if (what === 'out') zoomBy(1 / 1.5);
      else if (what === 'reset') zoomBy(1 / z);
    });
  }
  view.addEventListener('keydown', (e) => {
    const step = view.clientWidth / 8;
    const keys: Record<string, () => void> = {
      '+': () => zoomBy(1.5),
      '=': () => zoomBy(1.5),
      '-': () => zoomBy(1 / 1.5),
      '0': () => zoomBy(1 / z),
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
    };
    const act = keys[e.key];
    // Arrows scroll the page as usual until the image is zoomed.
    if (!act || (e.key.startsWith('Arrow') && z === 1) || e.target !== view) return;
    e.preventDefault();
    act();
  });
  view.addEventListener(
    'wheel',
    (e) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const r = view.getBoundingClientRect();
      zoomBy(e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX - r.left, e.clientY - r.top);
    },
    { passive: false },
  );
  view.addEventListener('dblclick', (e) => {
    const r = view.getBoundingClientRect();
    zoomBy(z >= MAX_ZOOM ? 1 / z : 2, e.clientX - r.left, e.clientY - r.top);
  });
  // Pointers: one drags (when zoomed), two pinch.
  const pointers = new Map<number, { x: number; y: number }>();
  let moved = 0;
  view.addEventListener('pointerdown', (e) => {
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    moved = 0;
  });
  view.addEventListener('pointermove', (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    const r = view.getBoundingClientRect();
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const other = a === last ? b : a;
      const before = Math.hypot(last.x - other.x, last.y - other.y);
      const after = Math.hypot(e.clientX - other.x, e.clientY - other.y);
      if (before > 0) zoomBy(after / before, (e.clientX + other.x) / 2 - r.left, (e.clientY + other.y) / 2 - r.top);
      moved += 10;
    } else if (z > 1) {
      panBy(e.clientX - last.x, e.clientY - last.y);
      moved += Math.abs(e.clientX - last.x) + Math.abs(e.clientY - last.y);
      view.setPointerCapture?.(e.pointerId);
    }
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
  });
  const up = (e: PointerEvent) => pointers.delete(e.pointerId);
  view.addEventListener('pointerup', up);
  view.addEventListener('pointercancel', up);
  // A drag is not a click on the zone under it.
  view.addEventListener(
    'click',
    (e) => {
      if (moved > 6) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    true,
  );
  window.addEventListener('resize', apply);
  apply();
}

const q = new URLSearchParams(location.search).get('q');
for (const figure of document.querySelectorAll('[data-page-image]')) {
  zoomable(figure);
  if (q) markHits(figure, q);
}
