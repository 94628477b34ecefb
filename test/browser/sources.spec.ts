/**
 * Every article shows what its facts rest on: a "Sources" section on rule and
 * guide pages, rendered at build time (so it is there without JavaScript),
 * one link per frontmatter `sources` URL, titled from the URL's host and path.
 */
import { expect, test, type Page } from '@playwright/test';
import { describeSource } from '../../src/lib/source-label.ts';
import { loadKnowledgeBase } from '../../src/content/load.ts';
import { isInBuild } from '../../src/content/audience.ts';
import { ROOT } from '../support/kb.ts';

const kb = loadKnowledgeBase(ROOT);
const pages = [
  ...kb.rules.filter((rule) => isInBuild(rule.data.audience)).map((rule) => ({ path: `/errors/${rule.id}/`, sources: rule.data.sources })),
  ...kb.guides.filter((guide) => isInBuild(guide.data.audience)).map((guide) => ({ path: `/guides/${guide.id}/`, sources: guide.data.sources })),
];

test.use({ javaScriptEnabled: false });

async function sourcesOf(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  return page.getByRole('region', { name: 'Sources' });
}

test('there are sourced and unsourced articles to check', () => {
  expect(pages.filter((entry) => entry.sources.length > 0).length).toBeGreaterThan(0);
});

for (const { path, sources } of pages) {
  test(`${path} ${sources.length > 0 ? 'lists its sources as links' : 'has no Sources section (an IPP-only message)'}`, async ({ page }) => {
    const section = await sourcesOf(page, path);
    if (sources.length === 0) {
      await expect(section).toHaveCount(0);
      return;
    }
    await expect(section.getByRole('heading', { level: 2, name: 'Sources' })).toBeVisible();
    const links = section.getByRole('link');
    await expect(links).toHaveCount(sources.length);
    for (const [index, url] of sources.entries()) {
      await expect(links.nth(index)).toHaveAttribute('href', url);
      await expect(links.nth(index)).toHaveText(describeSource(url).title);
    }
  });
}
