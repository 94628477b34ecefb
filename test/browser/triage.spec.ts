/**
 * The paste box as a person uses it: paste, read the answer, follow it, copy
 * it, share it; by keyboard alone; with hostile and huge pastes; and without
 * the pasted text ever leaving the browser.
 */
import { expectNoAxeViolations } from '../support/axe.ts';
import { expect, test, type Page } from '@playwright/test';
import { readCases } from '../support/accuracy.ts';
import { engine, index, ROOT } from '../support/kb.ts';
import { resolutionText } from '../../src/triage/present/explain.ts';

const REFRESH =
  'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-02-20T02:58:17.0350262Z and was inactive for 90.00:00:00. Trace ID: dc41b3fa-a25b-4280-b500-cd8b8788a601';

const box = (page: Page) => page.getByLabel('Paste the error message from the IPP audit log');
const status = (page: Page) => page.getByRole('status');
const answers = (page: Page) => page.locator('.triage-answer');

/** Puts text in the box the way a paste does (one input event), without typing it key by key. */
async function paste(page: Page, text: string) {
  await box(page).fill(text);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/triage/');
});

test('a pasted error shows its title, resolution, confidence, highlighted evidence and article link, and is announced', async ({ page }) => {
  await paste(page, REFRESH);
  await expect(status(page)).toHaveText('Found: Refresh token expired.');
  await expect(page.getByRole('heading', { level: 3 })).toHaveText('We found the error');
  const answer = answers(page).first();
  await expect(answer.getByRole('heading', { level: 4 })).toHaveText('Refresh token expired');
  await expect(answer).toContainText('What to do: New refresh token');
  await expect(answer).toContainText('Match · high confidence');
  await expect(answer.locator('mark').first()).toHaveText('AADSTS700082');
  await expect(answer.locator('mark')).toContainText(['AADSTS700082', 'The refresh token has expired due to inactivity']);
  await expect(answer).toContainText('Times and IDs were ignored when matching.');
  await answer.getByRole('link', { name: 'Read the full article' }).click();
  await expect(page).toHaveURL(/\/errors\/refresh-token-expired\/$/);
});

test('an audit-log export gives one result per distinct error, with its lines', async ({ page }) => {
  const log = [
    '2025-03-04 02:00:01 INFO Datasource HR preserved 1,204 items: Success',
    `2025-03-04 02:00:09 ERROR Datasource Sales: ${REFRESH}`,
    '2025-03-04 02:00:10 ERROR Datasource Legal: Password is empty for the data source',
    `2025-03-04 02:00:12 ERROR Datasource Finance: ${REFRESH}`,
  ].join('\n');
  await paste(page, log);
  await expect(status(page)).toContainText('2 different errors. Found: Refresh token expired, and 1 other.');
  await expect(page.getByRole('heading', { level: 3 })).toHaveText('We found 2 different errors');
  await expect(answers(page)).toHaveCount(2);
  await expect(answers(page).nth(0)).toContainText('From your paste (lines 2, 4):');
  await expect(answers(page).nth(1)).toContainText('Password is empty');
  await expect(answers(page).nth(1)).toContainText('line 3');
});

test('no confident match: says so, offers a search built from the paste and support', async ({ page }) => {
  await paste(page, 'AADSTS50011: The reply url specified in the request does not match the reply urls configured for the application');
  await expect(page.getByRole('heading', { name: 'No known error recognised' })).toBeVisible();
  const search = page.getByRole('link', { name: 'Search the help for these words' });
  await expect(search).toHaveAttribute('href', /^\/search\/#q=.*reply/);
  await expect(page.getByRole('link', { name: 'contact support' })).toHaveAttribute('href', /^(mailto:|https?:)/);
  await expect(page.getByRole('link', { name: "AADSTS50011 (Microsoft's description)" })).toHaveAttribute(
    'href',
    'https://login.microsoftonline.com/error?code=50011',
  );
});

test('#q= prefills the box, and copy link keeps the (redacted) text in the fragment', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/triage/#q=${encodeURIComponent('Username is empty for the data source')}`);
  await expect(box(page)).toHaveValue('Username is empty for the data source');
  await expect(answers(page).first()).toContainText('Check the user name in the Realm or Datasource');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  expect(url.pathname).toBe('/triage/');
  expect(url.search).toBe('');
  expect(decodeURIComponent(url.hash)).toBe('#q=Username is empty for the data source');
});

test('copy resolution gives a plain-text reply: the error, what it means, the steps and the article link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await paste(page, REFRESH);
  await answers(page).first().getByRole('button', { name: 'Copy resolution' }).click();
  await expect(status(page)).toHaveText('Resolution for "Refresh token expired" copied: the error, what it means, the steps and the link.');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const rule = index.rules.find((entry) => entry.id === 'refresh-token-expired')!;
  expect(text).toBe(resolutionText({ ...rule }, new URL(page.url()).origin));
  expect(text).toContain(`What it means: ${rule.summary}`);
  expect(text).toContain(`1. ${rule.steps[0]}`);
  expect(text.endsWith(`Step-by-step instructions: ${new URL(page.url()).origin}/errors/refresh-token-expired/\n`)).toBe(true);
});

test('works by keyboard alone: reach the box, paste, reach the answer and open it', async ({ page }) => {
  await page.goto('/triage/');
  for (let presses = 0; presses < 20; presses++) {
    await page.keyboard.press('Tab');
    if (await box(page).evaluate((element) => element === document.activeElement)) break;
  }
  await expect(box(page)).toBeFocused();
  await page.keyboard.insertText('Invalid National Cloud Token');
  await expect(answers(page).first()).toContainText('Invalid National Cloud Token');
  for (let presses = 0; presses < 10; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (focused === 'Invalid National Cloud Token') break;
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/errors\/invalid-national-cloud-token\/$/);
});

test('pasted markup is shown as text and never runs', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a> Refresh token expired \u202e\u200b\u0000';
  await paste(page, hostile);
  await expect(answers(page).first()).toContainText('Refresh token expired');
  await expect(page.locator('.triage-output img, .triage-output script, .triage-output a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.locator('.triage-excerpt')).toContainText('<script>alert(2)</script><a href="javascript:alert(3)">x</a>');
  expect(dialogs).toBe(0);
});

test('no network request carries the pasted text', async ({ page }) => {
  const marker = 'ZZMARKER9137';
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.url()} ${request.postData() ?? ''}`));
  await page.goto(`/triage/#q=${marker}`);
  await page.getByRole('button', { name: 'Edit' }).click(); // a prefilled paste is folded away
  await paste(page, `${REFRESH} ${marker}`);
  await expect(answers(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await paste(page, `nothing known here ${marker}`);
  await expect(page.getByRole('heading', { name: 'No known error recognised' })).toBeVisible();
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((request) => request.includes(marker))).toEqual([]);
});

test('success lines are routine: only the failed line no rule knows is listed as not recognised', async ({ page }) => {
  await paste(
    page,
    [
      "2026-11-30 02:05:40 INFO Datasource 'Finance US': Preservation run completed: 388 mailboxes, 0 failures",
      "2026-11-30 02:06:10 INFO Datasource 'Legal': Completed with no errors",
      "2026-11-30 02:07:00 INFO Datasource 'HR': Sync finished: 0 errors, 0 warnings",
      "2026-11-30 02:07:30 INFO Datasource 'Sales': Hold run succeeded, no failed mailboxes",
      "2026-11-30 02:08:00 ERROR Datasource 'Board': AADSTS700082: The refresh token has expired due to inactivity.",
      "2026-11-30 02:09:00 ERROR Datasource 'Audit': Provider fault 0x80131500 while reading the custodian list",
    ].join('\n'),
  );
  await expect(status(page)).toContainText('Found: Refresh token expired');
  const unrecognised = page.getByRole('region', { name: /^Not recognised/ });
  await expect(unrecognised.getByRole('heading')).toHaveText('Not recognised (1 failed line)');
  await expect(unrecognised.locator('li')).toHaveCount(1);
  await expect(unrecognised.locator('li')).toContainText('Provider fault 0x80131500');
});

// How long the main thread stalls under a 5 MB paste is a timing: `npm run bench`
// prints it (test/bench/page.ts). What must hold whatever the timing is tested here.
test('a 5 MB audit log is read in a worker and answered, and a paste over the limit gets a message', async ({ page }) => {
  test.setTimeout(60_000);
  await page.evaluate((line) => {
    const input = document.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
    const lines: string[] = [];
    for (let total = 0, i = 0; total < 5_000_000; i++) {
      const entry =
        i % 50 === 0
          ? `2025-03-04 02:00:${String(i % 60).padStart(2, '0')} ERROR ${line}`
          : `2025-03-04 02:00:${String(i % 60).padStart(2, '0')} INFO Datasource ${i} preserved ${i} items: Success`;
      lines.push(entry);
      total += entry.length + 1;
    }
    input.value = lines.join('\n');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, REFRESH);
  await expect(status(page)).toContainText('Found: Refresh token expired', { timeout: 45_000 });
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  expect(
    scripts.some((name) => /triage\.worker-[\w-]+\.js$/.test(name)),
    'the engine runs in a worker',
  ).toBe(true);

  await page.evaluate(() => {
    const input = document.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
    input.value = 'x'.repeat(6_500_000);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(status(page)).toContainText('the limit is 6 million');
  expect(await box(page).evaluate((element: HTMLTextAreaElement) => element.value.length)).toBe(6_500_000);
});

test('every real-world paste gets the same answer on the page as from the engine and CLI', async ({ page }) => {
  test.setTimeout(60_000);
  for (const item of readCases(`${ROOT}/test/fixtures/realworld-public.jsonl`)) {
    const expected = engine.triage(item.text).matches.filter((match) => match.confidence !== 'low')[0];
    await paste(page, '');
    await paste(page, item.text);
    if (expected) {
      await expect(answers(page).first(), item.text).toHaveAttribute('data-rule', expected.id);
    } else {
      await expect(page.getByRole('heading', { name: 'No known error recognised' }), item.text).toBeVisible();
    }
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations in any state of the page (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/triage/');
    await expectNoAxeViolations(page);
    await paste(page, `${REFRESH}\nThe Identity Provider returned an error. Trace ID: 637875b9-2be6-4629-a209-fd0f8384dcda`);
    await expect(answers(page).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await paste(page, 'nothing known here');
    await expect(page.getByRole('heading', { name: 'No known error recognised' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
