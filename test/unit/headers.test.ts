/**
 * public/_headers (copied to dist/ as-is) gives static hosts the security and
 * cache headers, and its Content-Security-Policy agrees with the one in
 * astro.config.mjs without needing the per-page hashes. The nginx example
 * (deploy/nginx/) sends exactly the same headers for every kind of path, and
 * redirects plain HTTP to HTTPS. The checklist is Mozilla Observatory's: HSTS,
 * CSP, nosniff, Referrer-Policy, X-Frame-Options, COOP and CORP, with the
 * three paths other sites read (catalogue, triage index, /embed/) open to any
 * origin for GET without credentials.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspDirectives, headersFor, parseHeadersFile } from '../support/headers.ts';
import { ROOT } from '../support/kb.ts';
import { nginxHeadersFor, nginxLocationFor, readNginxSite } from '../support/nginx.ts';

const rules = parseHeadersFile(join(ROOT, 'public', '_headers'));
const one = (pathname: string, name: string) => {
  const values = headersFor(rules, pathname).get(name.toLowerCase()) ?? [];
  // A header set by two matching rules would be joined with a comma by the host.
  expect(values.length, `${name} for ${pathname}: ${JSON.stringify(values)}`).toBeLessThanOrEqual(1);
  return values[0];
};

/** The CSP directives written in astro.config.mjs (the meta tag's policy, without hashes). */
const configDirectives = new Map(
  [...readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8').matchAll(/"([a-z-]+-(?:src|uri|action|ancestors)\b[^"]*)"/g)].map(
    (match) => [match[1]!.split(' ')[0]!, match[1]!.replace(/\s+/g, ' ')] as const,
  ),
);

const PAGES = ['/', '/errors/', '/errors/refresh-token-expired/', '/categories/refresh-token/', '/guides/new-refresh-token/', '/triage/', '/search/'];
/** Read by other sites: the catalogue, the triage index and the embeddable widget. */
const CROSS_ORIGIN = ['/api/rules.json', '/triage-index.json', '/embed/triage.js', '/embed/'];
const ASSETS = [
  '/_astro/page.abc123.js',
  '/pagefind/pagefind.js',
  '/pagefind/pagefind-entry.json',
  '/favicon.svg',
  '/robots.txt',
  '/404.html',
  '/ocr/0123456789ab/eng.traineddata.gz',
];
const nginx = readNginxSite(join(ROOT, 'deploy', 'nginx'));

describe('public/_headers', () => {
  it('holds rules', () => {
    expect(rules.map((rule) => rule.pattern)).toEqual(expect.arrayContaining(['/*', '/_astro/*', '/pagefind/*']));
  });

  it('sends the security headers with every response', () => {
    for (const path of [...PAGES, '/_astro/page.abc123.js', '/pagefind/pagefind.js', '/api/rules.json']) {
      expect(one(path, 'X-Content-Type-Options')).toBe('nosniff');
      expect(one(path, 'Referrer-Policy')).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
      expect(one(path, 'Permissions-Policy')).toMatch(/camera=\(\)/);
      expect(one(path, 'Permissions-Policy')).toMatch(/microphone=\(\)/);
      expect(one(path, 'Content-Security-Policy')).toBeDefined();
    }
  });

  it('has a Content-Security-Policy that matches astro.config.mjs and needs no hashes', () => {
    expect(configDirectives.get('default-src')).toBe("default-src 'self'");
    const header = cspDirectives(one('/', 'Content-Security-Policy') ?? '');
    // A header policy is enforced together with the meta one: these would block the hashed inline scripts and styles.
    // connect-src varies with the build (a feedback endpoint, KB_FEEDBACK_URL): the meta policy alone sets it.
    for (const name of ['default-src', 'script-src', 'style-src', 'script-src-elem', 'style-src-elem', 'connect-src'])
      expect(header.has(name), name).toBe(false);
    expect(header.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(header.get('object-src')).toBe("object-src 'none'");
    expect(header.get('base-uri')).toBe("base-uri 'self'");
    expect(header.get('form-action')).toBe("form-action 'self'");
    // Every other directive is word for word the one in astro.config.mjs (never looser, never stricter).
    for (const [name, directive] of header) {
      if (name === 'frame-ancestors') continue; // header-only: a meta policy ignores it
      expect(directive, name).toBe(configDirectives.get(name));
    }
  });

  it('caches hashed assets for a year and pages, search index and JSON briefly', () => {
    expect(one('/_astro/page.abc123.js', 'Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(one('/_astro/index.def456.css', 'Cache-Control')).toBe('public, max-age=31536000, immutable');
    // The OCR's folder is named by its files' hash (src/ocr/assets.ts): kept as long, and for this origin only.
    expect(one('/ocr/0123456789ab/tesseract-core-simd-lstm.wasm', 'Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(one('/ocr/0123456789ab/worker.min.js', 'Cross-Origin-Resource-Policy')).toBe('same-origin');
    for (const path of [...PAGES, '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/api/rules.json', '/triage-index.json']) {
      const value = one(path, 'Cache-Control') ?? '';
      expect(value, path).toMatch(/must-revalidate/);
      expect(Number(/max-age=(\d+)/.exec(value)?.[1] ?? 'NaN'), path).toBeLessThanOrEqual(600);
      expect(value, path).not.toMatch(/immutable/);
    }
  });
});

describe('deployment headers (Mozilla Observatory checklist)', () => {
  it('sends HSTS for two years with subdomains (preload left to the operator) and COOP same-origin on every response', () => {
    for (const path of [...PAGES, ...CROSS_ORIGIN, ...ASSETS]) {
      const hsts = one(path, 'Strict-Transport-Security') ?? '';
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0), path).toBeGreaterThanOrEqual(31_536_000);
      expect(hsts, path).toMatch(/includeSubDomains/);
      expect(hsts, path).not.toMatch(/preload/);
      expect(one(path, 'Cross-Origin-Opener-Policy'), path).toBe('same-origin');
      expect(one(path, 'X-Frame-Options'), path).toBe('DENY');
    }
  });

  it('keeps pages and their files same-origin (CORP), and lets any origin GET the catalogue, the index and /embed/ without credentials', () => {
    for (const path of [...PAGES, '/pagefind/pagefind.js', '/favicon.svg', '/404.html']) {
      expect(one(path, 'Cross-Origin-Resource-Policy'), path).toBe('same-origin');
      expect(one(path, 'Access-Control-Allow-Origin'), path).toBeUndefined();
    }
    for (const path of CROSS_ORIGIN) {
      expect(one(path, 'Cross-Origin-Resource-Policy'), path).toBe('cross-origin');
      expect(one(path, 'Access-Control-Allow-Origin'), path).toBe('*');
      expect(one(path, 'Access-Control-Allow-Methods'), path).toBe('GET');
    }
    for (const path of [...PAGES, ...CROSS_ORIGIN, ...ASSETS]) expect(one(path, 'Access-Control-Allow-Credentials'), path).toBeUndefined();
  });

  it('the nginx example sends the same headers as public/_headers for every kind of path', () => {
    for (const path of [...PAGES, ...CROSS_ORIGIN, ...ASSETS]) {
      expect(nginxLocationFor(nginx, path), `a location for ${path}`).toBeDefined();
      const fromNginx = Object.fromEntries([...nginxHeadersFor(nginx, path)].sort(([a], [b]) => a.localeCompare(b)));
      const fromFile = Object.fromEntries([...headersFor(rules, path)].sort(([a], [b]) => a.localeCompare(b)));
      expect(fromNginx, path).toEqual(fromFile);
    }
  });

  it('the nginx example redirects plain HTTP to HTTPS permanently', () => {
    expect(nginx.httpRedirects).toEqual(['301 https://$host$request_uri']);
  });
});
