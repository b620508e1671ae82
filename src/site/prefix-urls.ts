/**
 * The base path (`--base-path /repo/`, a GitHub Pages project site) put in
 * front of every site-relative URL of a rendered page, in the attributes
 * Eleventy's HtmlBasePlugin rewrites.
 * Note: the plugin parses and serializes every page with posthtml, which
 * doubled the render (1,000 pages: 21.4–21.8 s against 9.8–12.5 s); the
 * pages are our templates' output, where every `<` of the text is escaped,
 * so scanning the tags is enough.
 */
import { prefixedPath } from './filters.ts';

/** Elements and their URL attributes (those of @11ty/posthtml-urls, which the plugin uses, but `<meta http-equiv=refresh>`, which the templates do not write). */
const URL_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'ping']),
  area: new Set(['href', 'ping']),
  audio: new Set(['src']),
  base: new Set(['href']),
  blockquote: new Set(['cite']),
  button: new Set(['formaction']),
  del: new Set(['cite']),
  embed: new Set(['src']),
  form: new Set(['action']),
  iframe: new Set(['src']),
  img: new Set(['src', 'srcset']),
  input: new Set(['formaction', 'src']),
  ins: new Set(['cite']),
  link: new Set(['href']),
  object: new Set(['data']),
  q: new Set(['cite']),
  script: new Set(['src']),
  source: new Set(['src', 'srcset']),
  track: new Set(['src']),
  video: new Set(['poster', 'src']),
};

/** A comment, or a start tag with its attributes (a quoted value may hold `>`). */
const TOKEN = /<!--[\s\S]*?-->|<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
/** Elements whose text is not markup, passed over whole: where each one's text ends. */
const RAW_TEXT_END: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };
/** One attribute of a start tag, and its value. */
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(?:(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** A URL with `base` (the normalized base path) when it is site-relative (`/…`, not `//host/…`); any other URL as it is. */
function prefixOne(url: string, base: string): string {
  const u = url.trim();
  return u.startsWith('/') && !u.startsWith('//') ? base + u.slice(1) : url;
}

/** Every URL of a srcset (`url 1x, url 2x`). */
function prefixSrcset(value: string, base: string): string {
  return value.replace(/(^|,)(\s*)([^\s,]+)/g, (_m, comma: string, space: string, url: string) => comma + space + prefixOne(url, base));
}

/** A start tag's attributes, each of `names` with its URLs prefixed, in its own quotes. */
function prefixAttributes(attrs: string, names: Set<string>, base: string): string {
  return attrs.replace(ATTRIBUTE, (a: string, space: string, attr: string, eq?: string, dq?: string, sq?: string, bare?: string) => {
    const lower = attr.toLowerCase();
    if (!eq || !names.has(lower)) return a;
    const value = dq ?? sq ?? bare ?? '';
    const quote = dq !== undefined ? '"' : sq !== undefined ? "'" : '';
    return `${space}${attr}${eq}${quote}${lower === 'srcset' ? prefixSrcset(value, base) : prefixOne(value, base)}${quote}`;
  });
}

/**
 * @param html A rendered HTML page.
 * @param prefix The base path, e.g. `/archive/` or `archive`; `/` leaves the page as it is.
 * @returns The page with the base path in front of every site-relative URL of the URL attributes.
 */
export function prefixUrls(html: string, prefix: string): string {
  const base = prefixedPath('/', prefix);
  if (base === '/') return html;
  const out: string[] = [];
  let done = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const [token, tag, attrs] = m;
    if (!tag) continue;
    const name = tag.toLowerCase();
    const names = URL_ATTRIBUTES[name];
    if (names && attrs) {
      out.push(html.slice(done, m.index), `<${tag}${prefixAttributes(attrs, names, base)}${token.slice(1 + tag.length + attrs.length)}`);
      done = TOKEN.lastIndex;
    }
    const end = RAW_TEXT_END[name];
    if (end) {
      end.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = end.exec(html)?.index ?? html.length;
    }
  }
  out.push(html.slice(done));
  return out.join('');
}
