/**
 * A small static file server for `archive serve`: serves the built site on
 * 127.0.0.1 under the base path, with the site's 404 page for missing files.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** Injected into served pages by `archive serve` only (never into the built site). */
const LIVE_RELOAD = '<script>new EventSource("/__archive/events").onmessage = () => location.reload();</script>';

/**
 * Start serving `dir`.
 *
 * @param dir Built site folder.
 * @param options Port (0 picks a free one) and the base path the site was built for.
 * @returns The server and its URL.
 */
export function serveStatic(
  dir: string,
  options: { port?: number; basePath?: string; liveReload?: boolean } = {},
): Promise<{ server: http.Server; url: string; reload: () => void }> {
  const base = options.basePath ?? '/';
  const root = path.resolve(dir);
  const clients = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    if (options.liveReload && req.url === '/__archive/events') {
      // Server-sent events: the page reloads itself when a rebuild finishes.
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (!pathname.startsWith(base)) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    const rel = pathname.slice(base.length);
    let file = path.join(root, rel);
    // Note: with the separator, so `../_site.old/` cannot pass as inside `_site`.
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const size = fs.statSync(file).size;
    const range = req.headers.range === undefined ? undefined : byteRange(req.headers.range, size);
    if (range === null) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      return;
    }
    if (range) {
      // The search page fetches its fragments as ranges of a pack, as from any static host.
      res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': range.end - range.start + 1, 'cache-control': 'no-cache' });
      fs.createReadStream(file, range).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-cache' });
    if (options.liveReload && file.endsWith('.html')) {
      res.end(fs.readFileSync(file, 'utf8').replace('</body>', `${LIVE_RELOAD}</body>`));
      return;
    }
    fs.createReadStream(file).pipe(res);
  });
  const reload = () => {
    for (const c of clients) c.write('data: reload\n\n');
  };
  server.on('close', () => {
    for (const c of clients) c.end();
  });
  return new Promise((resolve) => {
    server.listen(options.port ?? 8080, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : options.port;
      resolve({ server, url: `http://127.0.0.1:${port}${base}`, reload });
    });
  });
}

/**
 * The one range of a `Range: bytes=…` header, inclusive, clamped to the file
 * (`a-b`, `a-`, `-n`); undefined to send the whole file (several ranges, or
 * a header it does not understand, as RFC 9110 allows), null when it lies
 * past the end.
 */
export function byteRange(header: string, size: number): { start: number; end: number } | null | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || start > end) return null;
  return { start, end };
}
