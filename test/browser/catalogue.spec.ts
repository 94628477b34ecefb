/**
 * The rule catalogue for integrations, /api/rules.json: every rule this build
 * publishes (and no other), with the fields ticket-system macros rely on.
 */
import { expect, test } from '@playwright/test';
import type { CatalogueRule } from '../../src/pages/api/rules.json.ts';
import { readGuides, readRules } from './site-content';
import { readBuiltPages, type BuiltPage } from '../support/built-pages.ts';

const rules = readRules();
const guides = readGuides();

test('/api/rules.json lists every published rule with its fields', async ({ request }) => {
  const response = await request.get('/api/rules.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const catalogue = (await response.json()) as { version: number; rules: CatalogueRule[] };
  expect(catalogue.version).toBe(1);

  expect(rules.length).toBeGreaterThan(0);
  // Exactly the rules of this build (internal ones only in the internal build), sorted by id.
  expect(catalogue.rules.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id).sort((a, b) => a.localeCompare(b)));

  for (const rule of rules) {
    const entry = catalogue.rules.find((candidate) => candidate.id === rule.id);
    expect(entry, rule.id).toBeDefined();
    if (!entry) continue;
    expect(Object.keys(entry).sort()).toEqual(['categories', 'codes', 'fix', 'id', 'messages', 'resolution', 'sources', 'steps', 'title', 'updated', 'url']);
    expect({ ...entry, url: undefined, updated: undefined }).toEqual({
      id: rule.id,
      title: rule.title,
      messages: rule.messages,
      codes: rule.codes,
      categories: rule.categories,
      fix: rule.fix,
      resolution: rule.resolution,
      // The action steps, as strings; an empty list while a rule has none yet.
      steps: rule.steps ?? [],
      // The URLs the article rests on, as the frontmatter lists them.
      sources: rule.sources,
      url: undefined,
      updated: undefined,
    });
    // `site` is set in astro.config.mjs, so the URL is absolute and points at the article.
    const url = new URL(entry.url);
    expect(url.protocol).toMatch(/^https?:$/);
    expect(url.pathname).toBe(`/errors/${rule.id}/`);
    // A calendar day that is a real date, not in the future.
    expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const day = new Date(`${entry.updated}T00:00:00Z`);
    expect(day.toISOString().slice(0, 10)).toBe(entry.updated);
    expect(day.getTime()).toBeLessThanOrEqual(Date.now());
  }
});

test('every catalogue URL is the canonical URL of its rule page', async ({ request }) => {
  const catalogue = (await (await request.get('/api/rules.json')).json()) as { rules: CatalogueRule[] };
  for (const entry of catalogue.rules) {
    const response = await request.get(new URL(entry.url).pathname);
    expect(response.status(), entry.url).toBe(200);
    // The page's own canonical URL is the catalogue's URL.
    expect(await response.text()).toContain(`<link rel="canonical" href="${entry.url}">`);
  }
});

/** The "Last updated" line of an article, read from the built HTML: its machine-readable day. */
function lastUpdated(built: BuiltPage): string {
  const { path, status, pageMeta } = built;
  expect.soft(status, path).toBe(200);
  expect.soft(pageMeta?.text, path).toMatch(/Last updated \d{1,2} [A-Z][a-z]+ \d{4}/);
  const day = pageMeta?.datetime ?? '';
  expect.soft(day, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (day) expect.soft(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10), path).toBe(day);
  return day;
}

test('every rule page shows "Last updated", the same day as the catalogue', async ({ page, request }) => {
  const catalogue = (await (await request.get('/api/rules.json')).json()) as { rules: CatalogueRule[] };
  expect(catalogue.rules.length).toBeGreaterThan(0);
  await page.goto('/');
  const built = await readBuiltPages(
    page,
    catalogue.rules.map((entry) => `/errors/${entry.id}/`),
  );
  catalogue.rules.forEach((entry, index) => expect.soft(lastUpdated(built[index]!), entry.id).toBe(entry.updated));
});

test('every guide page shows "Last updated"', async ({ page }) => {
  expect(guides.length).toBeGreaterThan(0);
  await page.goto('/');
  for (const built of await readBuiltPages(
    page,
    guides.map((guide) => `/guides/${guide.id}/`),
  ))
    lastUpdated(built);
});
