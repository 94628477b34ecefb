/**
 * Browser tests of the built site (served from dist/ by `astro preview`):
 * every page exists and says what it must, the A–Z index is complete, search
 * works (also by keyboard alone and under the CSP), rule pages work without
 * JavaScript, and axe finds no WCAG 2.1 AA violation in either colour scheme.
 */
import { expect, test, type Page } from '@playwright/test';
import { readCategories, readGuides, readRules } from './site-content';
import { watchViolations } from '../support/csp.ts';
import { siteSearch } from '../support/site-search.ts';
import { readBuiltPages } from '../support/built-pages.ts';
import { axeScan, violationList } from '../support/axe.ts';

const rules = readRules();
const guides = readGuides();
const categories = readCategories();

/** The rule the search tests look for; it is one of the seed rules. */
const NATIONAL_CLOUD_RULE = '/errors/invalid-national-cloud-token/';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

test('the content folders hold entries to test', () => {
  // Guards against a run that silently tests nothing because the folders moved.
  expect(rules.length).toBeGreaterThan(0);
  expect(categories.length).toBeGreaterThan(0);
});

// What every rule, guide and category page says, read from the built HTML
// in one page (test/support/built-pages.ts); how each kind of page renders
// is tested below by visiting one (axe, 360 px, without JavaScript).
const LOOKUP = 'https://login.microsoftonline.com/error?code=';

test('every rule page shows its title, messages, codes and resolution', async ({ page }) => {
  await page.goto('/');
  const built = await readBuiltPages(
    page,
    rules.map((rule) => `/errors/${rule.id}/`),
  );
  rules.forEach((rule, index) => {
    const { path, status, h1, regions, links } = built[index]!;
    expect.soft(status, path).toBe(200);
    expect.soft(h1, path).toBe(collapse(rule.title));
    const log = regions['What the audit log says'];
    // Each message exactly as written, placeholders included, in order.
    expect.soft(log?.firstListItems, path).toEqual(rule.messages.map(collapse));
    for (const code of rule.codes) {
      expect.soft(log?.texts, `${path}: ${code} shown on its own`).toContain(code);
      if (/^AADSTS\d+$/.test(code)) {
        expect
          .soft(log?.links.filter((link) => link.href === `${LOOKUP}${code.slice('AADSTS'.length)}`).length, `${path}: Microsoft's lookup of ${code}`)
          .toBe(1);
      }
    }
    const resolution = regions['Resolution'];
    expect.soft(resolution?.text, path).toContain(collapse(rule.resolution));
    expect
      .soft(
        resolution?.links.map((link) => link.href),
        path,
      )
      .toContain(`/guides/${rule.fix}/`);
    for (const slug of rule.categories) {
      expect.soft(links.filter((link) => link.href === `/categories/${slug}/` && link.filter === 'category').length, `${path}: category ${slug}`).toBe(1);
    }
  });
});

test('every guide page shows its title and the errors it covers', async ({ page }) => {
  await page.goto('/');
  const built = await readBuiltPages(
    page,
    guides.map((guide) => `/guides/${guide.id}/`),
  );
  guides.forEach((guide, index) => {
    const { path, status, h1, links } = built[index]!;
    expect.soft(status, path).toBe(200);
    expect.soft(h1, path).toBe(collapse(guide.title));
    // The hub lists every error; a fix guide lists the errors that point to it.
    const expected = guide.kind === 'hub' ? rules : rules.filter((rule) => rule.fix === guide.id);
    const hrefs = new Set(links.map((link) => link.href));
    expect
      .soft(
        expected.map((rule) => `/errors/${rule.id}/`).filter((href) => !hrefs.has(href)),
        `${path}: errors not linked`,
      )
      .toEqual([]);
  });
});

test('every category page shows its title and table of errors', async ({ page }) => {
  await page.goto('/');
  const built = await readBuiltPages(
    page,
    categories.map((category) => `/categories/${category.id}/`),
  );
  categories.forEach((category, index) => {
    const { path, status, h1, tableRows } = built[index]!;
    expect.soft(status, path).toBe(200);
    expect.soft(h1, path).toBe(collapse(category.title));
    const members = rules.filter((rule) => rule.categories.includes(category.id));
    for (const rule of members) {
      const row = tableRows.find((candidate) => candidate.hrefs.includes(`/errors/${rule.id}/`));
      expect.soft(row?.text, `${path}: the row of ${rule.id}`).toContain(collapse(rule.resolution));
    }
    // Nothing listed that does not belong here.
    expect.soft(tableRows.length, path).toBe(members.length);
  });
});

test('the home page lists the categories, the paste box and the common errors', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Paste your error' })).toBeVisible();
  for (const category of categories) {
    await expect(page.locator(`main a[href="/categories/${category.id}/"]`)).toHaveText(category.title);
  }
  await expect(page.locator('main a[href="/guides/find-ipp-failure-reason/"]')).toBeVisible();
});

test('the A–Z index links every message and code of every rule', async ({ page }) => {
  await page.goto('/errors/');
  for (const rule of rules) {
    const links = page.locator(`main a[href="/errors/${rule.id}/"]`);
    await expect(links).toHaveCount(rule.messages.length + rule.codes.length);
    for (const code of rule.codes) {
      // Exactly one entry is the code itself (a message may also quote the code).
      await expect(links.getByText(code, { exact: true })).toHaveCount(1);
    }
  }
  // Letter jump links lead to existing sections.
  const jumps = page.getByRole('navigation', { name: 'Letters' }).getByRole('link');
  expect(await jumps.count()).toBeGreaterThan(0);
  for (const href of await jumps.evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
    await expect(page.locator(href as string)).toHaveCount(1);
  }
});

test('a former id (alias) redirects to the rule', async ({ page }) => {
  const rule = rules.find((candidate) => candidate.aliases.length > 0);
  test.skip(!rule, 'no rule has an alias yet');
  if (!rule) return;
  await page.goto(`/errors/${rule.aliases[0]}/`);
  await expect(page).toHaveURL(new RegExp(`/errors/${rule.id}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(rule.title);
});

test('an unknown address gets the 404 page', async ({ page }) => {
  const response = await page.goto('/errors/no-such-error-exists/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('a rule page stays readable at 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(NATIONAL_CLOUD_RULE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('a rule page shows message, resolution and steps', async ({ page }) => {
    const rule = rules.find((candidate) => candidate.id === 'refresh-token-expired') ?? rules[0];
    if (!rule) throw new Error('no rule to test');
    await page.goto(`/errors/${rule.id}/`);
    await expect(page.getByRole('region', { name: 'What the audit log says' })).toContainText(collapse(rule.messages[0] as string));
    await expect(page.getByRole('region', { name: 'Resolution' })).toContainText(rule.resolution);
    // The MDX body's "How to fix it" steps are server-rendered.
    await expect(page.getByRole('heading', { name: /how to fix/i })).toBeVisible();
    // Search stays reachable as a plain link.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Search' })).toHaveAttribute('href', '/search/');
  });
});

/** Waits for Pagefind to list a result linking to `href`. */
async function expectResultLink(page: Page, scope: string, href: string) {
  await expect(page.locator(`${scope} pagefind-results a[href*="${href}"]`).first()).toBeVisible({ timeout: 15_000 });
}

test.describe('search', () => {
  test('the search page runs the query from the #q= fragment', async ({ page }) => {
    await page.goto('/search/#q=National%20Cloud');
    await expectResultLink(page, '[data-search-page]', NATIONAL_CLOUD_RULE);
    await expect(page.locator('[data-search-page] pagefind-input input')).toHaveValue('National Cloud');
  });

  // Every rule is reachable by search: by its code when it has one (codes are
  // what customers type), and by its words (its title).
  // Every rule is reachable by search: by its code when it has one (codes are
  // what customers type), and by its words (its title), among the first five
  // results of the site's own ranking. Run without the UI (see
  // test/support/site-search.ts): the tests around this one type into the box.
  test("the site's search finds every rule by its first code and by its title, among the first five results", async ({ page }) => {
    const queries = rules.flatMap((rule) =>
      [...new Set([rule.codes[0], rule.title].filter((query): query is string => query !== undefined))].map((query) => ({
        query,
        path: `/errors/${rule.id}/`,
      })),
    );
    await page.goto('/search/');
    const found = await siteSearch(
      page,
      queries.map((entry) => entry.query),
      5,
    );
    const missed = queries
      .filter((entry, index) => !found[index]!.includes(entry.path))
      .map((entry) => `"${entry.query}" → ${found[queries.indexOf(entry)]!.join(', ') || 'nothing'} (wanted ${entry.path})`);
    expect(missed).toEqual([]);
  });

  test('the search page offers category filters', async ({ page }) => {
    await page.goto('/search/#q=token');
    const filters = page.locator('pagefind-filter-pane');
    const firstCategory = categories[0];
    if (!firstCategory) throw new Error('no category');
    await expect(filters.getByText(firstCategory.title).first()).toBeVisible({ timeout: 15_000 });
  });

  test('search is usable with the keyboard alone', async ({ page }) => {
    await page.goto('/');
    // Tab from the top of the page to the header's search control.
    let onSearchButton = false;
    for (let presses = 0; presses < 20 && !onSearchButton; presses++) {
      await page.keyboard.press('Tab');
      onSearchButton = await page.evaluate(() => document.activeElement?.hasAttribute('data-site-search-open') ?? false);
    }
    expect(onSearchButton).toBe(true);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Search IPP Help' });
    await expect(dialog).toBeVisible();
    const input = dialog.locator('pagefind-input input');
    await expect(input).toBeFocused();
    await page.keyboard.type('National Cloud');
    await expectResultLink(page, '[data-site-search-dialog]', NATIONAL_CLOUD_RULE);

    // Escape closes the dialog and gives focus back to the search button.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-site-search-open]')).toBeFocused();

    // Reopen and follow a result with Tab and Enter only.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await expect(input).toBeFocused();
    await input.press('Control+A');
    await page.keyboard.type('National Cloud');
    await expectResultLink(page, '[data-site-search-dialog]', NATIONAL_CLOUD_RULE);
    let onResult = false;
    for (let presses = 0; presses < 15 && !onResult; presses++) {
      await page.keyboard.press('Tab');
      onResult = await page.evaluate((href) => (document.activeElement as HTMLAnchorElement | null)?.href?.includes(href) ?? false, NATIONAL_CLOUD_RULE);
    }
    expect(onResult).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${NATIONAL_CLOUD_RULE}$`));
  });

  test('keys typed while the search dialog is still loading are kept', async ({ page }) => {
    await page.goto('/errors/');
    await page.locator('[data-site-search-open]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('National Cloud');
    await expect(page.locator('[data-site-search-dialog] pagefind-input input')).toHaveValue('National Cloud');
    await expectResultLink(page, '[data-site-search-dialog]', NATIONAL_CLOUD_RULE);
  });

  test('searching reports no Content-Security-Policy violation', async ({ page }) => {
    const problems = await watchViolations(page);

    await page.goto('/search/#q=National%20Cloud');
    await expectResultLink(page, '[data-search-page]', NATIONAL_CLOUD_RULE);

    await page.goto('/');
    await page.locator('[data-site-search-open]').click();
    await page.keyboard.type('refresh token');
    await expect(page.locator('[data-site-search-dialog] pagefind-results a').first()).toBeVisible({ timeout: 15_000 });

    expect(problems).toEqual([]);
  });
});

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  const pages = [
    { name: 'home', path: '/' },
    { name: 'A–Z index', path: '/errors/' },
    { name: 'rule', path: `/errors/${rules[0]?.id}/` },
    { name: 'category', path: `/categories/${categories[0]?.id}/` },
    { name: 'guide', path: `/guides/${guides.find((guide) => guide.kind === 'hub')?.id ?? guides[0]?.id}/` },
    { name: 'search', path: '/search/#q=token' },
  ];
  for (const scheme of ['light', 'dark'] as const) {
    for (const target of pages) {
      test(`${target.name} has no violations in the ${scheme} scheme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        const response = await page.goto(target.path);
        expect(response?.status()).toBe(200);
        if (target.name === 'search') {
          // Scan the rendered Pagefind UI with results, not the empty shell.
          await expect(page.locator('pagefind-results a').first()).toBeVisible({ timeout: 15_000 });
        }
        const results = await axeScan(page);
        expect(violationList(results)).toEqual([]);
        expect(results.passes.length).toBeGreaterThan(0);
      });
    }
  }
});
