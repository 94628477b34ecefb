/**
 * Built for support teams: copy link / copy resolution on rule pages, "Did
 * this fix it?", contact support (prefilled; pasted text only redacted and
 * only after the user approves it), and the hub article's flow picture —
 * with JavaScript, without it, by keyboard, and with no axe violations.
 */
import { expectNoAxeViolations } from '../support/axe.ts';
import { expect, test, type Page, type Request } from '@playwright/test';
import { resolutionText } from '../../src/triage/present/explain.ts';
import { readCategories, readRules } from './site-content';

const rules = readRules();
const categories = readCategories();
const RULE = rules.find((rule) => rule.id === 'refresh-token-expired')!;
const RULE_PAGE = `/errors/${RULE.id}/`;

const GUID = 'a287413d-c526-4d4a-a6eb-ac9108b03000';
const EMAIL = 'svc-ipp@contoso.onmicrosoft.com';
const SECRET = 'Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789a';
/** Not an error IPP Help documents (an application developer's redirect address mismatch): the no-match result. */
const UNKNOWN = `AADSTS50011: The reply url specified in the request does not match the reply urls configured for the application. Trace ID: ${GUID} User: ${EMAIL} client_secret=${SECRET}`;

/** Address, subject and body of a mailto: link (mailto encodes spaces as %20, so decode by hand). */
function readMailto(href: string) {
  expect(href).toMatch(/^mailto:/);
  const [address, query = ''] = href.slice('mailto:'.length).split('?');
  const params: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const [key, value = ''] = pair.split('=');
    params[key!] = decodeURIComponent(value).replace(/\r\n/g, '\n');
  }
  return { address, subject: params.subject ?? '', body: params.body ?? '' };
}

/** Every request the page makes, and every call of fetch / sendBeacon / XMLHttpRequest in it. */
async function watchNetwork(page: Page) {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { __netCalls: string[] }).__netCalls = calls;
    const originalFetch = window.fetch.bind(window);
    window.fetch = (...args: Parameters<typeof fetch>) => {
      calls.push(`fetch ${String(args[0])}`);
      return originalFetch(...args);
    };
    const originalBeacon = navigator.sendBeacon?.bind(navigator);
    if (originalBeacon) navigator.sendBeacon = (url, data) => (calls.push(`beacon ${String(url)}`), originalBeacon(url, data));
    const originalOpen = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      calls.push(`xhr ${String(args[1])}`);
      return (originalOpen as (...a: unknown[]) => void).apply(this, args);
    } as typeof XMLHttpRequest.prototype.open;
  });
  return {
    requests,
    calls: () => page.evaluate(() => (window as unknown as { __netCalls: string[] }).__netCalls),
  };
}

test('the rule used here exists', () => {
  expect(RULE, 'rules/refresh-token/refresh-token-expired.mdx').toBeTruthy();
  expect(categories.length).toBeGreaterThan(0);
});

test.describe('rule page: copy link and copy resolution', () => {
  test('put the article link and the reply-ready resolution on the clipboard, shown and announced, under the CSP', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await page.goto(RULE_PAGE);
    // The site URL configured for this build, or (KB_SITE_URL unset) the address the page is served from.
    const origin = process.env.KB_SITE_URL?.trim() ? new URL(process.env.KB_SITE_URL).origin : new URL(page.url()).origin;
    const link = `${origin}${RULE_PAGE}`;

    const tools = page.getByRole('group', { name: 'For support agents' });
    const status = tools.getByRole('status');
    const copyLink = tools.getByRole('button', { name: 'Copy link' });
    await copyLink.click();
    await expect(status).toHaveText('Link to this article copied.');
    await expect(tools.locator('[data-copy-feedback]').first()).toBeVisible();
    await expect(tools.locator('[data-copy-feedback]').first()).toHaveText('✓ Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // By keyboard: focus the button and press Enter.
    await tools.getByRole('button', { name: 'Copy resolution' }).focus();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText(`Resolution for "${RULE.title}" copied: the error, what it means, the steps and the link.`);
    await expect(tools.getByText('✓ Resolution copied')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The same reply as the triage results' "Copy resolution": error, meaning, steps, link.
    expect(copied).toBe(
      resolutionText({ title: RULE.title, summary: RULE.summary, resolution: RULE.resolution, steps: RULE.steps ?? [], url: RULE_PAGE }, origin),
    );
    expect(copied).toContain(`What it means: ${RULE.summary}`);
    for (const [at, step] of (RULE.steps ?? []).entries()) expect(copied).toContain(`${at + 1}. ${step}`);
    expect(cspErrors).toEqual([]);
  });

  test('every rule page has the tools, with its own canonical link', async ({ page }) => {
    for (const rule of rules.slice(0, 5)) {
      await page.goto(`/errors/${rule.id}/`);
      const link = page.getByRole('group', { name: 'For support agents' }).getByRole('button', { name: 'Copy link' });
      await expect(link).toBeVisible();
      expect(new URL((await link.getAttribute('data-copy'))!, 'http://any.invalid').pathname).toBe(`/errors/${rule.id}/`);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('no copy or feedback buttons; contact support is a plain, prefilled link', async ({ page }) => {
    await page.goto(RULE_PAGE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(RULE.title);
    await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy resolution' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Did this fix it?' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Yes' })).toHaveCount(0);
    await expect(page.locator('[data-agent-tools]')).toBeHidden();
    const contact = page.getByRole('region', { name: 'Still stuck?' }).getByRole('link', { name: 'contact support' });
    const mail = readMailto((await contact.getAttribute('href'))!);
    expect(mail.subject).toBe(`IPP Help: ${RULE.id} — ${RULE.title}`);
    expect(mail.body).toContain(`Rule: ${RULE.id}`);
  });

  test('guide pages offer contact support too, naming the guide', async ({ page }) => {
    await page.goto('/guides/check-password/');
    const contact = page.getByRole('region', { name: 'Still stuck?' }).getByRole('link', { name: 'contact support' });
    expect(readMailto((await contact.getAttribute('href'))!).subject).toMatch(/^IPP Help: check-password — /);
  });
});

test.describe('Did this fix it?', () => {
  test('"No" offers support prefilled with the rule id and sends nothing', async ({ page }) => {
    const network = await watchNetwork(page);
    await page.goto(RULE_PAGE);
    await page.waitForLoadState('networkidle');
    const before = network.requests.length;

    const feedback = page.getByRole('region', { name: 'Did this fix it?' });
    const support = feedback.getByRole('link', { name: 'Contact support about this error' });
    await expect(support).toBeHidden();
    await feedback.getByRole('button', { name: 'No' }).click();
    await expect(feedback.getByRole('status')).toHaveText('Sorry it did not help. You can contact support about this error, below.');
    await expect(feedback.getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true');
    await expect(support).toBeVisible();
    const mail = readMailto((await support.getAttribute('href'))!);
    expect(mail.subject).toBe(`IPP Help: ${RULE.id} — ${RULE.title}`);
    expect(mail.body).toContain(`Rule: ${RULE.id}`);

    await feedback.getByRole('button', { name: 'Yes' }).click();
    await expect(feedback.getByRole('status')).toHaveText('Thank you. Glad it is fixed.');
    await expect(support).toBeHidden();

    // fetch, sendBeacon and XMLHttpRequest are instrumented: a call made by the clicks is recorded when it is made.
    expect(network.requests.slice(before).map((request) => request.url())).toEqual([]);
    expect(await network.calls()).toEqual([]);
  });

  test('with an endpoint configured, posts only {"rule", "answer"}', async ({ page }) => {
    const posted: { method: string; body: string | null; type: string | undefined }[] = [];
    await page.route('**/feedback-endpoint', async (route) => {
      const request = route.request();
      posted.push({ method: request.method(), body: request.postData(), type: request.headers()['content-type'] });
      await route.fulfill({ status: 204 });
    });
    await page.goto(RULE_PAGE);
    // The build's KB_FEEDBACK_URL lands in this attribute; set it as a configured build would.
    await page.locator('[data-feedback]').evaluate((element: HTMLElement) => {
      element.dataset.feedbackUrl = '/feedback-endpoint';
    });
    const feedback = page.getByRole('region', { name: 'Did this fix it?' });
    await feedback.getByRole('button', { name: 'No' }).click();
    await expect.poll(() => posted.length).toBe(1);
    expect(posted[0]).toEqual({ method: 'POST', body: JSON.stringify({ rule: RULE.id, answer: 'no' }), type: 'application/json' });
    await feedback.getByRole('button', { name: 'No' }).click(); // the same answer again is not sent twice
    await feedback.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => posted.length).toBe(2);
    expect(JSON.parse(posted[1]!.body!)).toEqual({ rule: RULE.id, answer: 'yes' });
  });
});

test.describe('triage: contact support when nothing matched', () => {
  test('shows the redacted text, and the link carries it only after approval', async ({ page }) => {
    const network = await watchNetwork(page);
    await page.goto('/triage/');
    await page.getByLabel('Paste the error message from the IPP audit log').fill(UNKNOWN);
    await expect(page.getByRole('heading', { name: 'No known error recognised' })).toBeVisible();

    const opener = page.getByRole('link', { name: 'contact support', exact: true });
    const plainHref = (await opener.getAttribute('href'))!;
    expect(plainHref).not.toContain('AADSTS50011');
    expect(decodeURIComponent(plainHref)).not.toContain(GUID);
    await expect(opener).toHaveAttribute('aria-expanded', 'false');

    await opener.click();
    await expect(page).toHaveURL(/\/triage\/$/); // the click opened the panel, it did not leave
    await expect(opener).toHaveAttribute('aria-expanded', 'true');
    const panel = page.locator('#triage-contact');
    await expect(panel.getByRole('heading', { name: 'Contact support' })).toBeFocused();
    const preview = (await panel.locator('[data-contact-preview]').textContent())!;
    // The trace ID stays (support looks the sign-in up with it); the address and the secret do not.
    expect(preview).toBe(
      `AADSTS50011: The reply url specified in the request does not match the reply urls configured for the application. Trace ID: ${GUID} User: [EMAIL] client_secret=[SECRET]`,
    );
    await expect(panel).toContainText('We replaced 1 e-mail address and 1 password or secret with labels');

    const include = panel.getByRole('checkbox', { name: 'Include this text' });
    const send = panel.getByRole('link', { name: 'Open an e-mail to support' });
    await expect(include).not.toBeChecked();
    const before = readMailto((await send.getAttribute('href'))!);
    expect(before.body).not.toContain('AADSTS50011');
    expect(before.body).not.toContain('reply url');
    expect(before.body).not.toContain(GUID);
    expect(before.body).toContain('Page: http://127.0.0.1');
    expect(before.body).not.toContain('#q=');

    await include.check();
    await expect(page.locator('[data-triage-status]')).toHaveText('The text shown will be included in your message to support.');
    const after = readMailto((await send.getAttribute('href'))!);
    expect(after.subject).toBe('IPP Help: error not recognised');
    expect(after.body).toContain(preview);
    for (const secret of [EMAIL, SECRET]) expect(after.body).not.toContain(secret);
    expect(after.body).toContain(`Trace ID: ${GUID}`);

    await include.uncheck();
    expect(readMailto((await send.getAttribute('href'))!).body).not.toContain('AADSTS50011');

    // Nothing of the paste ever went over the network.
    expect(network.requests.filter((request) => `${request.url()} ${request.postData() ?? ''}`.includes('50011'))).toEqual([]);
    expect(await network.calls()).toEqual([]);
  });

  test('a long paste is cut to 1,500 characters with "…", and redaction comes first', async ({ page }) => {
    await page.goto('/triage/');
    const long = `${UNKNOWN}\n${'Something else went wrong here. '.repeat(80)}`;
    await page.getByLabel('Paste the error message from the IPP audit log').fill(long);
    await page.getByRole('link', { name: 'contact support', exact: true }).click();
    const preview = (await page.locator('[data-contact-preview]').textContent())!;
    expect(preview.length).toBe(1500);
    expect(preview.endsWith('…')).toBe(true);
    await page.getByRole('checkbox', { name: 'Include this text' }).check();
    const mail = readMailto((await page.getByRole('link', { name: 'Open an e-mail to support' }).getAttribute('href'))!);
    expect(mail.body).toContain(preview);
    expect(mail.body).not.toContain(SECRET);
    expect(mail.body).not.toContain(EMAIL);
  });
});

test.describe('hub article: the troubleshooting flow', () => {
  test('an SVG picture with an accessible name, one node per category, and a text version', async ({ page }) => {
    await page.goto('/guides/find-ipp-failure-reason/');
    const picture = page.getByRole('img', { name: /^Troubleshooting flow: audit log, then the error message, then its category, then the fix$/ });
    await expect(picture).toBeVisible();
    expect(await picture.evaluate((element) => element.tagName.toLowerCase())).toBe('svg');
    const description = await picture.evaluate((element) => document.getElementById(element.getAttribute('aria-describedby')!)?.textContent ?? '');
    expect(description).toContain(`The ${rules.length} known errors fall into ${categories.length} categories`);

    const nodes = picture.locator('[data-flow-node="category"]');
    await expect(nodes).toHaveCount(categories.length);
    for (const category of categories) {
      const node = picture.locator(`[data-flow-node="category"][data-category="${category.id}"]`);
      await expect(node).toHaveCount(1);
      const members = rules.filter((rule) => rule.categories.includes(category.id));
      const band = picture.locator(`[data-flow-band="${category.id}"]`);
      await expect(band.locator('[data-flow-node="errors"] text').first()).toHaveText(`${members.length} error${members.length === 1 ? '' : 's'}`);
      for (const fix of new Set(members.map((rule) => rule.fix))) await expect(band.locator(`[data-guide="${fix}"]`)).toHaveCount(1);
      await expect(band.locator('path.flow-arrow')).toHaveCount(2 + new Set(members.map((rule) => rule.fix)).size);
    }
    // The text version says the same for screen readers: every category and every error.
    const text = page.locator('[data-flow-text]');
    for (const category of categories) await expect(text).toContainText(category.title);
    for (const rule of rules) await expect(text).toContainText(rule.title);
    // No inline styles anywhere in it (the CSP refuses them).
    await expect(page.locator('[data-troubleshooting-flow] [style]')).toHaveCount(0);
  });

  test('only the hub has it', async ({ page }) => {
    await page.goto('/guides/check-password/');
    await expect(page.locator('[data-troubleshooting-flow]')).toHaveCount(0);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations on a rule page after using the widgets, and with the contact panel open (${colorScheme})`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.emulateMedia({ colorScheme });
    await page.goto(RULE_PAGE);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Copy resolution' }).click();
    await page.getByRole('region', { name: 'Did this fix it?' }).getByRole('button', { name: 'No' }).click();
    await expect(page.getByRole('link', { name: 'Contact support about this error' })).toBeVisible();
    await expectNoAxeViolations(page);

    // The hub with its flow picture is scanned in both schemes by site.spec.ts (the guide page).

    await page.goto('/triage/');
    await page.getByLabel('Paste the error message from the IPP audit log').fill(UNKNOWN);
    await page.getByRole('link', { name: 'contact support', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Include this text' }).check();
    await expectNoAxeViolations(page);
  });
}
