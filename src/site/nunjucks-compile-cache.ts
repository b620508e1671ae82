/**
 * One compile per template source. Nunjucks compiles a template object the
 * first time it renders it, and Eleventy makes a new template object for
 * every page of a paginated template (its Nunjucks engine is not
 * `cacheable`, so Eleventy's compile cache passes it by): the two-line body
 * of article.njk was parsed, turned into code and run through
 * `new Function` once for each of 30,000 articles, a tenth of the render.
 * This keeps the compiled code of each source, per Nunjucks environment (one
 * per Eleventy run, so filters and tags added to it are those it was compiled
 * with), as Nunjucks' own precompiled templates share theirs.
 */
import { createRequire } from 'node:module';

/** The fields of a Nunjucks `Template` this reads (nunjucks/src/environment.js, 3.2). */
interface TemplateInternals {
  env: object;
  path?: string | null;
  tmplStr?: string;
  /** Compiled code given at construction (precompiled templates); `_compile` uses it instead of the source. */
  tmplProps?: Record<string, unknown>;
  blocks: Record<string, unknown>;
  rootRenderFunc: unknown;
  _compile(): void;
}

const nunjucks = createRequire(import.meta.url)('nunjucks') as { Template: { prototype: TemplateInternals } };

/** Environment → source key → compiled code (`root` and the `b_<name>` block functions, as `new Function` gives them). */
const compiled = new WeakMap<object, Map<string, Record<string, unknown>>>();

let installed = false;

/** Share compiled code between Nunjucks templates of the same environment, path and source (idempotent). */
export function cacheNunjucksCompiles(): void {
  if (installed) return;
  installed = true;
  const proto = nunjucks.Template.prototype;
  const compile = proto._compile;
  proto._compile = function (this: TemplateInternals) {
    if (this.tmplProps || this.tmplStr === undefined) return compile.call(this);
    let bySource = compiled.get(this.env);
    if (!bySource) compiled.set(this.env, (bySource = new Map()));
    const key = `${this.path ?? ''}\0${this.tmplStr}`;
    const props = bySource.get(key);
    if (props) {
      this.tmplProps = props;
      return compile.call(this);
    }
    compile.call(this);
    bySource.set(key, { root: this.rootRenderFunc, ...Object.fromEntries(Object.entries(this.blocks).map(([name, fn]) => [`b_${name}`, fn])) });
  };
}
