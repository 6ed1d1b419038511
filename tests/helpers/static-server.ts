import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface StaticSite {
  /** Origin plus base, e.g. "http://127.0.0.1:4321/lectern/". */
  url: string;
  close(): Promise<void>;
}

/** Text GitHub Pages sends gzipped to a browser that accepts it (Pagefind's files are already). */
const COMPRESSED = /^(?:text\/|application\/json|image\/svg\+xml)/;

/**
 * Serves `root` under `base` on loopback, as GitHub Pages serves a project site: anything
 * outside the base is a 404, so a link that forgets the base path fails the tests; and text is
 * gzipped for a browser that asks, so page weight and Lighthouse see what a reader downloads.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticSite> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return notFound(res);
    let file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) return notFound(res);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound(res);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (COMPRESSED.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      // Compressed whole and sent with its length, as a static host sends it: a streamed gzip
      // took longer than the plain file, long enough for a navigation to cut a favicon off.
      const body = gzipSync(readFileSync(file));
      res
        .writeHead(200, {
          'content-type': type,
          'content-encoding': 'gzip',
          'content-length': body.length,
          vary: 'accept-encoding',
        })
        .end(body);
      return;
    }
    res.writeHead(200, { 'content-type': type, vary: 'accept-encoding' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

function notFound(res: import('node:http').ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}
