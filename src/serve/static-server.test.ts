import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './static-server.ts';

/** GET a raw path (not normalized by a URL parser), returning status and body. */
function get(url: string, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: rawPath, headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('serveStatic', () => {
  let parent: string;
  let server: http.Server;
  let url: string;
  const cwd = process.cwd();

  beforeAll(async () => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'static-'));
    fs.mkdirSync(path.join(parent, '_site/a'), { recursive: true });
    fs.writeFileSync(path.join(parent, '_site/index.html'), '<p>home</p>');
    fs.writeFileSync(path.join(parent, '_site/a/index.html'), '<p>a</p>');
    fs.writeFileSync(path.join(parent, '_site/404.html'), '<p>missing</p>');
    fs.writeFileSync(path.join(parent, '_site/pack.bin'), '0123456789');
    fs.mkdirSync(path.join(parent, '_site.old'));
    fs.writeFileSync(path.join(parent, '_site.old/secret.txt'), 'secret');
    // A relative folder, as `npx tsx scripts/screenshots.ts _site` passes it.
    process.chdir(parent);
    ({ server, url } = await serveStatic('_site', { port: 0, basePath: '/sub/' }));
  });
  afterAll(() => {
    process.chdir(cwd);
    server.close();
  });

  it('should serve files and folder indexes under the base path, given a relative folder', async () => {
    expect(await get(url, '/sub/')).toEqual({ status: 200, body: '<p>home</p>' });
    expect(await get(url, '/sub/a/')).toEqual({ status: 200, body: '<p>a</p>' });
  });

  it('should answer 404 with the site 404 page for a missing file', async () => {
    expect(await get(url, '/sub/nope/')).toEqual({ status: 404, body: '<p>missing</p>' });
  });

  it('should not serve anything outside the folder, also a sibling with the same prefix', async () => {
    for (const p of ['/sub/../_site.old/secret.txt', '/sub/%2e%2e/_site.old/secret.txt', '/sub/..%2f_site.old%2fsecret.txt']) {
      const r = await get(url, p);
      expect(r.body).not.toContain('secret');
    }
  });

  it('should answer a range request with those bytes, as static hosts do for the search fragments', async () => {
    expect(await get(url, '/sub/pack.bin', { range: 'bytes=2-4' })).toEqual({ status: 206, body: '234' });
    expect(await get(url, '/sub/pack.bin', { range: 'bytes=7-' })).toEqual({ status: 206, body: '789' });
    expect(await get(url, '/sub/pack.bin', { range: 'bytes=-2' })).toEqual({ status: 206, body: '89' });
    expect(await get(url, '/sub/pack.bin', { range: 'bytes=8-99' })).toEqual({ status: 206, body: '89' });
  });

  it('should refuse a range past the end and send the whole file for ranges it does not take', async () => {
    expect((await get(url, '/sub/pack.bin', { range: 'bytes=10-12' })).status).toBe(416);
    expect(await get(url, '/sub/pack.bin', { range: 'bytes=0-1,4-5' })).toEqual({ status: 200, body: '0123456789' });
  });
});
