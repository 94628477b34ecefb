/**
 * Fails `astro build` on a broken internal link. After the pages are written,
 * every href/src in every HTML file that points into the site itself (a
 * relative path, a root path, or an absolute URL on the site's own origin) must
 * name an existing file or page, and every #fragment must name an element id
 * (or <a name>) of the target page.
 *
 * Not checked: external URLs, /pagefind/ (written by `pagefind` after the
 * build), and fragments that carry state rather than name an element
 * (`/triage/#q=…`, `/search/#q=…`: anything with an "=").
 *
 * A plain attribute scan, no HTML parser: Astro writes well-formed markup, and
 * text such as `&lt;a href=…&gt;` is escaped, so it never looks like a tag.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface BrokenLink {
  /** The page holding the link, relative to the output folder (e.g. `errors/x/index.html`). */
  page: string;
  /** The link as written. */
  link: string;
  reason: string;
}

const IGNORED_PREFIXES = ['/pagefind/'];
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g;
const ATTRIBUTE = /\s([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
/** Script and style bodies are code, not markup. */
const RAW_TEXT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;

function decodeAttribute(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

interface ScannedPage {
  links: string[];
  ids: Set<string>;
}

/** Links (href, src) and element ids of one HTML document. */
export function scanHtml(html: string): ScannedPage {
  const links: string[] = [];
  const ids = new Set<string>();
  const markup = html.replace(COMMENT, '').replace(RAW_TEXT, (whole) => whole.slice(0, whole.indexOf('>') + 1));
  for (const tag of markup.matchAll(TAG)) {
    const name = tag[1]!.toLowerCase();
    for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      const key = attribute[1]!.toLowerCase();
      const value = decodeAttribute(attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
      if (key === 'id' || (key === 'name' && name === 'a')) ids.add(value);
      else if (key === 'href' || key === 'src') links.push(value);
    }
  }
  return { links, ids };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name));
}

/** The URL path at which a file of the output folder is served. */
function urlPathOf(dir: string, file: string): string {
  const path = `/${relative(dir, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The output file a URL path names, as a static server resolves it, or undefined. */
function fileFor(dir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const path = join(dir, decoded);
  if (!path.startsWith(dir)) return undefined;
  // `/404/` is written as 404.html.
  for (const candidate of [path, join(path, 'index.html'), `${path.replace(/[\\/]$/, '')}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Checks every internal link and fragment of the HTML files under `dir`.
 * `site` (e.g. `https://help.example.com`) makes absolute links to the site's
 * own origin count as internal.
 */
export function checkLinks(dir: string, site?: string): BrokenLink[] {
  const base = 'http://checked.invalid';
  const siteOrigin = site ? new URL(site).origin : undefined;
  const pages = new Map<string, ScannedPage>();
  const scan = (file: string) => {
    let page = pages.get(file);
    if (!page) {
      page = scanHtml(readFileSync(file, 'utf8'));
      pages.set(file, page);
    }
    return page;
  };
  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(dir)) {
    const pagePath = urlPathOf(dir, file);
    const report = (link: string, reason: string) => broken.push({ page: relative(dir, file).split(sep).join('/'), link, reason });
    for (const link of scan(file).links) {
      const trimmed = link.trim();
      if (trimmed === '') {
        report(link, 'empty link');
        continue;
      }
      let url: URL;
      try {
        url = new URL(trimmed, `${base}${pagePath}`);
      } catch {
        report(link, 'not a valid URL');
        continue;
      }
      if (url.origin !== base) {
        if (!siteOrigin || url.origin !== siteOrigin) continue; // external: not ours to check
      }
      if (IGNORED_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) continue;
      const target = fileFor(dir, url.pathname);
      if (!target) {
        report(link, `no file or page at ${url.pathname}`);
        continue;
      }
      const fragment = url.hash.slice(1);
      if (fragment === '' || fragment.includes('=') || !target.endsWith('.html')) continue;
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        id = fragment;
      }
      if (!scan(target).ids.has(id)) report(link, `no element with id "${id}" on ${url.pathname}`);
    }
  }
  return broken;
}

export function formatBrokenLinks(broken: BrokenLink[]): string {
  return `${broken.length} broken internal link${broken.length === 1 ? '' : 's'}:\n${broken.map((b) => `- ${b.page}: "${b.link}" (${b.reason})`).join('\n')}`;
}

export default function checkLinksIntegration(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'ipp-help:check-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir).replace(/[\\/]$/, '');
        const broken = checkLinks(outDir, site);
        if (broken.length > 0) throw new Error(formatBrokenLinks(broken));
        logger.info(`Every internal link and #anchor in ${htmlFiles(outDir).length} pages resolves.`);
      },
    },
  };
}
