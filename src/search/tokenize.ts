/**
 * Text normalization shared by the indexer and every query path (browser and
 * CLI): the same function cuts both, so index-time and query-time units
 * always agree. No node: imports; bundled for the browser.
 *
 * The canonical form follows the eval's canonical text: NFKC, whitespace
 * removed, every quote mark → '"', every run of dashes → '-'; Latin letters
 * are also lower-cased so matching is case-insensitive.
 */

const QUOTES = new Set(Array.from('"\'\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A\u300C\u300D\u300E\u300F\u301D\u301E\u301F\uFF02\uFF07'));
const DASHES = new Set(Array.from('-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\u2E3A\u2E3B\uFE58\uFE63\uFF0D'));
const SPACE = /[\s\u200B-\u200D\u2060\uFEFF]/u;

export interface Canonical {
  /** Canonical code points, one per unit. */
  units: string[];
  /** For each unit, the index (in UTF-16 code units) of the source character it came from. */
  from: number[];
}

/**
 * Canonicalize text and remember where each canonical unit came from, so a
 * match found in canonical units can be highlighted in the original text.
 */
export function canonicalWithMap(text: string): Canonical {
  const units: string[] = [];
  const from: number[] = [];
  let lastDash = false;
  let i = 0;
  for (const ch of text) {
    const at = i;
    i += ch.length;
    for (const c of ch.normalize('NFKC')) {
      if (SPACE.test(c)) continue;
      if (DASHES.has(c)) {
        if (lastDash) continue;
        lastDash = true;
        units.push('-');
        from.push(at);
        continue;
      }
      lastDash = false;
      units.push(QUOTES.has(c) ? '"' : c.toLowerCase());
      from.push(at);
    }
  }
  return { units, from };
}

/**
 * Canonical units of `text` (see `canonicalWithMap`), without the map: the
 * whole string is normalized at once, which is much faster for indexing.
 */
export function canonicalUnits(text: string): string[] {
  const units: string[] = [];
  let lastDash = false;
  for (const c of text.normalize('NFKC')) {
    if (SPACE.test(c)) continue;
    if (DASHES.has(c)) {
      if (!lastDash) units.push('-');
      lastDash = true;
      continue;
    }
    lastDash = false;
    units.push(QUOTES.has(c) ? '"' : c.toLowerCase());
  }
  return units;
}

/** Canonical form of `text` as a string. */
export function canonicalize(text: string): string {
  return canonicalUnits(text).join('');
}

/** One term of a parsed query: all of its units must occur, in order, contiguously. */
export interface QueryTerm {
  /** Canonical units of the term. */
  units: string[];
  /** The term as typed, for display. */
  raw: string;
  /** Typed inside quotes. */
  phrase: boolean;
}

/**
 * Split a query into terms: whitespace separates terms (all must occur);
 * "quoted text" is one term. Unpaired quotes are ignored. Terms that
 * normalize to nothing are dropped.
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const re = /"([^"]*)"|“([^”]*)”|(\S+)/gu;
  const q = query.slice(0, 500);
  for (let m = re.exec(q); m; m = re.exec(q)) {
    const phrase = m[1] !== undefined || m[2] !== undefined;
    const raw = (m[1] ?? m[2] ?? m[3]).replace(/^["“”]+|["“”]+$/gu, '');
    const units = canonicalUnits(raw);
    if (units.length) terms.push({ units, raw, phrase });
  }
  return terms;
}
