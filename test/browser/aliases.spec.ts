/**
 * Stable links: every former id (alias) of every rule, read from the rules
 * themselves, is a page that sends readers to the rule (meta refresh, no
 * script needed) and tells crawlers where the rule lives (canonical link).
 */
import { expect, test } from '@playwright/test';
import { readRules } from './site-content';

const aliases = readRules().flatMap((rule) => rule.aliases.map((alias) => ({ alias, rule })));

/** The path of an absolute or relative URL. */
const pathOf = (href: string | null) => new URL(href ?? '', 'http://placeholder.invalid').pathname;

test('rules keep former ids to test', () => {
  // Guards against a run that silently tests nothing: refresh-token-inactive was refresh-token-inactivity.
  expect(aliases.map(({ alias }) => alias)).toContain('refresh-token-inactivity');
});

for (const { alias, rule } of aliases) {
  test(`/errors/${alias}/ redirects to /errors/${rule.id}/`, async ({ page, request }) => {
    // The redirect page itself: a meta refresh and a canonical link to the rule.
    const response = await request.get(`/errors/${alias}/`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/i.exec(html)?.[1] ?? null;
    expect(pathOf(refresh)).toBe(`/errors/${rule.id}/`);
    const canonical = /<link rel="canonical" href="([^"]+)"/i.exec(html)?.[1] ?? null;
    expect(canonical).toMatch(/^https?:\/\//);
    expect(pathOf(canonical)).toBe(`/errors/${rule.id}/`);

    // In a browser it lands on the rule, whose own canonical link is the rule's URL.
    await page.goto(`/errors/${alias}/`);
    await expect(page).toHaveURL(new RegExp(`/errors/${rule.id}/$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(rule.title);
    expect(pathOf(await page.locator('link[rel="canonical"]').getAttribute('href'))).toBe(`/errors/${rule.id}/`);
  });
}
