/**
 * Every article shows what its facts rest on: a "Sources" section on rule and
 * guide pages, rendered at build time (so it is there without JavaScript),
 * one link per frontmatter `sources` URL, titled from the URL's host and path.
 */
import { expect, test } from '@playwright/test';
import { readBuiltPages } from '../support/built-pages.ts';
import { describeSource } from '../../src/lib/source-label.ts';
import { loadKnowledgeBase } from '../../src/content/load.ts';
import { isInBuild } from '../../src/content/audience.ts';
import { ROOT } from '../support/kb.ts';

const kb = loadKnowledgeBase(ROOT);
const pages = [
  ...kb.rules.filter((rule) => isInBuild(rule.data.audience)).map((rule) => ({ path: `/errors/${rule.id}/`, sources: rule.data.sources })),
  ...kb.guides.filter((guide) => isInBuild(guide.data.audience)).map((guide) => ({ path: `/guides/${guide.id}/`, sources: guide.data.sources })),
];

test('there are sourced and unsourced articles to check', () => {
  expect(pages.filter((entry) => entry.sources.length > 0).length).toBeGreaterThan(0);
});

// Read from the built HTML in one page (test/support/built-pages.ts): the
// section is rendered at build time, so this is what a reader without
// JavaScript gets too.
test('every article lists its sources as links, and an IPP-only message has no Sources section', async ({ page }) => {
  await page.goto('/');
  const built = await readBuiltPages(
    page,
    pages.map((entry) => entry.path),
  );
  pages.forEach(({ path, sources }, index) => {
    const { status, regions } = built[index]!;
    expect.soft(status, path).toBe(200);
    const section = regions['Sources'];
    if (sources.length === 0) {
      expect.soft(section, `${path} (IPP-only) has no Sources section`).toBeUndefined();
      return;
    }
    expect.soft(section?.headingLevel, `${path}: a level-2 "Sources" heading`).toBe(2);
    expect
      .soft(
        section?.links.map((link) => link.href),
        path,
      )
      .toEqual(sources);
    expect
      .soft(
        section?.links.map((link) => link.text),
        path,
      )
      .toEqual(sources.map((url) => describeSource(url).title));
  });
});
