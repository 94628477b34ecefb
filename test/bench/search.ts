/**
 * `npm run bench:search [-- OUT_DIR [PORT]]`: how often the site's search puts
 * the right page first, and in the top 3.
 *
 * Runs every query of test/fixtures/search-queries.jsonl through the real
 * search page of the built site (the same Pagefind index and the same
 * scripts a visitor gets, served by test/support/static-server.ts, in
 * Debian's Chromium): it types the query into /search/'s box, waits until
 * the page says that search is done (`data-search-state="done"` for that
 * query on `[data-query-help]`) and its first results are drawn, and reads
 * the result links in the order shown.
 *
 * A query is right at rank k when one of its expected pages (`expect`,
 * alternatives separated by `|`) is among the first k results. A query whose
 * expect is `none` (an error code no article covers) is right, at every rank,
 * when the page shows "No article for …" and lists no result. Figures are
 * printed for the whole set and for each half (`split`: "dev", used for
 * tuning, and "holdout", never tuned on), then per kind of query, then every
 * miss with what was shown instead, and how long the searches took (from
 * Pagefind starting the search, after its 300 ms pause for typing, to the
 * results being handed to the page).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from '../support/chromium.ts';
import { waitForServer } from './measure.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT_DIR = resolve(process.argv[2] ?? process.env.KB_OUT_DIR ?? 'dist');
const PORT = Number(process.argv[3] ?? process.env.KB_BENCH_PORT ?? 4437);
const FIXTURE = join(ROOT, 'test/fixtures/search-queries.jsonl');
const RANKS = [1, 3] as const;
const SPLITS = ['dev', 'holdout'] as const;

interface Query {
  line: number;
  query: string;
  /** Acceptable pages (URL paths), or empty for `none`. */
  pages: string[];
  kind: string;
  split: (typeof SPLITS)[number];
}

interface Outcome {
  query: Query;
  /** Result pages in the order shown (those drawn). */
  shown: string[];
  /** How many results the page lists. */
  total: number;
  /** The code the page said has no article, if any. */
  noArticle: string | null;
  /** Rank of the first expected page (1-based); 0 when a `none` query was answered rightly; null when missed. */
  rank: number | null;
  /** Milliseconds from the search starting to its results. */
  milliseconds: number;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function readQueries(): Query[] {
  const queries: Query[] = [];
  readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (!text.trim()) return;
      const line = index + 1;
      const where = `${FIXTURE}:${line}`;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(text);
      } catch (error) {
        fail(`${where}: not JSON (${(error as Error).message})`);
      }
      const { query, expect, kind, split } = row;
      if (typeof query !== 'string' || !query.trim()) fail(`${where}: "query" must be a non-empty string`);
      if (typeof expect !== 'string' || !expect) fail(`${where}: "expect" must be a URL path, paths separated by "|", or "none"`);
      if (typeof kind !== 'string') fail(`${where}: "kind" must be a string`);
      if (split !== 'dev' && split !== 'holdout') fail(`${where}: "split" must be "dev" or "holdout"`);
      const pages = expect === 'none' ? [] : expect.split('|');
      for (const page of pages) {
        // An expectation naming no page of the build would be a miss forever: refuse it.
        if (!page.startsWith('/') || !page.endsWith('/') || !existsSync(join(OUT_DIR, page, 'index.html'))) {
          fail(`${where}: expected page ${page} is not a page of the build in ${OUT_DIR}`);
        }
      }
      queries.push({ line, query, pages, kind, split });
    });
  if (queries.length === 0) fail(`${FIXTURE} holds no queries`);
  return queries;
}

/** Types `query` into the search page's box and reads what the page then shows. */
/** Records, in the page, when each search starts and when its results arrive (Pagefind's instance events). */
async function timeSearches(page: Page): Promise<void> {
  await page.waitForFunction(() => 'PagefindComponents' in window);
  await page.evaluate(() => {
    const instance = (
      window as unknown as {
        PagefindComponents: {
          getInstanceManager(): { getInstance(name: string): { searchTerm: string; on(event: string, callback: (term: string) => void): void } };
        };
      }
    ).PagefindComponents.getInstanceManager().getInstance('default');
    const times: Record<string, { start: number; end?: number }> = {};
    Object.assign(window, { searchTimes: times });
    instance.on('search', (term) => void (times[term] = { start: performance.now() }));
    instance.on('results', () => {
      const entry = times[instance.searchTerm];
      if (entry && entry.end === undefined) entry.end = performance.now();
    });
  });
}

async function search(page: Page, query: string): Promise<{ shown: string[]; total: number; noArticle: string | null; milliseconds: number }> {
  const input = page.locator('[data-search-page] pagefind-input input');
  await input.fill(query);
  const help = page.locator('[data-query-help]');
  await page.waitForFunction(
    (typed) => {
      const state = document.querySelector<HTMLElement>('[data-query-help]');
      if (state?.dataset.searchState !== 'done' || state.dataset.searchQuery !== typed) return false;
      // Every one of the first three results drawn (Pagefind draws placeholders first).
      const items = [...document.querySelectorAll('[data-search-page] pagefind-results li.pf-result')].slice(0, 3);
      return items.every((item) => item.querySelector('a.pf-result-link'));
    },
    query,
    { timeout: 20_000 },
  );
  const shown = await page
    .locator('[data-search-page] pagefind-results a.pf-result-link')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  // Pagefind draws only the results in view; the list holds an item for each.
  const total = await page.locator('[data-search-page] pagefind-results li.pf-result').count();
  const noArticle = await help.locator('[data-no-article]').evaluateAll((nodes) => (nodes[0] as HTMLElement | undefined)?.dataset.noArticle ?? null);
  const milliseconds = await page.evaluate((typed) => {
    const entry = (window as unknown as { searchTimes: Record<string, { start: number; end?: number }> }).searchTimes[typed];
    return entry?.end === undefined ? Number.NaN : entry.end - entry.start;
  }, query);
  return { shown, total, noArticle, milliseconds };
}

function rankOf(query: Query, shown: string[], total: number, noArticle: string | null): number | null {
  if (query.pages.length === 0) return noArticle && total === 0 ? 0 : null; // said so, and no loose hits
  const index = shown.findIndex((path) => query.pages.includes(path));
  return index === -1 ? null : index + 1;
}

function quantile(values: number[], q: number): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

function row(label: string, outcomes: Outcome[]): string {
  const cells = RANKS.map((k) => {
    const right = outcomes.filter((outcome) => outcome.rank !== null && outcome.rank <= k).length;
    return `${right}/${outcomes.length} (${percent(right, outcomes.length)})`;
  });
  return `| ${label} | ${outcomes.length} | ${cells.join(' | ')} |`;
}

if (!existsSync(join(OUT_DIR, 'search', 'index.html')) || !existsSync(join(OUT_DIR, 'pagefind'))) {
  fail(`No built site with a search index in ${OUT_DIR}: run \`npm run build\` first (or pass the output folder).`);
}
const queries = readQueries();

// Never measure someone else's server: the port must be free.
if (
  await fetch(`http://127.0.0.1:${PORT}/`).then(
    () => true,
    () => false,
  )
) {
  fail(`Port ${PORT} is already in use; pass a free one: npm run bench:search -- ${OUT_DIR} <port>`);
}
const server = spawn(process.execPath, [join(ROOT, 'test/support/static-server.ts'), OUT_DIR, String(PORT)], { stdio: 'ignore' });
const browser = await chromium.launch({ ...(systemChromium ? { executablePath: systemChromium } : {}), args: CHROMIUM_ARGS });
const outcomes: Outcome[] = [];
try {
  await waitForServer(`http://127.0.0.1:${PORT}/`, 15_000);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${PORT}/search/`);
  await timeSearches(page);
  const started = performance.now();
  for (const query of queries) {
    const { shown, total, noArticle, milliseconds } = await search(page, query.query);
    outcomes.push({ query, shown, total, noArticle, milliseconds, rank: rankOf(query, shown, total, noArticle) });
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(
    `Search quality on ${OUT_DIR}: ${queries.length} queries from test/fixtures/search-queries.jsonl, typed into /search/ (${seconds.toFixed(1)} s)\n`,
  );
  console.log('| queries | n | top-1 | top-3 |');
  console.log('|---|---|---|---|');
  console.log(row('whole set', outcomes));
  for (const split of SPLITS)
    console.log(
      row(
        split === 'dev' ? 'dev (tuned on)' : 'held-out (never tuned on)',
        outcomes.filter((outcome) => outcome.query.split === split),
      ),
    );
  console.log('\n| kind | n | top-1 | top-3 |');
  console.log('|---|---|---|---|');
  for (const kind of [...new Set(queries.map((query) => query.kind))])
    console.log(
      row(
        kind,
        outcomes.filter((outcome) => outcome.query.kind === kind),
      ),
    );

  const misses = outcomes.filter((outcome) => outcome.rank === null || outcome.rank > 3);
  console.log(misses.length === 0 ? '\nEvery query has its page in the top 3.' : `\nNot in the top 3 (${misses.length}):`);
  for (const { query, shown, total, noArticle, rank } of misses) {
    const expected = query.pages.length ? query.pages.join(' or ') : 'none (no article)';
    const got = [noArticle ? `"No article for ${noArticle}"` : '', total ? `${total} results: ${shown.slice(0, 3).join(', ')}` : 'no results']
      .filter(Boolean)
      .join('; ');
    console.log(`- [${query.split}] line ${query.line} "${query.query}": expected ${expected}${rank ? ` (rank ${rank})` : ''}; shown ${got}`);
  }
  const times = outcomes.map((outcome) => outcome.milliseconds);
  console.log(
    `\nSearch time (Pagefind's search starting → results, this machine): median ${quantile(times, 0.5).toFixed(0)} ms, 90th percentile ${quantile(times, 0.9).toFixed(0)} ms, slowest ${quantile(times, 1).toFixed(0)} ms.`,
  );
} finally {
  await browser.close();
  server.kill();
}
