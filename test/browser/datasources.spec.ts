/**
 * An audit-log export read at a glance: the datasource table leads the
 * result, one row per datasource in log order with its state, runs,
 * failures, errors and timeline, on a phone and on a desktop; the errors
 * follow in log order; a failure no rule knows is shown whole, prefix set
 * aside, with "contact support" although other errors were recognised.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { DATASOURCE_EXPORT, REFRESH_EXPIRED as REFRESH, UNKNOWN_CODE as UNKNOWN } from '../support/exports.ts';

const EXPORT = DATASOURCE_EXPORT.join('\n');

const section = (page: Page) => page.getByRole('region', { name: 'Datasources in this export' });

for (const [label, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  test(`${label} (${viewport.width} px): the export's datasources lead the result, in log order, each with its timeline`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/triage/');
    await page.getByLabel('Paste the error message from the IPP audit log').fill(EXPORT);
    const table = section(page).getByRole('table');
    await expect(table).toBeVisible();
    await expect(section(page)).toContainText('4 datasources: 3 failing now (Legal, Board, Finance), 1 succeeded.');

    // One row per datasource, in the order the export first names them.
    const rows = table.locator('tbody tr');
    await expect(rows.locator('th')).toHaveText(['HR Mailboxes', 'Legal', 'Board', 'Finance']);
    await expect(rows.locator('.ds-state')).toHaveText(['Succeeded', 'Failing now', 'Failing now', 'Failing now']);
    const legal = rows.nth(1);
    await expect(legal).toContainText('2 failed, 0 routine');
    await expect(legal).toContainText('First: 2025-03-04 02:00:09');
    await expect(legal).toContainText('Last: 2025-03-04 03:00:09');
    await expect(legal.getByRole('link', { name: 'Refresh token expired' })).toHaveAttribute('href', '/errors/refresh-token-expired/');
    await expect(rows.nth(2)).toContainText('Not recognised (1): AADSTS9999001');

    // The timeline: an image per row, named in words, its marks placed in time order.
    const timelines = table.getByRole('img');
    await expect(timelines).toHaveCount(4);
    await expect(legal.getByRole('img')).toHaveAccessibleName(
      'Timeline: Legal, failing now: 2025-03-04 02:00:09 to 2025-03-04 03:00:09: 2 failed (Refresh token expired).',
    );
    const legalMarks = legal.locator('svg.ds-timeline rect');
    await expect(legalMarks).toHaveCount(2);
    const [early, late] = await legalMarks.evaluateAll((marks) => marks.map((mark) => mark.getBoundingClientRect().left));
    expect(early!).toBeLessThan(late!);
    await expect(legalMarks.first()).toHaveClass(/ds-error-0/);
    await expect(rows.nth(3).locator('svg.ds-timeline rect')).toHaveClass(/ds-error-1/); // a second error, a second colour
    await expect(rows.nth(2).locator('svg.ds-timeline rect')).toHaveClass('ds-unrecognised');
    await expect(rows.nth(0).locator('svg.ds-timeline rect.ds-routine')).toHaveCount(2);

    // Readable on a phone: nothing wider than the screen, the timeline across the card.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);
    const timelineWidth = (await legal.getByRole('img').boundingBox())!.width;
    expect(timelineWidth).toBeGreaterThan(viewport.width < 600 ? 250 : 120);

    // The table comes before the errors, which follow in log order.
    const answers = page.locator('.triage-answer h4');
    await expect(answers).toHaveText(['Refresh token expired', 'Password is empty for the data source']);
    expect(
      await section(page).evaluate((node) =>
        Boolean(node.compareDocumentPosition(document.querySelector('.triage-answers')!) & Node.DOCUMENT_POSITION_FOLLOWING),
      ),
    ).toBe(true);

    await expectNoAxeViolations(page);
  });
}

test('an unrecognised line shows its message whole, prefix set aside, and offers support with only the failed lines', async ({ page }) => {
  await page.goto('/triage/');
  await page.getByLabel('Paste the error message from the IPP audit log').fill(EXPORT);
  const unrecognised = page.getByRole('region', { name: /Not recognised/ });
  await expect(unrecognised.locator('li')).toHaveCount(1);
  await expect(unrecognised.locator('li')).toContainText('Line 3 (Datasource Board, 2025-03-04 02:00:10):');
  await expect(unrecognised.locator('.triage-unrecognised-message')).toHaveText(UNKNOWN);
  await unrecognised.getByRole('link', { name: 'contact support' }).click();
  const preview = page.locator('[data-contact-preview]');
  await expect(preview).toContainText("Datasource 'Board': AADSTS9999001");
  await expect(preview).not.toContainText('HR Mailboxes');
  await expect(preview).not.toContainText('Legal');
  await expectNoAxeViolations(page);
});

test('a single message shows no datasource table', async ({ page }) => {
  await page.goto('/triage/');
  await page.getByLabel('Paste the error message from the IPP audit log').fill(`2025-03-04 02:00:09 ERROR Datasource 'Legal': ${REFRESH}`);
  await expect(page.locator('.triage-answer')).toHaveCount(1);
  await expect(section(page)).toHaveCount(0);
});
