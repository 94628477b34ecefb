/**
 * The deploy headers (public/_headers) ship in the build and do not break the
 * site: every response gets the headers a Netlify / Cloudflare Pages host
 * would add from that file, and search, the triage worker and an article then
 * run with no Content-Security-Policy violation (the header policy is enforced
 * together with each page's meta policy and its hashes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { headersFor, parseHeadersFile } from '../support/headers.ts';
import { watchViolations } from '../support/csp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT_DIR = join(ROOT, process.env.KB_OUT_DIR ?? 'dist');
const HEADERS_FILE = join(ROOT, 'public', '_headers');
const rules = parseHeadersFile(HEADERS_FILE);

test('the build ships public/_headers unchanged', () => {
  expect(readFileSync(join(OUT_DIR, '_headers'), 'utf8')).toBe(readFileSync(HEADERS_FILE, 'utf8'));
});

/** Serves every response with the headers the static host would add, and collects CSP violations. */
async function asDeployed(page: Page): Promise<string[]> {
  const problems = await watchViolations(page);
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') return route.continue();
    const response = await route.fetch();
    const added = Object.fromEntries([...headersFor(rules, url.pathname)].map(([name, values]) => [name, values.join(', ')]));
    await route.fulfill({ response, headers: { ...response.headers(), ...added } });
  });
  return problems;
}

test('with the deploy headers, search, triage and articles work with no CSP violation', async ({ page }) => {
  const problems = await asDeployed(page);

  const article = await page.goto('/errors/refresh-token-expired/');
  expect(article?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(article?.headers()['x-content-type-options']).toBe('nosniff');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.goto('/search/#q=National%20Cloud');
  await expect(page.locator('[data-search-page] pagefind-results a[href*="/errors/invalid-national-cloud-token/"]').first()).toBeVisible({ timeout: 15_000 });

  await page.goto('/triage/');
  await page.getByLabel('Paste the error message from the IPP audit log').fill('AADSTS700082: The refresh token has expired due to inactivity.');
  await expect(page.locator('.triage-answer').first()).toContainText('Refresh token expired');

  expect(problems).toEqual([]);
});

test('with the deploy headers, another origin may read the catalogue and the triage index, but not a page', async ({ page, baseURL }) => {
  // No route on 127.0.0.1 here (Playwright adds CORS headers to the responses it fulfils):
  // the test server itself sends the _headers file's headers, as the static host does.
  // The same server under another name is another origin: localhost reading 127.0.0.1.
  const otherOrigin = baseURL!.replace('127.0.0.1', 'localhost');
  await page.goto(`${otherOrigin}/robots.txt`);
  const read = (url: string) =>
    page.evaluate(async (target) => {
      try {
        const response = await fetch(target, { credentials: 'omit' });
        return `${response.status} ${(await response.text()).slice(0, 1)}`;
      } catch {
        return 'blocked';
      }
    }, url);
  expect(await read(`${baseURL}/api/rules.json`)).toBe('200 {');
  expect(await read(`${baseURL}/triage-index.json`)).toBe('200 {');
  // A page sends no CORS header: another origin cannot read it.
  expect(await read(`${baseURL}/errors/refresh-token-expired/`)).toBe('blocked');
});

test('pages are served with COOP and CORP same-origin, and still work', async ({ page }) => {
  await asDeployed(page);
  const response = await page.goto('/triage/');
  expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response?.headers()['cross-origin-resource-policy']).toBe('same-origin');
  expect(response?.headers()['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
  await page.getByLabel('Paste the error message from the IPP audit log').fill('Username is empty for the data source');
  await expect(page.locator('.triage-answer').first()).toHaveAttribute('data-rule', 'username-empty');
});
