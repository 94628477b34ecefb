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
 * Tags are read as a browser's tokeniser reads them, not matched with one
 * regular expression: a quoted attribute value runs to its closing quote,
 * whatever it holds. Astro escapes only `&` and `"` in attribute values, so a
 * summary such as `Use <a href="x"> for <tenant>` reaches the page as
 * `<meta name="description" content="Use <a href=&quot;x&quot;> for <tenant>">`:
 * valid HTML with one attribute, and no link in it. (A scan that ended the tag
 * at the first `>` used to find a link `"x"` there and fail the build.)
 */
import { plural } from '../triage/text/wording.ts';
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
/** Elements whose content is text, never tags: the tokeniser's raw text and RCDATA elements. */
const TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title']);
// Sticky character runs of the tokeniser (one character class each: linear, and fast in native code).
const SPACES = /[\t\n\f\r ]*/y;
const SPACES_AND_SLASHES = /[\t\n\f\r /]*/y;
const TAG_NAME = /[^\t\n\f\r />]*/y;
const ATTRIBUTE_NAME_REST = /[^\t\n\f\r />=]*/y;
const UNQUOTED_VALUE = /[^\t\n\f\r >]*/y;

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

export interface StartTag {
  /** Lower case. */
  name: string;
  /** Attribute names (lower case) and decoded values, in order. */
  attributes: Array<[string, string]>;
}

/**
 * The start tags of an HTML document, as the HTML tokeniser finds them, in
 * linear time: comments, `<!…>`/`<?…>` declarations, end tags and the text of
 * script, style, textarea and title hold no start tags, and a quoted attribute
 * value ends only at its closing quote.
 */
export function* startTags(html: string): Generator<StartTag> {
  const length = html.length;
  let at = 0;
  /** Moves `at` past the run of characters `run` matches there. */
  const skip = (run: RegExp) => {
    run.lastIndex = at;
    if (run.test(html)) at = run.lastIndex; // fails only past the end, where a failed test would reset lastIndex to 0
  };
  while (at < length) {
    const open = html.indexOf('<', at);
    if (open === -1) return;
    const next = html[open + 1] ?? '';
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      at = close === -1 ? length : close + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const close = html.indexOf('>', open);
      at = close === -1 ? length : close + 1;
      continue;
    }
    const isEndTag = next === '/' && /[A-Za-z]/.test(html[open + 2] ?? '');
    if (!isEndTag && !/[A-Za-z]/.test(next)) {
      at = open + 1; // a lone "<" is text
      continue;
    }
    at = open + (isEndTag ? 2 : 1);
    const nameStart = at;
    skip(TAG_NAME);
    const name = html.slice(nameStart, at).toLowerCase();
    const attributes: Array<[string, string]> = [];
    for (skip(SPACES_AND_SLASHES); at < length && html[at] !== '>'; skip(SPACES_AND_SLASHES)) {
      const keyStart = at++; // the first character belongs to the name, even "="
      skip(ATTRIBUTE_NAME_REST);
      const key = html.slice(keyStart, at).toLowerCase();
      skip(SPACES);
      let value = '';
      if (html[at] === '=') {
        at++;
        skip(SPACES);
        const quote = html[at];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, at + 1);
          const end = close === -1 ? length : close;
          value = html.slice(at + 1, end);
          at = end + 1;
        } else {
          const valueStart = at;
          skip(UNQUOTED_VALUE);
          value = html.slice(valueStart, at);
        }
      }
      attributes.push([key, value.includes('&') ? decodeAttribute(value) : value]);
    }
    at++; // past ">"
    if (isEndTag) continue;
    yield { name, attributes };
    if (TEXT_ELEMENTS.has(name)) {
      const closer = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi'); // a fixed name, never content
      closer.lastIndex = at;
      const close = closer.exec(html);
      at = close ? close.index : length;
    }
  }
}

interface ScannedPage {
  links: string[];
  ids: Set<string>;
}

/** Links (href, src) and element ids of one HTML document. */
export function scanHtml(html: string): ScannedPage {
  const links: string[] = [];
  const ids = new Set<string>();
  for (const { name, attributes } of startTags(html)) {
    for (const [key, value] of attributes) {
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
  return `${plural(broken.length, 'broken internal link')}:\n${broken.map((b) => `- ${b.page}: "${b.link}" (${b.reason})`).join('\n')}`;
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
