/**
 * Serves the built site (dist/) on 127.0.0.1 for the browser tests. A server
 * of our own instead of `astro preview`, which allows only one preview per
 * project and would refuse to start next to a developer's `npm start`.
 *
 * Like Netlify or Cloudflare Pages, it sends the headers the build's
 * `_headers` file gives each path (CSP, HSTS, COOP, CORP, CORS…), so the
 * browser tests run the site as deployed.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { headersFor, parseHeadersFile } from './headers.ts';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4399);
const headerRules = existsSync(join(root, '_headers')) ? parseHeadersFile(join(root, '_headers')) : [];

/** The `_headers` file's headers for a path, repeated ones joined with ", " as those hosts do. */
function deployHeaders(pathname: string): Record<string, string> {
  return Object.fromEntries([...headersFor(headerRules, pathname)].map(([name, values]) => [name, values.join(', ')]));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

/**
 * Files other sites may load (public/_headers gives them the same headers in
 * production): the triage index and the rule catalogue for integrations, and
 * the embeddable widget that a help desk's ticket form loads from another
 * origin (a module script is fetched with CORS, so it needs them too).
 */
const CROSS_ORIGIN = [/^\/triage-index\.json$/, /^\/api\/rules\.json$/, /^\/embed\//];
const CROSS_ORIGIN_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

/** Maps a URL path to a file in dist/, or undefined; never outside dist/. */
function fileFor(pathname: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (!path.startsWith(root)) return undefined;
  for (const candidate of [path, join(path, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const file = fileFor(pathname);
  for (const [name, value] of Object.entries(deployHeaders(pathname))) response.setHeader(name, value);
  if (!file) {
    response.writeHead(404, { 'Content-Type': TYPES['.html']! });
    const notFound = join(root, '404.html');
    if (existsSync(notFound)) createReadStream(notFound).pipe(response);
    else response.end('Not found');
    return;
  }
  if (!pathname.endsWith('/') && file.endsWith('index.html') && !pathname.endsWith('.html')) {
    response.writeHead(301, { Location: `${pathname}/` });
    response.end();
    return;
  }
  const shared = CROSS_ORIGIN.some((pattern) => pattern.test(pathname)) ? CROSS_ORIGIN_HEADERS : {};
  response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...shared });
  createReadStream(file).pipe(response);
}).listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root} on http://127.0.0.1:${port}/`);
});
