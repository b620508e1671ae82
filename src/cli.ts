/**
 * `archive` command line: parse, build, serve, add, search.
 *
 * Note: each command imports the modules it needs when it runs, so
 * `archive --help` loads nothing more than this file, and `archive search`
 * or `archive parse` never load Eleventy, the renderer or the build.
 */
import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const HELP = `archive — static archive of OCR'd newspaper pages

Usage:
  archive parse <scan.txt> [--json]     parse one page scan; print an outline, or JSON
  archive build [options]               build the site from the scans
  archive build --only jlrb/2023 --output shards/jlrb-2023
                                        build one shard: a paper, a paper's year, or a list (jlrb/2022,jlrb/2023)
  archive merge <shard>… [--output _site] [--base-path …] [--site-url …]
                                        combine shard outputs into one site, without building them again
  archive serve [options] [--port N]    build, serve on 127.0.0.1 and rebuild on changes
  archive add <scan.txt>… --paper ID --date YYYY-MM-DD --page N [--paper-name 名称] [--replace]
  archive add <folder> [--replace]      check scans, copy them into the input folder, rebuild
  archive search "<query>" [--site _site] [--limit N] [--json] [--sort date]
                 [--paper ID] [--from YYYY[-MM[-DD]]] [--to …] [--page N]
                                        search the built site's index, as the search page does

Build options:
  --input <dir>        scans laid out as <paper>/<YYYY-MM-DD>/<page>.txt (default: articles)
  --output <dir>       where the site goes (default: _site)
  --base-path <path>   URL path the site is served under, e.g. /repo-name/ (default: /)
  --site-url <url>     absolute URL of the deployed site, for canonical links, og:url, the sitemap
                       and the feed (default $SITE_URL; without one no absolute URL is written)
  --strict             treat warnings as failures
  --full               render every page (by default only what changed since the last build)
  --only <paper[/year],…>  build only these scans, as a shard for archive merge (always in full)

Exit status: 0 when every scan was built, 1 when a scan was skipped or had an error, 2 on usage errors.
Set DEBUG=archive:* to print per-stage timings.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command ? 0 : 2;
  }
  let args;
  try {
    args = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        input: { type: 'string' },
        output: { type: 'string' },
        'base-path': { type: 'string' },
        'site-url': { type: 'string' },
        strict: { type: 'boolean' },
        full: { type: 'boolean' },
        only: { type: 'string' },
        replace: { type: 'boolean' },
        date: { type: 'string' },
        'paper-name': { type: 'string' },
        port: { type: 'string' },
        site: { type: 'string' },
        limit: { type: 'string' },
        sort: { type: 'string' },
        paper: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        page: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    console.error(`archive: ${(e as Error).message}\nRun "archive --help" for usage.`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values['site-url'] !== undefined) {
    let url: URL | null = null;
    try {
      url = new URL(values['site-url']);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      console.error(`archive: --site-url must be an absolute http(s) URL such as https://example.org/archive/ (got ${JSON.stringify(values['site-url'])})`);
      return 2;
    }
    process.env.SITE_URL = url.href;
  }
  switch (command) {
    case 'parse': {
      if (positionals.length !== 1) {
        console.error('archive parse: give exactly one scan file, e.g. archive parse articles/jlrb/2023-02-01/3.txt --json');
        return 2;
      }
      const { parseCommand } = await import('./cli/parse-command.ts');
      return parseCommand(positionals[0], values.json === true);
    }
    case 'build':
      warnNoSiteUrl();
      return runBuild(values);
    case 'serve':
      return serve(values);
    case 'merge': {
      if (!positionals.length) {
        console.error('archive merge: give the shard output folders, e.g. archive merge shards/* --output _site');
        return 2;
      }
      warnNoSiteUrl();
      const [{ merge }, { Progress }] = await Promise.all([import('./shard/merge.ts'), import('./util/progress.ts')]);
      const progress = new Progress();
      const result = await merge({ shards: positionals, output: values.output, basePath: values['base-path'], onProgress: (stage, done, total) => progress.update(stage, done, total) });
      await printTimings();
      console.log(result.summary);
      return result.exitCode;
    }
    case 'add': {
      if (!positionals.length) {
        console.error('archive add: give scan files (with --paper, --date, --page) or a folder laid out like articles/');
        return 2;
      }
      const { addScans } = await import('./cli/add-command.ts');
      const { code, added } = addScans(positionals, {
        input: values.input ?? 'articles',
        paper: values.paper,
        paperName: values['paper-name'],
        date: values.date,
        page: values.page,
        replace: values.replace === true,
      });
      if (!added.length) return code || 1;
      warnNoSiteUrl();
      const built = await runBuild(values);
      return code || built;
    }
    case 'search': {
      if (positionals.length !== 1) {
        console.error('archive search: give one query, e.g. archive search "长春" --json');
        return 2;
      }
      const limit = values.limit === undefined ? 10 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 0) {
        console.error(`archive search: --limit must be a whole number, not "${values.limit}"`);
        return 2;
      }
      const { searchCommand } = await import('./cli/search-command.ts');
      return searchCommand(positionals[0], {
        site: values.site ?? values.output ?? '_site',
        limit,
        json: values.json === true,
        sort: values.sort === 'date' ? 'date' : 'relevance',
        filters: {
          ...(values.paper ? { paper: values.paper } : {}),
          ...(values.from ? { from: values.from } : {}),
          ...(values.to ? { to: values.to } : {}),
          ...(values.page ? { page: Number(values.page) } : {}),
        },
      });
    }
    default:
      console.error(`archive: unknown command "${command}". Run "archive --help" for usage.`);
      return 2;
  }
}

/** A site built without its URL has no canonical links, og:url or sitemap entries: say so (not for `serve`, which is local). */
function warnNoSiteUrl(): void {
  if (!process.env.SITE_URL) {
    console.error('archive build: warning: no --site-url, so no absolute URL is written: no canonical links or og:url, a sitemap that lists no page, feed links relative to the site; give --site-url https://… to build a site to publish');
  }
}

/** With DEBUG=archive:*, the time of each stage. */
async function printTimings(): Promise<void> {
  const { debugEnabled, timings } = await import('./util/timing.ts');
  if (debugEnabled()) for (const t of timings()) console.error(`archive:timing ${t.stage.padEnd(10)} ${t.ms.toFixed(0).padStart(7)} ms  ${t.calls}×`);
}

type Values = { input?: string; output?: string; 'base-path'?: string; strict?: boolean; full?: boolean; only?: string; port?: string };

async function runBuild(values: Values): Promise<number> {
  const [{ build }, { formatProblem }, { timings }, { Progress }] = await Promise.all([import('./build.ts'), import('./util/errors.ts'), import('./util/timing.ts'), import('./util/progress.ts')]);
  const progress = new Progress();
  const result = await build({
    input: values.input,
    output: values.output,
    basePath: values['base-path'],
    strict: values.strict,
    full: values.full,
    only: values.only,
    onProgress: (stage, done, total) => progress.update(stage, done, total),
    onStage: (message) => progress.note(message),
  });
  for (const p of result.archive.problems) console.error(formatProblem(p));
  await printTimings();
  // Machine-readable figures for the benchmark script.
  if (process.env.ARCHIVE_REPORT) {
    fs.writeFileSync(process.env.ARCHIVE_REPORT, JSON.stringify({ timings: timings(), maxRssKb: process.resourceUsage().maxRSS, pages: result.archive.issues.reduce((n, i) => n + i.pages.length, 0), articles: result.archive.articles.length }));
  }
  console.log(result.summary);
  return result.exitCode;
}

async function serve(values: Values): Promise<number> {
  const [{ normalizeBasePath }, { serveStatic }] = await Promise.all([import('./build.ts'), import('./serve/static-server.ts')]);
  const output = values.output ?? '_site';
  const basePath = normalizeBasePath(values['base-path']);
  await runBuild(values);
  const { url, reload } = await serveStatic(path.resolve(output), { port: values.port ? Number(values.port) : 8080, basePath, liveReload: true });
  console.log(`Serving ${output} at ${url} (Ctrl+C to stop); watching ${values.input ?? 'articles'}/ and templates/`);
  let timer: NodeJS.Timeout | null = null;
  let building = false;
  const rebuild = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      if (building) return rebuild();
      building = true;
      try {
        await runBuild(values);
        reload();
      } catch (e) {
        console.error(`archive serve: rebuild failed: ${(e as Error).message}`);
      } finally {
        building = false;
      }
    }, 300);
  };
  for (const dir of [values.input ?? 'articles', 'templates', 'public']) {
    if (fs.existsSync(dir)) fs.watch(dir, { recursive: true }, rebuild);
  }
  return new Promise<number>(() => {});
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    console.error(`archive: ${e.message}${e.cause ? `\n  (via ${(e.cause as Error).message ?? e.cause})` : ''}`);
    process.exitCode = 1;
  },
);
