/**
 * The embeddable widget (`/embed/triage.js`) in a help desk's ticket form:
 * a host page on another origin, with a CSP that allows only the help site,
 * loads it; as the customer types, the widget shows the top answer with its
 * steps and a link to the article. Its only requests are the script and the
 * triage index, and the typed text is never sent anywhere.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page, type Request } from '@playwright/test';
import { watchViolations } from '../support/csp.ts';

const HELP = `http://127.0.0.1:${Number(process.env.KB_TEST_PORT ?? 4399)}`;
const PASTE =
  'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-02-20T02:58:17.0350262Z and was inactive for 90.00:00:00. Trace ID: dc41b3fa-a25b-4280-b500-cd8b8788a601';
/** The help site's policy for the host page: nothing but the help site may load or be fetched. */
const HOST_CSP = `default-src 'none'; script-src ${HELP}; connect-src ${HELP}; style-src 'none'; img-src 'none'; form-action 'self'; base-uri 'none'`;

function hostPage(scheme: 'light' | 'dark'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="${scheme}">
<title>Contoso help desk: new ticket</title>
<script type="module" src="${HELP}/embed/triage.js"></script>
</head>
<body>
<h1>New support ticket</h1>
<form method="post" action="/tickets">
  <label for="subject">Subject</label> <input id="subject" name="subject">
  <label for="description">Describe the problem</label>
  <textarea id="description" name="description" rows="8" cols="80"></textarea>
  <ipp-triage for="description"></ipp-triage>
  <button type="submit">Send</button>
</form>
</body>
</html>`;
}

let host: Server;
let hostOrigin = '';

test.beforeAll(async () => {
  host = createServer((request, response) => {
    const scheme = request.url?.includes('dark') ? 'dark' : 'light';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': HOST_CSP });
    response.end(hostPage(scheme));
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

/** Every request the page makes, and what it carried. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

const panel = (page: Page) => page.locator('ipp-triage .panel');

test('shows the top answer, its steps and the article link as the customer types, cross-origin, under the host CSP', async ({ page }) => {
  const problems = await watchViolations(page);
  const requests = recordRequests(page);
  await page.goto(`${hostOrigin}/new-ticket`);
  expect(new URL(page.url()).origin).not.toBe(new URL(HELP).origin);

  await page.locator('#description').fill(PASTE);
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).locator('.title')).toHaveText('Refresh token expired');
  await expect(panel(page).locator('.resolution')).toHaveText('New refresh token');
  await expect(panel(page)).toHaveAttribute('data-confidence', 'high');
  const link = panel(page).getByRole('link', { name: /Read the article/ });
  await expect(link).toHaveAttribute('href', `${HELP}/errors/refresh-token-expired/`);
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // Steps are shown when the rule has them (content authors are adding them to every rule).
  const index = (await (await fetch(`${HELP}/triage-index.json`)).json()) as { rules: Array<{ id: string; steps: string[] }> };
  const steps = index.rules.find((rule) => rule.id === 'refresh-token-expired')!.steps;
  if (steps.length > 0) await expect(panel(page).locator('ol > li')).toHaveText(steps);
  else await expect(panel(page).locator('ol')).toHaveCount(0);

  // Editing the text to something no rule knows takes the answer away.
  await page.locator('#description').fill('Our printer jams on every second page.');
  await expect(panel(page)).toHaveCount(0);

  expect(problems).toEqual([]);
  // Only the widget and the index were fetched from the help site; nothing carried the text.
  const toHelp = requests.filter((request) => request.url().startsWith(HELP)).map((request) => `${request.method()} ${new URL(request.url()).pathname}`);
  expect(toHelp.sort()).toEqual(['GET /embed/triage.js', 'GET /triage-index.json']);
  const elsewhere = requests.filter((request) => !request.url().startsWith(HELP) && !request.url().startsWith(hostOrigin));
  expect(elsewhere.map((request) => request.url())).toEqual([]);
  for (const request of requests) {
    expect(`${request.url()} ${request.postData() ?? ''}`).not.toContain('refresh token');
    expect(`${request.url()} ${request.postData() ?? ''}`).not.toContain('AADSTS700082');
  }
});

test('a pasted export adds its datasources in one line', async ({ page }) => {
  await page.goto(`${hostOrigin}/new-ticket`);
  await page
    .locator('#description')
    .fill(
      [
        "2025-03-04 02:00:01 INFO  Datasource 'HR Mailboxes' preserved 1,204 items: Success",
        `2025-03-04 02:00:09 ERROR Datasource 'Legal': ${PASTE}`,
        "2025-03-04 02:00:12 ERROR Datasource 'Finance': Password is empty for the data source",
      ].join('\n'),
    );
  await expect(panel(page).locator('.datasources')).toHaveText('3 datasources: 2 failing now (Legal, Finance), 1 succeeded.');
});

test("is styled inside its shadow root only, and follows the host page's light or dark scheme", async ({ page }) => {
  const colours: Record<string, string> = {};
  for (const scheme of ['light', 'dark'] as const) {
    const problems = await watchViolations(page);
    await page.goto(`${hostOrigin}/new-ticket?${scheme}`);
    await page.locator('#description').fill(PASTE);
    await expect(panel(page)).toBeVisible();
    colours[scheme] = await panel(page).evaluate((element) => getComputedStyle(element).backgroundColor);
    // The host's own elements are untouched by the widget's styles.
    expect(await page.locator('h1').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('ipp-triage').evaluate((element) => element.shadowRoot!.adoptedStyleSheets.length)).toBe(1);
    expect(problems).toEqual([]);
  }
  expect(colours.light).toBe('rgb(243, 247, 253)');
  expect(colours.dark).toBe('rgb(23, 34, 58)');
});

test('keeps the form working when the help site cannot be reached', async ({ page }) => {
  await page.route(`${HELP}/triage-index.json`, (route) => route.abort());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${hostOrigin}/new-ticket`);
  const refused = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/triage-index.json'));
  await page.locator('#description').fill(PASTE);
  await refused;
  await expect(panel(page)).toHaveCount(0);
  await page.locator('#subject').fill('Still typing');
  await expect(page.locator('#subject')).toHaveValue('Still typing');
  expect(errors).toEqual([]);
});
