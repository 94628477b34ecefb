/**
 * Internal content never reaches the public build. In a scratch copy of the
 * project with an internal-only probe rule added (so the test does not depend
 * on which articles the knowledge base happens to keep internal), builds the
 * site twice (public, then KB_AUDIENCE=internal), reads EVERY file of
 * each (HTML, JS, CSS, JSON, Pagefind's gzip-compressed index and fragments,
 * decompressed) and proves that the internal rule, the <Internal> note inside
 * a public rule and the internal banner are all absent from the public build
 * and present in the internal one, and that every internal page carries the
 * banner, visible and accessible.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { copyProjectToTemp } from '../support/scratch-project.ts';
import { axeScan, violationList } from '../support/axe.ts';

/** The internal-only probe rule the test adds to its copy of the project. */
const INTERNAL_RULE = 'internal-audience-probe';
/** Phrases only internal content contains; each must be absent from public and present in internal. */
const MARKERS = {
  ruleId: INTERNAL_RULE,
  ruleTitle: 'Internal audience probe',
  ruleCode: 'AADSTS999999001',
  ruleBody: 'Support checklist for the audience probe',
  noteTitle: 'Agent tip: read the issued-on date',
  noteBody: 'one new token to fix all of them',
  banner: 'data-internal-banner',
  bannerText: 'the support-agent edition of IPP Help',
} as const;
/** A complete internal rule, as an author would write it, in the primary category and fix guide the checks below look at. */
const PROBE_RULE = `---
title: ${MARKERS.ruleTitle}
summary: A rule that exists only to prove that internal articles stay out of the public build.
messages:
  - "Internal audience probe message {probe_id}."
codes:
  - ${MARKERS.ruleCode}
categories:
  - mfa-private-key
fix: mfa-private-key
resolution: Ensure the private key for the MFA account is right
steps:
  - Check the certificate and private key of the MFA account in the Realm.
  - Save the configuration and rerun the IPP.
audience: internal
examples:
  - "${MARKERS.ruleCode}: Internal audience probe message 42."
sources:
  - https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes
---

This article is for support agents.

## How to fix it

${MARKERS.ruleBody}: nothing to fix; it only has to stay internal.
`;

/** The public rule that holds the <Internal> note. */
const NOTE_RULE = 'refresh-token-expired';
const REPO_URL = 'https://git.example.com/support/ipp-help';

interface Built {
  dir: string;
  /** Every file, relative path → its text (gzip-compressed files decompressed first). */
  files: Map<string, string>;
}

function build(project: string, dir: string, audience: 'public' | 'internal'): Built {
  const env: NodeJS.ProcessEnv = { ...process.env, KB_OUT_DIR: dir };
  delete env.KB_AUDIENCE;
  delete env.KB_REPO_URL;
  if (audience === 'internal') Object.assign(env, { KB_AUDIENCE: 'internal', KB_REPO_URL: REPO_URL });
  const result = spawnSync('npm', ['run', 'build'], { cwd: project, env, encoding: 'utf8', timeout: 150_000 });
  if (result.status !== 0) throw new Error(`${audience} build failed:\n${result.stdout}\n${result.stderr}`);
  return { dir, files: readTree(dir) };
}

function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    let bytes = readFileSync(path);
    // Pagefind writes its index and fragments gzip-compressed (magic bytes 1f 8b).
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    files.set(relative(dir, path).split(sep).join('/'), bytes.toString('utf8'));
  }
  return files;
}

/** Files whose text contains `phrase`, case-insensitively. */
function filesContaining(built: Built, phrase: string): string[] {
  const needle = phrase.toLowerCase();
  return [...built.files].filter(([, text]) => text.toLowerCase().includes(needle)).map(([path]) => path);
}

let scratch = '';
let project = '';
let publicSite: Built;
let internalSite: Built;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(300_000);
  scratch = mkdtempSync(join(tmpdir(), 'kb-audience-'));
  project = copyProjectToTemp('kb-audience-project-');
  writeFileSync(join(project, 'rules', 'mfa-private-key', `${INTERNAL_RULE}.mdx`), PROBE_RULE);
  publicSite = build(project, join(scratch, 'public'), 'public');
  internalSite = build(project, join(scratch, 'internal'), 'internal');
});

test.afterAll(() => {
  for (const dir of [scratch, project]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test('both builds produced a whole site, search index included', () => {
  for (const site of [publicSite, internalSite]) {
    expect(site.files.has('index.html')).toBe(true);
    expect(site.files.has(`errors/${NOTE_RULE}/index.html`)).toBe(true);
    expect(site.files.has('triage-index.json')).toBe(true);
    expect(site.files.has('api/rules.json')).toBe(true);
    expect([...site.files.keys()].filter((path) => path.endsWith('.pf_fragment')).length).toBeGreaterThan(10);
  }
  // The public page around the note is there; only the note is missing.
  expect(publicSite.files.get(`errors/${NOTE_RULE}/index.html`)).toContain('walks through it');
});

test('the public build carries no trace of internal content, in any file', () => {
  const leaks = Object.entries(MARKERS).flatMap(([name, phrase]) => filesContaining(publicSite, phrase).map((path) => `${name} (${phrase}) in ${path}`));
  expect(leaks).toEqual([]);
  expect(publicSite.files.has(`errors/${INTERNAL_RULE}/index.html`)).toBe(false);
});

test('the internal build has the internal rule and note everywhere they belong', () => {
  for (const [name, phrase] of Object.entries(MARKERS)) {
    expect(filesContaining(internalSite, phrase), `${name} (${phrase})`).not.toEqual([]);
  }
  const rulePage = internalSite.files.get(`errors/${INTERNAL_RULE}/index.html`) ?? '';
  expect(rulePage).toContain(MARKERS.ruleBody);
  expect(internalSite.files.get(`errors/${NOTE_RULE}/index.html`)).toContain(MARKERS.noteBody);
  // Lists generated from the rules, the triage index and the catalogue include the rule.
  for (const page of [
    'errors/index.html',
    'categories/mfa-private-key/index.html',
    'guides/mfa-private-key/index.html',
    'guides/find-ipp-failure-reason/index.html',
    'triage-index.json',
    'api/rules.json',
  ]) {
    expect(internalSite.files.get(page), page).toContain(INTERNAL_RULE);
  }
  // Search finds both: proves the Pagefind fragments were read (decompressed) by this test.
  const fragments = (phrase: string) => filesContaining(internalSite, phrase).filter((path) => path.endsWith('.pf_fragment'));
  expect(fragments(MARKERS.ruleBody)).not.toEqual([]);
  expect(fragments(MARKERS.noteBody)).not.toEqual([]);
});

test('every internal page carries the banner; no public page does', () => {
  const html = (site: Built) => [...site.files].filter(([path]) => extname(path) === '.html');
  const isRedirect = (text: string) => /<meta http-equiv="refresh"/i.test(text);
  const internalPages = html(internalSite).filter(([, text]) => !isRedirect(text));
  expect(internalPages.length).toBeGreaterThan(20);
  const withoutBanner = internalPages.filter(([, text]) => !text.includes(MARKERS.banner)).map(([path]) => path);
  expect(withoutBanner).toEqual([]);
  expect(
    html(publicSite)
      .filter(([, text]) => text.includes(MARKERS.banner))
      .map(([path]) => path),
  ).toEqual([]);
});

test('"Edit this page" links appear only when KB_REPO_URL is set', () => {
  const link = `href="${REPO_URL}/edit/main/rules/refresh-token/${NOTE_RULE}.mdx"`;
  expect(internalSite.files.get(`errors/${NOTE_RULE}/index.html`)).toContain(link);
  expect(internalSite.files.get('guides/new-refresh-token/index.html')).toContain(`href="${REPO_URL}/edit/main/content/guides/new-refresh-token.mdx"`);
  expect(filesContaining(publicSite, 'Edit this page')).toEqual([]);
});

/** Serves a built folder to the browser at http://internal.test/ without a server. */
async function serveFolder(page: Page, dir: string) {
  await page.route('http://internal.test/**', async (route) => {
    const { pathname } = new URL(route.request().url());
    const path = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    const types: Record<string, string> = {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.json': 'application/json',
      '.svg': 'image/svg+xml',
    };
    try {
      await route.fulfill({ body: readFileSync(join(dir, decodeURIComponent(path))), contentType: types[extname(path)] ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404, body: 'Not found' });
    }
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the internal banner is visible and accessible (${scheme} scheme)`, async ({ page }) => {
    await serveFolder(page, internalSite.dir);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['/', `/errors/${INTERNAL_RULE}/`, `/errors/${NOTE_RULE}/`]) {
      await page.goto(`http://internal.test${path}`);
      const banner = page.getByRole('region', { name: 'Internal build' });
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('Internal');
      // What the internal build adds is the banner and the agents' notes: those are scanned (the rest of
      // each page is the public page, scanned by site.spec.ts).
      expect(violationList(await axeScan(page, ['[data-internal-banner]', '.internal-note'])), path).toEqual([]);
    }
    await page.goto(`http://internal.test/errors/${NOTE_RULE}/`);
    await expect(page.getByRole('complementary', { name: MARKERS.noteTitle })).toContainText(MARKERS.noteBody);
  });
}
