/**
 * Issue 11, "from answer to fixed": what a customer sees after the answer, and
 * what an agent can send, on a 390 px phone and a desktop, light and dark, by
 * keyboard alone and without JavaScript. One describe per point of the issue.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expect, test, type Page } from '@playwright/test';
import { readRules } from './site-content';

const OUT_DIR = join(import.meta.dirname, '..', '..', process.env.KB_OUT_DIR ?? 'dist');
const rules = readRules();
const REFRESH_RULE = rules.find((rule) => rule.id === 'refresh-token-expired')!;
const TRACE = 'dc41b3fa-a25b-4280-b500-cd8b8788a601';
const REFRESH = `AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-02-20T02:58:17.0350262Z and was inactive for 90.00:00:00. Trace ID: ${TRACE}`;
/** A ticket's paste: five lines, the error in the middle. */
const TICKET = [
  'Hi, our IPP run failed again last night.',
  'This is what View Logs shows for the Datasource:',
  `2024-05-02 10:14:03 ERROR Datasource 'HR Mailboxes': ${REFRESH}`,
  'We did not change anything.',
  'Thanks, Sam',
].join('\n');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const box = (page: Page) => page.getByLabel('Paste the error message from the IPP audit log');
const output = (page: Page) => page.locator('[data-triage-output]');
const status = (page: Page) => page.locator('[data-triage-status]');
const answers = (page: Page) => page.locator('.triage-answer');
const prefilled = (text: string) => `/triage/#q=${encodeURIComponent(text)}`;

/** True when the element's box lies within the viewport (top and bottom). */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight && rect.height > 0;
    });
}

/** Makes the clipboard refuse, as an insecure origin or a denied permission does. */
async function blockClipboard(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
  });
}

test('the rules used here have steps and summaries', () => {
  expect(REFRESH_RULE.steps?.length ?? 0).toBeGreaterThanOrEqual(2);
  expect(rules.find((rule) => rule.id === 'username-empty')?.steps?.length ?? 0).toBeGreaterThanOrEqual(2);
});

test.describe('1. steps in the answer', () => {
  for (const viewport of [PHONE, DESKTOP]) {
    test(`the result card shows what the error means and its numbered steps (${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto('/triage/');
      await box(page).fill(REFRESH);
      const card = answers(page).first();
      await expect(card).toContainText(REFRESH_RULE.summary);
      await expect(card.locator('.triage-resolution')).toHaveText(`What to do: ${REFRESH_RULE.resolution}`);
      await expect(card.locator('.triage-steps li')).toHaveText(REFRESH_RULE.steps!);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('the article shows the steps in its resolution box', async ({ page }) => {
    await page.goto(`/errors/${REFRESH_RULE.id}/`);
    const resolution = page.getByRole('region', { name: 'Resolution' });
    await expect(resolution.getByRole('list', { name: 'What to do' }).getByRole('listitem')).toHaveText(REFRESH_RULE.steps!);
  });
});

test.describe('2. visible copy feedback', () => {
  test('"Copied" appears beside the button for a few seconds, and is announced', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.clock.install();
    await page.goto('/triage/');
    await box(page).fill(REFRESH);
    const copy = answers(page).first().getByRole('button', { name: 'Copy resolution' });
    await copy.click();
    const mark = answers(page).first().locator('[data-copy-feedback]');
    await expect(mark).toBeVisible();
    await expect(mark).toHaveText('✓ Resolution copied');
    await expect(status(page)).toContainText('Resolution for "Refresh token expired" copied');
    await page.clock.runFor(5000);
    await expect(mark).toBeHidden();
  });

  test('when the clipboard is blocked, the text is shown selected for copying by hand (triage and article)', async ({ page }) => {
    await blockClipboard(page);
    await page.goto('/triage/');
    await box(page).fill(REFRESH);
    await answers(page).first().getByRole('button', { name: 'Copy resolution' }).click();
    const fallback = page.getByLabel(/Copying is blocked in this browser/);
    await expect(fallback).toBeVisible();
    await expect(fallback).toBeFocused();
    const value = await fallback.inputValue();
    expect(value).toContain(`What to do: ${REFRESH_RULE.resolution}`);
    expect(value).toContain(`1. ${REFRESH_RULE.steps![0]}`);
    // Selected, so Ctrl+C copies it at once.
    expect(await fallback.evaluate((element: HTMLTextAreaElement) => element.selectionEnd - element.selectionStart)).toBe(value.length);
    await expect(status(page)).toContainText('Copying is blocked in this browser');

    await page.goto(`/errors/${REFRESH_RULE.id}/`);
    const tools = page.getByRole('group', { name: 'For support agents' });
    await tools.getByRole('button', { name: 'Copy link' }).click();
    const articleFallback = page.getByLabel(/Copying is blocked in this browser/);
    await expect(articleFallback).toBeVisible();
    expect(new URL(await articleFallback.inputValue()).pathname).toBe(`/errors/${REFRESH_RULE.id}/`);
    // A second try replaces the box rather than stacking another.
    await tools.getByRole('button', { name: 'Copy resolution' }).click();
    await expect(page.locator('[data-copy-fallback]')).toHaveCount(1);
    await expect(page.getByLabel(/Copying is blocked in this browser/)).toHaveValue(/What it means:/);
  });
});

test.describe('3. answer first on a prefilled link', () => {
  for (const viewport of [PHONE, DESKTOP]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`at ${viewport.width}×${viewport.height} (${colorScheme}) the result is in view on load and has focus; the paste is folded`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme });
        await page.goto(prefilled(TICKET));
        const heading = page.getByRole('heading', { level: 3, name: 'We found the error' });
        await expect(heading).toBeFocused();
        expect(await inViewport(page, '#triage-result-heading')).toBe(true);
        expect(await inViewport(page, '.triage-answer h4')).toBe(true);
        expect(await inViewport(page, '.triage-resolution')).toBe(true);
        // The paste is folded to a few lines, with Edit; the whole text is still in the box.
        await expect(box(page)).toBeHidden();
        await expect(box(page)).toHaveValue(TICKET);
        const preview = page.locator('[data-triage-preview]');
        await expect(preview).toBeVisible();
        expect((await preview.textContent())!.split('\n')).toHaveLength(4); // three lines and "…"
        await expectNoAxeViolations(page);
      });
    }
  }

  test('by keyboard: from the focused result, Tab reaches the article link; Edit opens the paste for editing', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto(prefilled(TICKET));
    await expect(page.locator('#triage-result-heading')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Refresh token expired' })).toBeFocused();
    const edit = page.getByRole('button', { name: 'Edit' });
    await edit.focus();
    await page.keyboard.press('Enter');
    await expect(box(page)).toBeVisible();
    await expect(box(page)).toBeFocused();
    await expect(edit).toBeHidden();
    await expect(page.locator('[data-triage-preview]')).toBeHidden();
  });

  test('a link with #q= to the home page goes on to the triage page and answers there', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto(`/#q=${encodeURIComponent(TICKET)}`);
    await expect(page).toHaveURL(`/triage/#q=${encodeURIComponent(TICKET)}`);
    await expect(page.getByRole('heading', { level: 3, name: 'We found the error' })).toBeFocused();
    await expect(box(page)).toHaveValue(TICKET);
  });

  test('a page opened without #q= keeps the box open and the focus where it was', async ({ page }) => {
    await page.goto('/triage/');
    await expect(box(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit' })).toBeHidden();
  });
});

test.describe('4. redaction that helps support', () => {
  test('Copy link hides passwords, tokens and addresses, keeps the trace ID and time, and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/triage/');
    const secretPaste = `2024-05-02 10:14:03 ${REFRESH}\nrequest: username=admin@contoso.com&password=hunter2secret&refresh_token=0.AXoA6WgJJ9X2qk-NotARealToken_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG`;
    await box(page).fill(secretPaste);
    await expect(answers(page).first()).toBeVisible();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    const carried = decodeURIComponent(link.hash.slice('#q='.length));
    for (const secret of ['hunter2secret', 'admin@contoso.com', '0.AXoA6WgJJ9X2qk']) expect(carried).not.toContain(secret);
    expect(carried).toContain(`Trace ID: ${TRACE}`);
    expect(carried).toContain('2024-05-02 10:14:03');
    expect(carried).toContain('password=[SECRET]');
    // Said where it can be seen, and to screen readers.
    await expect(page.locator('.triage-tools [data-copy-feedback]')).toHaveText(/Link copied \(.*password or secret.* hidden\)/);
    await expect(status(page)).toContainText('hidden');
    // The redacted link still finds the error.
    await page.goto(link.toString());
    await expect(answers(page).first()).toHaveAttribute('data-rule', 'refresh-token-expired');
  });

  test('Clear empties the box and the address: a reload brings nothing back', async ({ page }) => {
    await page.goto(prefilled(REFRESH));
    await expect(answers(page).first()).toBeVisible();
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(box(page)).toHaveValue('');
    await expect(box(page)).toBeFocused();
    expect(new URL(page.url()).hash).toBe('');
    await page.reload();
    await expect(box(page)).toHaveValue('');
    await expect(output(page)).toBeEmpty();
  });
});

test.describe('5. calm states and plain words', () => {
  test('nothing but a hint until the paste has a few words', async ({ page }) => {
    await page.goto('/triage/');
    await box(page).pressSequentially('Us');
    await expect(output(page)).toContainText('Keep going');
    await expect(output(page).getByRole('heading')).toHaveCount(0);
    await expect(output(page).getByRole('link', { name: 'contact support' })).toHaveCount(0);
    await box(page).pressSequentially('ername is empty');
    await expect(output(page).getByRole('heading', { level: 3 })).toHaveText('We found the error');
  });

  test('a lone error code is judged at once, even one no article covers', async ({ page }) => {
    await page.goto('/triage/');
    await box(page).fill('AADSTS50011');
    await expect(output(page).getByRole('heading', { level: 3 })).toHaveText('No known error recognised');
    await expect(output(page).getByRole('link', { name: "AADSTS50011 (Microsoft's description)" })).toBeVisible();
  });

  test('one heading per state, and plain words: lines and errors, never records', async ({ page }) => {
    await page.goto('/triage/');
    const log = [
      '2025-03-04 02:00:01 INFO Datasource HR preserved 1,204 items: Success',
      `2025-03-04 02:00:09 ERROR Datasource Sales: ${REFRESH}`,
      '2025-03-04 02:00:10 ERROR Datasource Legal: Something nobody documented went wrong',
    ].join('\n');
    await box(page).fill(log);
    await expect(output(page).getByRole('heading', { level: 3 })).toHaveCount(1);
    await expect(output(page).getByRole('heading', { level: 3 })).toHaveText('We found the error');
    await expect(output(page)).toContainText('1 other failed line was not recognised (listed below).');
    await expect(output(page)).toContainText('Times and IDs were ignored when matching.');
    expect(await output(page).textContent()).not.toMatch(/record|Ignored as variable/i);

    await box(page).fill('The weather today is lovely and nothing failed at all');
    await expect(output(page).getByRole('heading', { level: 3 })).toHaveCount(1);
    await expect(output(page)).not.toContainText('would rather not guess');
  });

  test('suggestions are called suggestions, not "we would rather not guess"', async ({ page }) => {
    await page.goto('/triage/');
    await box(page).fill('the token was wrong somehow when signing in');
    const none = page.locator('.triage-none');
    await expect(none).toBeVisible();
    const text = (await none.textContent()) ?? '';
    if (await none.getByRole('list').count()) expect(text).toContain('These are the closest, but they may not be your error');
    else expect(text).toContain('This does not look like any IPP error we document.');
    expect(text).not.toContain('rather not guess');
  });
});

test.describe('6. phones', () => {
  test.use({ viewport: PHONE });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`category tables become labelled cards with the article link in view, no sideways scrolling (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/categories/refresh-token/');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const firstRow = page.locator('table tbody tr').first();
      const link = firstRow.getByRole('link');
      await link.scrollIntoViewIfNeeded();
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      // Each cell says which column it is.
      const label = await firstRow
        .locator('td')
        .last()
        .evaluate((cell) => getComputedStyle(cell, '::before').content);
      expect(label).toBe('"Article"');
      await expectNoAxeViolations(page);
    });

    test(`the hub's flow is a readable list with the same content (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/guides/find-ipp-failure-reason/');
      await expect(page.locator('[data-troubleshooting-flow] svg')).toBeHidden();
      const list = page.locator('[data-flow-text]');
      await expect(list).toBeVisible();
      const fontSize = await list
        .locator('li')
        .first()
        .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(14);
      // One read of the list, then every title looked for in it (a round trip per title would cost more than the check).
      const text = (await list.textContent())!.replace(/\s+/g, ' ');
      expect(rules.map((rule) => rule.title.replace(/\s+/g, ' ')).filter((title) => !text.includes(title))).toEqual([]);
      for (const fix of new Set(rules.map((rule) => rule.fix))) await expect(list.locator(`a[href="/guides/${fix}/"]`).first()).toBeVisible();
      // The whole hub is scanned in both schemes by site.spec.ts; here, the list as a phone shows it.
      await expectNoAxeViolations(page, '[data-troubleshooting-flow]');
    });
  }
});

test.describe('6. wide screens keep the drawing', () => {
  test.use({ viewport: DESKTOP });
  test('the flow drawing is shown, its text at least 12 px, the list for screen readers only until focused', async ({ page }) => {
    await page.goto('/guides/find-ipp-failure-reason/');
    const svg = page.locator('[data-troubleshooting-flow] svg');
    await expect(svg).toBeVisible();
    const smallest = await svg.evaluate((element) => {
      const scale = element.getBoundingClientRect().width / (element as SVGSVGElement).viewBox.baseVal.width;
      return Math.min(...[...element.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale));
    });
    expect(smallest).toBeGreaterThanOrEqual(10);
    const list = page.locator('[data-flow-text]');
    expect(await list.evaluate((element) => element.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    await list.getByRole('link').first().focus();
    expect(await list.evaluate((element) => element.getBoundingClientRect().width)).toBeGreaterThan(100);
  });
});

test.describe('7. search that forgives', () => {
  test('a misspelt query is retried with the corrections, and says so', async ({ page }) => {
    await page.goto('/search/#q=pasword');
    await expect(page.locator('[data-query-help]')).toContainText('No good match for “pasword”. Showing results for “password”.', { timeout: 15_000 });
    await expect(page.locator('[data-search-page] pagefind-results a[href*="/errors/password-empty/"]').first()).toBeVisible({ timeout: 15_000 });
  });

  test('a query that looks like an error message offers the triage box, prefilled', async ({ page }) => {
    await page.goto('/search/');
    const input = page.locator('[data-search-page] pagefind-input input');
    await input.fill('Username is empty for the data source');
    const offer = page.getByRole('link', { name: 'Paste it into the triage box' });
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await offer.click();
    await expect(page).toHaveURL(/\/triage\/#q=Username%20is%20empty/);
    await expect(answers(page).first()).toHaveAttribute('data-rule', 'username-empty');
  });

  test('plain search words get no such offer', async ({ page }) => {
    await page.goto('/search/#q=national%20cloud');
    await expect(page.locator('[data-search-page] pagefind-results a').first()).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('[data-query-help]')).toBeEmpty();
  });
});

test.describe('10. without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the triage page says the box needs JavaScript, links the A–Z index and search, and shows no dead controls', async ({ page }) => {
    await page.goto('/triage/');
    const note = page.locator('.triage-noscript');
    await expect(note).toBeVisible();
    await expect(note).toHaveText(
      /The paste box needs JavaScript, which is off in this browser\. Without it, browse every error from A to Z or search the help/,
    );
    await expect(note.getByRole('link', { name: 'browse every error from A to Z' })).toHaveAttribute('href', '/errors/');
    await expect(note.getByRole('link', { name: 'search the help' })).toHaveAttribute('href', '/search/');
    for (const name of ['Copy link', 'Clear', 'Edit']) await expect(page.getByRole('button', { name })).toBeHidden();
    await expect(page.locator('[data-triage-input]')).toBeHidden();
  });
});

test('no built page glues a word to a link ("browse<a>every")', () => {
  const glued: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        // Text right before an opening <a> or right after a closing </a>, with no space between.
        for (const match of readFileSync(path, 'utf8').matchAll(/[\p{L}\p{N}]<a\s[^>]*>[^<]{0,40}|<\/a>[\p{L}\p{N}(]/gu))
          glued.push(`${path.slice(OUT_DIR.length)}: ${match[0]}`);
      }
    }
  };
  walk(OUT_DIR);
  expect(glued).toEqual([]);
});
