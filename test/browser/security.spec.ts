/**
 * The strict Content-Security-Policy, checked in the browser: every page type
 * carries it with no 'unsafe-inline' or 'unsafe-eval' for scripts, and using
 * the site for real — search (dialog and page) and triage (paste, results,
 * copy link) — reports no violation at all.
 */
import { expect, test } from '@playwright/test';
import { watchViolations } from '../support/csp.ts';

const REFRESH_PASTE =
  'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-02-20T02:58:17.0350262Z and was inactive for 90.00:00:00. Trace ID: dc41b3fa-a25b-4280-b500-cd8b8788a601';

const PAGE_TYPES = [
  { type: 'home', path: '/' },
  { type: 'triage', path: '/triage/' },
  { type: 'search', path: '/search/' },
  { type: 'errors A–Z', path: '/errors/' },
  { type: 'rule', path: '/errors/refresh-token-expired/' },
  { type: 'guide', path: '/guides/new-refresh-token/' },
  { type: 'category', path: '/categories/refresh-token/' },
  { type: 'not found', path: '/no-such-page/' },
];

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

for (const { type, path } of PAGE_TYPES) {
  test(`${type} (${path}) has a strict CSP meta tag`, async ({ page }) => {
    await page.goto(path);
    const metas = page.locator('meta[http-equiv="content-security-policy" i]');
    await expect(metas).toHaveCount(1);
    const policy = directives((await metas.getAttribute('content')) ?? '');
    const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
    expect(scriptSrc, 'script-src or default-src').toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain('*');
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    // No inline event handlers and no javascript: URLs anywhere in the markup.
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value))
          .map((attribute) => `${element.tagName.toLowerCase()} ${attribute.name}`),
      ),
    );
    expect(inline).toEqual([]);
  });
}

test('visiting every page type, searching and triaging report zero CSP violations', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = await watchViolations(page);

  for (const { path } of PAGE_TYPES) await page.goto(path);

  // Search: the header's dialog on an article page, then the search page with a query.
  await page.goto('/guides/new-refresh-token/');
  await page.locator('[data-site-search-open]').click();
  await page.keyboard.type('refresh token');
  await expect(page.locator('[data-site-search-dialog] pagefind-results a').first()).toBeVisible({ timeout: 15_000 });
  await page.goto('/search/#q=National%20Cloud');
  await expect(page.locator('[data-search-page] pagefind-results a').first()).toBeVisible({ timeout: 15_000 });

  // Triage: paste, results (worker + index fetch), copy link and copy resolution.
  await page.goto('/triage/');
  await page.getByLabel('Paste the error message from the IPP audit log').fill(REFRESH_PASTE);
  await expect(page.locator('.triage-answer').first()).toContainText('Refresh token expired');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.locator('.triage-answer').first().getByRole('button', { name: 'Copy resolution' }).click();
  // The home page's compact box too.
  await page.goto('/');
  await page.locator('[data-triage-input]').fill('Username is empty for the data source');
  await expect(page.locator('.triage-answer').first()).toBeVisible();

  expect(problems).toEqual([]);
});

test('the violation watcher works: an inline script that the CSP blocks is reported', async ({ page }) => {
  // Guards against a watcher that could never see anything.
  const problems = await watchViolations(page);
  await page.goto('/errors/');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
  });
  await expect.poll(() => problems.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});
