/**
 * Hostile pastes in the triage box: markup, script URLs, invisible and
 * direction-override characters, null bytes, a 1,000,000-character line and
 * 100,000 short lines. Nothing executes or gets injected, the page keeps
 * answering, and the answer is sensible (the error inside the noise is found;
 * the record count is reported).
 */
import { expect, test, type Page } from '@playwright/test';

const REFRESH =
  'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-02-20T02:58:17.0350262Z and was inactive for 90.00:00:00. Trace ID: dc41b3fa-a25b-4280-b500-cd8b8788a601';

const status = (page: Page) => page.locator('[data-triage-status]');
const answers = (page: Page) => page.locator('.triage-answer');

/** Sets the box's value and fires one input event, as a paste does (typing 1 MB key by key is not a paste). */
async function paste(page: Page, text: string) {
  await page.evaluate((value) => {
    const input = document.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

// How long the main thread stalls meanwhile is a timing: `npm run bench` prints it (test/bench/page.ts).

let dialogs: string[];
test.beforeEach(async ({ page }) => {
  dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { __pwned: number }).__pwned = 0;
  });
  await page.goto('/triage/');
});

const MARKUP = [
  '<script>alert("script")</script>',
  '<script src="data:text/javascript,window.__pwned++"></script>',
  '<style>body { display: none !important } .triage-output { visibility: hidden }</style>',
  '<img src=x onerror="window.__pwned++;alert(\'img\')">',
  '<svg onload="window.__pwned++"><animate onbegin="alert(1)"/></svg>',
  '<iframe src="javascript:alert(\'iframe\')"></iframe>',
  '<a href="javascript:window.__pwned++">click</a>',
  '<div onmouseover="alert(1)" style="position:fixed;inset:0">cover</div>',
  '"><b onclick=alert(1)>x</b>',
  '&lt;script&gt;alert(4)&lt;/script&gt;',
  '\\u003cscript\\u003ealert(5)\\u003c/script\\u003e',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(6)">',
  '<base href="https://evil.example/">',
  '<form action="https://evil.example/"><input name=q></form>',
].join('\n');

test('markup, event handlers and javascript: URLs around an error are shown as text and never run', async ({ page }) => {
  const bodyBefore = await page.locator('body').evaluate((body) => body.querySelectorAll('*').length);
  await paste(page, `${MARKUP}\n${REFRESH}\n${MARKUP}`);
  await expect(answers(page).first()).toContainText('Refresh token expired');
  const output = page.locator('[data-triage-output]');
  await expect(output.locator('script, style, img, svg, iframe, meta, base, form, input, b, [onmouseover], [onclick], [onerror], [onload]')).toHaveCount(0);
  await expect(output.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator('.triage-excerpt').first()).toContainText('<form action="https://evil.example/"><input name=q></form>');
  // Hover and click over the output: nothing fires.
  await output.hover();
  await output.click({ position: { x: 5, y: 5 } });
  expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
  expect(dialogs).toEqual([]);
  await expect(page.locator('body')).toBeVisible();
  await expect(output).toBeVisible();
  expect(await page.locator('base, body > iframe, body > script:not([src])').count()).toBe(0);
  expect(await page.locator('body').evaluate((body) => body.querySelectorAll('*').length)).toBeGreaterThan(bodyBefore);
  expect(new URL(page.url()).pathname).toBe('/triage/');
});

test('direction overrides, zero-width characters, null bytes and other controls do not hide the error or break the page', async ({ page }) => {
  const tricky = `\u202e${'\u200b'.repeat(50)}\u0000\u0001\u0007 \u2066\u2067\u2068\u2069\ufeff\u00adAADSTS\u200b700082\u0000: The refresh \u200btoken has expired due to inac\u00adtivity.\u202c\u0000\ud800`;
  await paste(page, tricky);
  await expect(answers(page).first()).toContainText('Refresh token expired');
  await expect(status(page)).toContainText('Found: Refresh token expired');
  // Invisible characters are shown, not applied: the excerpt keeps its text and the page its direction.
  expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
  await expect(page.locator('.triage-excerpt').first()).toContainText('700082');
  expect(dialogs).toEqual([]);
});

test('a single 1,000,000-character line: the error in it is found and the page stays responsive', async ({ page }) => {
  test.setTimeout(60_000);
  await page.evaluate((error) => {
    const half = Math.floor((1_000_000 - error.length - 2) / 2);
    (window as unknown as { __big: string }).__big = `${'x'.repeat(half)} ${error} `.padEnd(1_000_000, 'x');
  }, 'Datasource Sales failed: AADSTS700082');
  const length = await page.evaluate(() => {
    const input = document.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
    input.value = (window as unknown as { __big: string }).__big;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return input.value.length;
  });
  expect(length).toBe(1_000_000);
  await expect(status(page)).toContainText('Found: Refresh token expired', { timeout: 45_000 });
  // Still interactive: the Clear button works at once.
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.locator('[data-triage-input]')).toHaveValue('');
});

test('100,000 short lines: finds the one error among them and says on which line', async ({ page }) => {
  test.setTimeout(60_000);
  await page.evaluate((error) => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(i === 61_234 ? error : `item ${i} ok`);
    const input = document.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
    input.value = lines.join('\n');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, REFRESH);
  await expect(status(page)).toContainText('Found: Refresh token expired', { timeout: 45_000 });
  await expect(answers(page).first()).toContainText(/line 61,?235\b/);
});

test('a paste made only of markup and controls gets a calm "not recognised" answer', async ({ page }) => {
  await paste(page, `${MARKUP}\u0000\u202e\u200b`);
  await expect(page.getByRole('heading', { name: 'No known error recognised' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
  expect(dialogs).toEqual([]);
});
