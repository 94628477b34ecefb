/**
 * The site's own search (src/components/search/ranked-search.ts with its
 * spelling correction, over the build's Pagefind index), run inside a page
 * of the built site without its UI: many queries in one round trip, for a
 * test that searches for every rule. The search code is bundled with
 * esbuild and evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy does not govern; the Pagefind index and the
 * spelling vocabulary are fetched from the site as the UI fetches them.
 * How the search box itself behaves is tested through the UI
 * (search-finds.spec.ts, site.spec.ts).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..', '..');

let bundled: Promise<string> | undefined;

function bundle(): Promise<string> {
  bundled ??= build({
    stdin: {
      contents: `
        import { rankedSearch } from './src/components/search/ranked-search.ts';
        import { correctWords } from './src/components/search/spelling.ts';
        const PAGEFIND = '/pagefind/pagefind.js';
        window.__siteSearch = async (queries, shown) => {
          const pagefind = await import(PAGEFIND);
          const urls = [];
          for (const query of queries) {
            const { response } = await rankedSearch((term, options) => pagefind.search(term, options), query, undefined, correctWords);
            const results = (response?.results ?? []).slice(0, shown);
            urls.push(await Promise.all(results.map(async (result) => new URL((await result.data()).url, location.href).pathname)));
          }
          return urls;
        };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}

/** The paths of the first `shown` results of each query, as the site's search puts them in order. */
export async function siteSearch(page: Page, queries: readonly string[], shown: number): Promise<string[][]> {
  const script = await bundle();
  await page.evaluate(script);
  return page.evaluate(
    ([list, count]) => (window as unknown as { __siteSearch(q: readonly string[], n: number): Promise<string[][]> }).__siteSearch(list, count),
    [queries, shown] as const,
  );
}
