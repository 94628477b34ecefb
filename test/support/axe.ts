/** The browser tests' accessibility check: axe with the WCAG 2.1 A and AA rules, listing each violation and where. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Scans the page (or only the parts `include` selects) and returns axe's results.
 *
 * Legacy mode runs `axe.run` inside the page itself. The default mode runs
 * axe in every frame separately and then opens a fresh page to combine the
 * frames' results, which costs as much again as the scan (measured here:
 * the A–Z index 1.8 s → 1.0 s, the hub guide 2.0 s → 1.2 s). What legacy mode
 * gives up is scanning inside cross-origin iframes; our pages have none, and
 * the check below fails the test the day one does.
 */
export async function axeScan(page: Page, include: string[] = []) {
  expect(
    page.frames().map((frame) => frame.url()),
    'a page with frames needs axe in its default mode',
  ).toHaveLength(1);
  let builder = new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']);
  for (const selector of include) builder = builder.include(selector);
  return builder.analyze();
}

/** Each violation as "rule-id: where, where". */
export function violationList(results: Awaited<ReturnType<typeof axeScan>>): string[] {
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** `include`: a CSS selector to scan instead of the whole page (a test about the header need not scan a long article each time). */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  expect(violationList(await axeScan(page, include ? [include] : []))).toEqual([]);
}
