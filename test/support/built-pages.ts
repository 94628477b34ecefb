/**
 * Reads many pages of the built site at once: each fetched from the test
 * server and parsed by the browser's own DOMParser inside one page, without
 * navigating to or laying out each. For tests that check what every rule,
 * guide and category page says (the HTML is built at build time, so what is
 * parsed is what a reader without JavaScript gets); how a page of each kind
 * renders, with and without JavaScript, is tested by navigating to it.
 */
import type { Page } from '@playwright/test';

export interface BuiltLink {
  href: string;
  text: string;
  /** Its `data-pagefind-filter` attribute, if any. */
  filter: string | null;
}

/** A `<section aria-labelledby>` (a landmark region), by its heading's text. */
export interface BuiltRegion {
  text: string;
  /** The level of the heading that names it. */
  headingLevel: number;
  /** The items of its first list, as text. */
  firstListItems: string[];
  links: BuiltLink[];
  /** The text of every element in it, trimmed (to find a code shown on its own). */
  texts: string[];
}

export interface BuiltPage {
  path: string;
  status: number;
  h1: string;
  regions: Record<string, BuiltRegion>;
  /** Every link in <main>. */
  links: BuiltLink[];
  /** The body rows of the first table in <main>: their links and text. */
  tableRows: Array<{ hrefs: string[]; text: string }>;
  /** The "Last updated" line. */
  pageMeta: { text: string; datetime: string | null } | null;
}

/** Fetches and reads `paths` (site-relative) from a page already on the site. */
export async function readBuiltPages(page: Page, paths: readonly string[]): Promise<BuiltPage[]> {
  return page.evaluate(async (list) => {
    const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const linksIn = (root: ParentNode) =>
      [...root.querySelectorAll('a[href]')].map((a) => ({
        href: a.getAttribute('href')!,
        text: collapse(a.textContent),
        filter: a.getAttribute('data-pagefind-filter'),
      }));
    const read = async (path: string) => {
      const response = await fetch(path);
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const main = doc.querySelector('main') ?? doc.body;
      const regions: Record<string, unknown> = {};
      for (const section of doc.querySelectorAll('section[aria-labelledby]')) {
        const heading = doc.getElementById(section.getAttribute('aria-labelledby')!);
        if (!heading) continue;
        regions[collapse(heading.textContent)] = {
          text: collapse(section.textContent),
          headingLevel: Number(/^H(\d)$/.exec(heading.tagName)?.[1] ?? 0),
          firstListItems: [...(section.querySelector('ul, ol')?.querySelectorAll(':scope > li') ?? [])].map((li) => collapse(li.textContent)),
          links: linksIn(section),
          texts: [...section.querySelectorAll('*')].map((element) => collapse(element.textContent)),
        };
      }
      const meta = main.querySelector('[data-page-meta]');
      return {
        path,
        status: response.status,
        h1: collapse(doc.querySelector('h1')?.textContent),
        regions,
        links: linksIn(main),
        tableRows: [...(main.querySelector('table')?.querySelectorAll('tbody tr') ?? [])].map((row) => ({
          hrefs: linksIn(row).map((link) => link.href),
          text: collapse(row.textContent),
        })),
        pageMeta: meta ? { text: collapse(meta.textContent), datetime: meta.querySelector('time')?.getAttribute('datetime') ?? null } : null,
      };
    };
    return Promise.all(list.map(read));
  }, paths) as Promise<BuiltPage[]>;
}
