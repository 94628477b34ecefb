/**
 * A screenshot instead of text, as a person gives one: pasted (Ctrl+V of an
 * image), dropped on the box, or chosen with "Read a screenshot" by keyboard.
 * The page shows the progress, puts the text read in the box and answers it,
 * says it came from a screenshot (and what it repaired), can stop reading,
 * refuses a file that is no image, loads nothing of the OCR before an image
 * is given, sends no request outside the site and breaks no rule of the
 * Content-Security-Policy. Axe checks each state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type FileChooser, type Page, type Route } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { watchViolations } from '../support/csp.ts';
import { ROOT } from '../support/kb.ts';

const FIXTURES = join(ROOT, 'test/fixtures/screenshots');
/** A dark-theme dialog: AADSTS700082, the refresh token expired. */
const DARK = join(FIXTURES, 'dark-realworld-public-1.png');
/** A light dialog whose code is printed "AADST5700082". */
const MISREAD = join(FIXTURES, 'light-misread-code-1.png');

const box = (page: Page) => page.getByLabel('Paste the error message from the IPP audit log');
const progress = (page: Page) => page.locator('.triage-screenshot');
const notice = (page: Page) => page.locator('.triage-screenshot-note');

type Gesture = 'paste' | 'drop';

/** Waiting for a reading: the first loads the OCR (4 MB) and compiles its core, which takes seconds on a busy machine. */
const READ = { timeout: 60_000 };

test.describe.configure({ timeout: 120_000 });

/** Dispatches a real paste (on the text box) or drop (on the triage box) event carrying the PNG as a File. */
async function give(page: Page, gesture: Gesture, file: string, type = 'image/png') {
  await page.evaluate(
    ({ gesture, bytes, name, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type }));
      const init = { bubbles: true, cancelable: true };
      if (gesture === 'paste') {
        document.querySelector('textarea')!.dispatchEvent(new ClipboardEvent('paste', { ...init, clipboardData: data }));
      } else {
        const target = document.querySelector('[data-triage-box]')!;
        target.dispatchEvent(new DragEvent('dragover', { ...init, dataTransfer: data }));
        if (!target.hasAttribute('data-dropping')) throw new Error('the box does not show that it takes the drop');
        target.dispatchEvent(new DragEvent('drop', { ...init, dataTransfer: data }));
      }
    },
    { gesture, bytes: [...readFileSync(file)], name: file.split('/').pop()!, type },
  );
}

/** Every text the progress line shows, recorded as it changes (so no step is missed however fast it goes). */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const line = document.querySelector('.triage-screenshot-status')?.textContent?.replace(/\s+/g, ' ').trim();
      if (line && seen.at(-1) !== line) seen.push(line);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

/** Holds back the traineddata (the OCR's largest file) until `release` is called: the reading stays in progress meanwhile. */
async function holdTraineddata(page: Page) {
  const held: Route[] = [];
  let requested: () => void;
  const asked = new Promise<void>((resolve) => (requested = resolve));
  await page.route('**/ocr/*/eng.traineddata.gz', (route) => {
    held.push(route);
    requested();
  });
  return {
    asked,
    release: async () => {
      await page.unroute('**/ocr/*/eng.traineddata.gz');
      // The cancelled reading's worker is gone: its request may no longer be there to continue.
      for (const route of held.splice(0)) await route.continue().catch(() => {});
    },
  };
}

function logRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  return requests;
}

test('a pasted screenshot is read in the page, shown with its progress, and answered like a paste', async ({ page, baseURL }) => {
  const requests = logRequests(page);
  const problems = await watchViolations(page);
  await page.goto('/triage/');
  await expect(box(page)).toBeVisible();
  // Nothing of the OCR loads with the page.
  expect(requests.filter((url) => /\/ocr\/|screenshot-reader/.test(url))).toEqual([]);
  const seen = await recordProgress(page);

  await give(page, 'paste', DARK);
  await expect(box(page)).toHaveValue(/AADSTS700082: The refresh token has expired due to inactivity\./, READ);
  await expect(progress(page)).toBeHidden();
  const steps = await seen();
  expect(steps).toContain('Loading the text reader (the first time only)…');
  expect(steps.some((step) => /^Reading the screenshot… \d{1,3}%$/.test(step))).toBe(true);

  await expect(notice(page)).toHaveText('Read from a screenshot: some characters may be misread, so check the text against the image.');
  await expect(page.getByRole('heading', { level: 3 })).toHaveText('We found the error');
  const answer = page.locator('.triage-answer').first();
  await expect(answer).toHaveAttribute('data-rule', 'refresh-token-expired');
  await expect(answer.locator('mark').first()).toHaveText('AADSTS700082');
  // The text stays editable, and an edit is triaged as usual.
  await box(page).fill('Username is empty for the data source');
  await expect(page.locator('.triage-answer').first()).toHaveAttribute('data-rule', 'username-empty');
  await expectNoAxeViolations(page);

  // Everything came from the site itself: the OCR's worker, core and traineddata included.
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  expect(requests.filter((url) => url.includes('/ocr/')).map((url) => url.split('/').pop())).toEqual(
    expect.arrayContaining(['worker.min.js', 'tesseract-core-simd-lstm.js', 'tesseract-core-simd-lstm.wasm', 'eng.traineddata.gz']),
  );
  // The worker, its WebAssembly and the reading ran under the site's strict policy without a violation.
  expect(problems).toEqual([]);
});

test('a screenshot dropped on the home page box is read, and a repaired code is named in the answer', async ({ page, baseURL }) => {
  const requests = logRequests(page);
  await page.goto('/');
  await give(page, 'drop', MISREAD);
  await expect(box(page)).toHaveValue(/AADSTS700082/, READ);
  await expect(notice(page)).toHaveText(
    'Read from a screenshot: some characters may be misread, so check the text against the image. Where the OCR read letters in an error code, we read AADST5700082 as AADSTS700082.',
  );
  await expect(box(page)).toHaveValue(/AADSTS700082: The refresh token has expired due to inactivity\./);
  await expect(page.locator('.triage-answer').first()).toHaveAttribute('data-rule', 'refresh-token-expired');
  await expect(page.locator('[data-triage-box]')).not.toHaveAttribute('data-dropping');
  await expectNoAxeViolations(page);
  expect(requests.filter((url) => !url.startsWith(`${new URL(baseURL!).origin}/`))).toEqual([]);
});

test('"Read a screenshot" opens a file chooser from the keyboard; Cancel stops the reading and changes nothing', async ({ page }) => {
  // Playwright turns on file-chooser interception when a listener is first added, asynchronously: a
  // listener added only as Enter is pressed can miss the chooser. Adding one before the page loads cannot.
  const choosers: FileChooser[] = [];
  page.on('filechooser', (chooser) => choosers.push(chooser));
  await page.goto('/triage/');
  const traineddata = await holdTraineddata(page);
  await box(page).fill('my own notes');
  const choose = page.getByRole('button', { name: 'Read a screenshot' });
  await choose.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => choosers.length).toBe(1);
  await choosers[0]!.setFiles(DARK);
  await traineddata.asked;
  await expect(progress(page)).toBeVisible();
  await expect(page.locator('.triage-screenshot-status')).toHaveText('Loading the text reader (the first time only)…');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress(page)).toBeHidden();
  await expect(notice(page)).toHaveText('Stopped reading the screenshot. Nothing was changed in the box.');
  await expect(choose).toBeFocused();
  await expect(box(page)).toHaveValue('my own notes');
  await traineddata.release();

  // Chosen again (straight into the file input: Playwright intercepts only every other chooser in a row),
  // it is read to the end; the box's own text is kept, the screenshot's added after it.
  await page.locator('[data-screenshot-file]').setInputFiles(DARK);
  await expect(box(page)).toHaveValue(/^my own notes\n\n[\s\S]*AADSTS700082: The refresh token has expired/, READ);
  await expect(notice(page)).toContainText('Its text was added after yours.');
  await expect(page.locator('.triage-answer').first()).toHaveAttribute('data-rule', 'refresh-token-expired');
});

test('a dropped file that is no image is refused with a reason, loading no OCR, and the box is left as it was', async ({ page }) => {
  const requests = logRequests(page);
  await page.goto('/triage/');
  await box(page).fill('Password is empty for the data source');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['AADSTS700082 in a text file'], 'error.png', { type: 'image/png' }));
    const target = document.querySelector('[data-triage-box]')!;
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await expect(notice(page)).toHaveText('This file cannot be read as a screenshot: it is not a PNG, JPEG or WebP image.', READ);
  await expect(box(page)).toHaveValue('Password is empty for the data source');
  await expect(page.locator('.triage-answer').first()).toHaveAttribute('data-rule', 'password-empty');
  expect(requests.filter((url) => url.includes('/ocr/'))).toEqual([]);
  await expectNoAxeViolations(page);
});
