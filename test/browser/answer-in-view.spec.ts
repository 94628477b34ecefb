/**
 * Issue 18, "the answer always in view": after a paste the result heading is
 * scrolled into view, on a 390×844 phone and a 1280×800 desktop, while focus
 * stays in the paste box; typing is never interrupted by a scroll; and on a
 * phone the header is one compact row, so the home page's paste box is on
 * the first screen. The paste is a real one (the clipboard and Ctrl+V).
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const PASTE =
  'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-02-20T02:58:17.0350262Z and was inactive for 90.00:00:00.';

const box = (page: Page) => page.getByLabel('Paste the error message from the IPP audit log');
const heading = (page: Page) => page.locator('#triage-result-heading');

/** The element's box within the viewport, top and bottom. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight;
    });
}

/** Pastes `text` into the paste box as a person does (the clipboard, Ctrl+V); then the answer must come into view, focus staying in the box. */
async function pasteAndSeeTheAnswer(page: Page, text: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await box(page).focus();
  await page.keyboard.press('Control+V');
  await expect(heading(page)).toHaveText('We found the error');
  await expect.poll(() => inViewport(page, '#triage-result-heading')).toBe(true);
  await expect(box(page)).toBeFocused();
}

for (const viewport of [PHONE, DESKTOP]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('after a paste the result heading is scrolled into view and focus stays in the box', async ({ page }) => {
      await page.goto('/triage/');
      await pasteAndSeeTheAnswer(page, PASTE);
      // It was below the screen: the page's introduction and the box come first.
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

      // Typing on in the box: focus stays, the answer follows the text.
      await page.keyboard.type(' Trace ID: 0d7e');
      await expect(box(page)).toBeFocused();
      await expect(box(page)).toHaveValue(`${PASTE} Trace ID: 0d7e`);
      await expect(heading(page)).toHaveText('We found the error');
    });

    test('typing is answered without a scroll', async ({ page }) => {
      // Reduced motion makes any scroll instant, so none having happened is visible at once.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto('/triage/');
      await box(page).focus();
      await page.keyboard.type('Username is empty for the data source');
      await expect(heading(page)).toHaveText('We found the error');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await expect(box(page)).toBeFocused();
    });

    test("the home page's paste box brings its answer into view too", async ({ page }) => {
      await page.goto('/');
      await pasteAndSeeTheAnswer(page, PASTE);
    });
  });
}

test.describe('a compact phone header', () => {
  test.use({ viewport: PHONE });

  test('is at most 64 px tall at 390 px, with the paste box on the first screen of the home page', async ({ page }) => {
    await page.goto('/');
    const header = await page.getByRole('banner').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    const textarea = await box(page).boundingBox();
    expect(textarea!.y).toBeGreaterThan(header!.height);
    expect(textarea!.y + textarea!.height).toBeLessThanOrEqual(PHONE.height);
  });

  test('keeps the navigation one tap away in a menu, usable by keyboard, with no axe violations', async ({ page }) => {
    await page.goto('/errors/');
    const banner = page.getByRole('banner');
    const menu = banner.getByText('Menu');
    await expect(banner.getByRole('link', { name: 'Categories' })).toBeHidden();
    // The header is what changes here: scan it, not the whole A–Z index, in each state.
    await expectNoAxeViolations(page, 'header');
    await menu.focus();
    await page.keyboard.press('Enter');
    const navigation = banner.getByRole('navigation', { name: 'Main' });
    await expect(navigation.getByRole('link', { name: 'Errors A–Z' })).toHaveAttribute('aria-current', 'page');
    await expect(navigation.getByRole('link')).toHaveCount(4);
    await expectNoAxeViolations(page, 'header');
    await page.keyboard.press('Tab');
    await expect(navigation.getByRole('link', { name: 'Errors A–Z' })).toBeFocused();
    await navigation.getByRole('link', { name: 'Categories' }).click();
    await expect(page).toHaveURL(/\/categories\/$/);
  });

  test('works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto('/');
    const banner = page.getByRole('banner');
    expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(64);
    await banner.getByText('Menu').click();
    await expect(banner.getByRole('link', { name: 'Find the failure' })).toBeVisible();
    await expect(banner.getByRole('link', { name: 'Search' })).toHaveAttribute('href', '/search/');
    await context.close();
  });
});

test('on a desktop the navigation stays in the bar', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('/');
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('link', { name: 'Find the failure' })).toBeVisible();
  await expect(banner.getByText('Menu')).toBeHidden();
  expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(64);
});
