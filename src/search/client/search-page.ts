/**
 * The search page: results as you type (debounced), total count, headline,
 * date, page and a snippet with the matches marked, more results on demand,
 * query and filters in the URL (?q=…&paper=…&from=…&to=…&page=…&sort=date)
 * so searches can be linked and the back button works.
 *
 * Markup contract (tests rely on it): the results container carries
 * data-search-state="loading" | "done"; each result link carries data-result.
 */
import { createSearch } from './index.ts';
import { makeSnippet } from '../engine/snippet.ts';
import type { SearchFilters, SearchResponse } from '../engine/search-engine.ts';

const PAGE_SIZE = 10;
const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const container = document.querySelector<HTMLElement>('[data-search-results]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const engine = createSearch({ baseUrl: container.dataset.index! });
const siteBase = container.dataset.base ?? '/';

let current: SearchResponse | null = null;
let shown = 0;
let seq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function readForm(): { q: string; sort: 'relevance' | 'date'; filters: SearchFilters } {
  const data = new FormData(form);
  const get = (k: string) => String(data.get(k) ?? '').trim();
  const page = get('page');
  return {
    q: get('q'),
    sort: get('sort') === 'date' ? 'date' : 'relevance',
    filters: {
      ...(get('paper') ? { paper: get('paper') } : {}),
      ...(get('from') ? { from: get('from') } : {}),
      ...(get('to') ? { to: get('to') } : {}),
      ...(/^\d+$/.test(page) ? { page: Number(page) } : {}),
    },
  };
}

function writeForm(params: URLSearchParams): void {
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name) continue;
    el.value = params.get(el.name) ?? (el.tagName === 'SELECT' ? (el as unknown as HTMLSelectElement).options[0]?.value ?? '' : '');
  }
}

function urlFor(): string {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
  const qs = params.toString();
  return location.pathname + (qs ? `?${qs}` : '');
}

async function run(push: boolean): Promise<void> {
  const { q, sort, filters } = readForm();
  const mine = ++seq;
  if (push && urlFor() !== location.pathname + location.search) history.pushState(null, '', urlFor());
  container.dataset.searchState = 'loading';
  if (!q) {
    container.replaceChildren();
    status.textContent = '输入要查找的字词，多个词用空格分开，"引号"内为完整短语。';
    current = null;
    container.dataset.searchState = 'done';
    return;
  }
  try {
    const response = await engine.search(q, { sort, filters });
    if (mine !== seq) return;
    current = response;
    shown = 0;
    container.replaceChildren();
    status.textContent = response.total ? `找到 ${response.total} 篇文章` : `没有找到包含“${q}”的文章`;
    await showMore(mine);
  } catch (e) {
    if (mine !== seq) return;
    status.textContent = `搜索出错：${(e as Error).message}`;
    container.dataset.searchState = 'done';
  }
}

async function showMore(mine: number): Promise<void> {
  if (!current) return;
  container.dataset.searchState = 'loading';
  container.querySelector('[data-more]')?.remove();
  const slice = current.hits.slice(shown, shown + PAGE_SIZE);
  const fragments = await Promise.all(slice.map((h) => engine.fragment(h.doc)));
  if (mine !== seq) return;
  const q = readForm().q;
  for (const f of fragments) {
    const li = document.createElement('li');
    li.className = 'search-result';
    const a = document.createElement('a');
    a.href = `${siteBase}${f.url.replace(/^\//, '')}?q=${encodeURIComponent(q)}`;
    a.dataset.result = '';
    a.textContent = f.headline || '（无标题）';
    const meta = document.createElement('p');
    meta.className = 'search-meta';
    meta.textContent = `${f.paperName} · ${f.date} · 第${f.page}版`;
    const snippet = document.createElement('p');
    snippet.className = 'search-snippet';
    const s = makeSnippet(f, current.terms);
    let at = 0;
    for (const [start, end] of s.marks) {
      snippet.append(s.text.slice(at, start));
      const mark = document.createElement('mark');
      mark.textContent = s.text.slice(start, end);
      snippet.append(mark);
      at = end;
    }
    snippet.append(s.text.slice(at));
    const h = document.createElement('h2');
    h.append(a);
    li.append(h, meta, snippet);
    container.append(li);
  }
  shown += slice.length;
  if (shown < current.total) {
    const li = document.createElement('li');
    li.dataset.more = '';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `显示更多（还有 ${current.total - shown} 篇）`;
    button.addEventListener('click', () => void showMore(seq));
    li.append(button);
    container.append(li);
  }
  container.dataset.searchState = 'done';
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  void run(true);
});
form.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    history.replaceState(null, '', urlFor());
    void run(false);
  }, 150);
});
form.addEventListener('change', () => {
  clearTimeout(timer);
  void run(true);
});
window.addEventListener('popstate', () => {
  writeForm(new URLSearchParams(location.search));
  void run(false);
});

writeForm(new URLSearchParams(location.search));
document.documentElement.classList.add('js');
void run(false);
