/**
 * Issue 18, "search that finds the right page", as a person sees it: the
 * four queries the issue names, the header's Search dialog behaving exactly
 * as /search/ does on a typo and on a code with no article, and snippets
 * where a code no longer runs into its link text. How often the search is
 * right over a whole evaluation set is `npm run bench:search`.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';

/** Waits until the search in `scope` says it is done with `query`; returns its help and its first result links. */
async function searched(page: Page, scope: string, query: string): Promise<{ help: Locator; links: string[] }> {
  const help = page.locator(`${scope} [data-query-help]`);
  await expect(help).toHaveAttribute('data-search-query', query, { timeout: 15_000 });
  await expect(help).toHaveAttribute('data-search-state', 'done', { timeout: 15_000 });
  const results = page.locator(`${scope} pagefind-results li.pf-result`);
  const count = await results.count();
  // Pagefind draws placeholders first: wait for the first results' links.
  for (let index = 0; index < Math.min(3, count); index++) await expect(results.nth(index).locator('a.pf-result-link')).toBeVisible();
  const links = await page
    .locator(`${scope} pagefind-results a.pf-result-link`)
    .evaluateAll((anchors) => anchors.slice(0, 3).map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
  return { help, links };
}

async function onSearchPage(page: Page, query: string) {
  await page.goto(`/search/#q=${encodeURIComponent(query)}`);
  return searched(page, '[data-search-page]', query);
}

async function inHeaderDialog(page: Page, query: string) {
  await page.goto('/errors/');
  await page.getByRole('button', { name: 'Search' }).click();
  const input = page.locator('[data-site-search-dialog] pagefind-input input');
  await expect(input).toBeFocused();
  await input.fill(query);
  return searched(page, '[data-site-search-dialog]', query);
}

test.describe('the queries of the issue', () => {
  test('"how do I renew the token" finds the guide to a new refresh token', async ({ page }) => {
    const { help, links } = await onSearchPage(page, 'how do I renew the token');
    expect(links).toContain('/guides/new-refresh-token/');
    await expect(help).toContainText('Showing results for “new token”');
  });

  test('"AADSTS50199" says it has no article, links Microsoft and the triage box, and lists no loose hits', async ({ page }) => {
    const { help, links } = await onSearchPage(page, 'AADSTS50199');
    expect(links).toEqual([]);
    await expect(page.locator('[data-search-page] pagefind-results li.pf-result')).toHaveCount(0);
    await expect(help).toContainText('No article for AADSTS50199 yet.');
    await expect(help.getByRole('link', { name: 'Look up AADSTS50199 on Microsoft' })).toHaveAttribute(
      'href',
      'https://login.microsoftonline.com/error?code=50199',
    );
    await expect(help.getByRole('link', { name: /triage box/ })).toHaveAttribute('href', '/triage/#q=AADSTS50199');
    await expectNoAxeViolations(page);
  });

  test('"pasword expird" puts Password expired first', async ({ page }) => {
    const { help, links } = await onSearchPage(page, 'pasword expird');
    expect(links[0]).toBe('/errors/password-expired/');
    await expect(help).toContainText('No good match for “pasword expird”. Showing results for “password expired”.');
  });

  test('"condtional acess" puts the Conditional Access block first', async ({ page }) => {
    const { links } = await onSearchPage(page, 'condtional acess');
    expect(links[0]).toBe('/errors/conditional-access-blocked/');
  });

  test('a code with an article puts that article first, with nothing to explain', async ({ page }) => {
    const { help, links } = await onSearchPage(page, 'AADSTS700082');
    expect(links[0]).toBe('/errors/refresh-token-expired/');
    await expect(help).not.toContainText('No article');
  });
});

test.describe('the header dialog and /search/ behave the same', () => {
  for (const query of ['pasword expird', 'AADSTS50199']) {
    test(`on "${query}"`, async ({ page }) => {
      const page1 = await onSearchPage(page, query);
      const pageHelp = await page1.help.innerText();
      const dialog = await inHeaderDialog(page, query);
      expect(await dialog.help.innerText()).toBe(pageHelp);
      expect(dialog.links).toEqual(page1.links);
      expect(pageHelp).toMatch(query.startsWith('AADSTS') ? /No article for AADSTS50199 yet/ : /Showing results for “password expired”/);
    });
  }
});

test('a snippet keeps a code apart from the words after it', async ({ page }) => {
  await onSearchPage(page, 'AADSTS90002');
  const excerpts = await page.locator('[data-search-page] pagefind-results .pf-result-excerpt').allInnerTexts();
  expect(excerpts.join(' ')).toContain('AADSTS90002');
  for (const excerpt of excerpts) expect(excerpt).not.toMatch(/AADSTS\d+[A-Za-z]/);
});
