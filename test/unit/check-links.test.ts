/**
 * The link checker that fails the build: on a small fake output folder it
 * finds exactly the broken links and anchors and accepts the good ones; wired
 * into `astro build`, a broken link in an article fails the build and names
 * the page and the link, and tag-like text in a summary is not taken for one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import checkLinksIntegration, { checkLinks, scanHtml } from '../../src/integrations/check-links.ts';
import { astroBuild, copyProject } from '../support/scratch-project.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kb-links-'));
const TAG_LIKE_SUMMARY = 'Sign in to <tenant> first, then use <a href="x"> or <img src=y>.';
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 60_000); // a whole project copy: slow to delete on a loaded machine

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'dist-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (body: string) => `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"></head><body>${body}</body></html>`;

describe('checkLinks on a fake dist folder', () => {
  const dir = site({
    'index.html': page(`
      <a href="/errors/known/">ok</a>
      <a href="errors/known/#why">relative, with an existing anchor</a>
      <a href="/errors/known/#nowhere">broken anchor</a>
      <a href="/errors/missing/">broken page</a>
      <a href="#top">anchor on this page</a>
      <a href="#gone">broken anchor on this page</a>
      <a href="https://help.example.com/errors/known/">own origin, absolute</a>
      <a href="https://help.example.com/errors/absent/">own origin, broken</a>
      <a href="https://learn.microsoft.com/x">external</a>
      <a href="mailto:support@example.com">mail</a>
      <a href="/pagefind/pagefind-component-ui.js">written by pagefind later</a>
      <a href="/triage/#q=AADSTS700082">a query in the fragment</a>
      <img src="/img/missing.png" alt="">
      <img src="/favicon.svg" alt="">
      <a href='/errors/known/' id=top>single quotes</a>
      <a href="/errors/known/?ref=home">query string</a>
      <a href="/404/">the not-found page</a>
      <a href="/triage-index.json">a file</a>
      <code>&lt;a href="/escaped/text/"&gt;</code>
      <!-- <a href="/commented/out/"> -->
      <script type="module">const x = '<a href="/in/a/script/">';</script>
    `),
    'errors/known/index.html': page(
      '<h2 id="why">Why</h2><a name="legacy"></a><a href="../../#top">up, with anchor</a><a href="/errors/known/#legacy">named anchor</a>',
    ),
    'triage/index.html': page('<a href="/">home</a>'),
    '404.html': page('<a href="/">home</a>'),
    'favicon.svg': '<svg/>',
    'triage-index.json': '{}',
    '_astro/site.css': 'body{}',
  });

  it('reports exactly the broken links and anchors, naming page, link and reason', () => {
    const broken = checkLinks(dir, 'https://help.example.com');
    expect(broken.map(({ page: p, link }) => `${p} ${link}`).sort()).toEqual([
      'index.html #gone',
      'index.html /errors/known/#nowhere',
      'index.html /errors/missing/',
      'index.html /img/missing.png',
      'index.html https://help.example.com/errors/absent/',
    ]);
    expect(broken.find((b) => b.link === '/errors/known/#nowhere')!.reason).toBe('no element with id "nowhere" on /errors/known/');
    expect(broken.find((b) => b.link === '/errors/missing/')!.reason).toBe('no file or page at /errors/missing/');
  });

  it('treats absolute links to another origin as external when no site is given', () => {
    const broken = checkLinks(dir);
    expect(broken.map((b) => b.link)).not.toContain('https://help.example.com/errors/absent/');
    expect(broken).toHaveLength(4);
  });

  it('passes a folder whose links are all good', () => {
    const good = site({
      'index.html': page('<a href="/a/">a</a><a href="/a/#x">x</a><a href="#main" id="main">skip</a>'),
      'a/index.html': page('<p id="x">x</p><a href="/">home</a>'),
      '_astro/site.css': '',
    });
    expect(checkLinks(good)).toEqual([]);
  });

  it('reads a quoted attribute value to its closing quote, as a browser does: tag-like text in it is no link', () => {
    // What Astro writes for a summary with tag-like text (it escapes only & and " in attributes).
    const meta = `<meta name="description" content="${TAG_LIKE_SUMMARY.replaceAll('"', '&quot;')}">`;
    expect(scanHtml(`${meta}<a href="/real/" id="after">`)).toEqual({ links: ['/real/'], ids: new Set(['after']) });
    expect(scanHtml(`<p title='a > b <a href=/no/>' data-x="<img src=/no.png>">x</p>`)).toEqual({ links: [], ids: new Set() });
  });

  it('reads unquoted values, attributes without a space between them, and text elements', () => {
    const { links, ids } = scanHtml(
      '<A HREF=/u/ ID=q><a href="/v/"id="w"><img src=\'/i.png\'/><title><a href="/t/"></title><textarea><a href=/x/></textarea><p data-x="a>b" id="last">',
    );
    expect(links).toEqual(['/u/', '/v/', '/i.png']);
    expect([...ids]).toEqual(['q', 'w', 'last']);
  });

  it.each([
    ['an unclosed quote', '<a href="/x/" title="never closed', ['/x/']],
    ['an unclosed tag', '<a href=/x/ id=y', ['/x/']],
    ['an unclosed comment', '<a href="/x/"><!-- <a href="/no/">', ['/x/']],
    ['an unclosed script', '<a href="/x/"><script>"<a href=/no/>"', ['/x/']],
    ['a lone "<" at the end', '<a href="/x/">a < b <', ['/x/']],
  ])('ends at %s', (_, html, links) => {
    expect(scanHtml(html).links).toEqual(links);
  });

  it('scans attributes, not text: escaped markup, comments and scripts hold no links', () => {
    const { links, ids } = scanHtml(
      '<p id="a" data-x="1">&lt;a href="/no/"&gt;</p><!-- <a href="/no2/"> --><script>"<a href=/no3/>"</script><a href="/yes/?a=1&amp;b=2">',
    );
    expect(links).toEqual(['/yes/?a=1&b=2']);
    expect([...ids]).toEqual(['a']);
  });
});

describe('as an Astro integration', () => {
  it('its build:done hook throws on a broken link, so the build fails', () => {
    const dir = site({ 'index.html': page('<a href="/nowhere/">x</a>'), '_astro/site.css': '' });
    const integration = checkLinksIntegration();
    const hooks = integration.hooks as Record<string, (options: unknown) => void>;
    hooks['astro:config:done']!({ config: { site: 'https://help.example.com' } });
    const logger = { info: () => undefined };
    expect(() => hooks['astro:build:done']!({ dir: new URL(`file://${dir}/`), logger })).toThrow(/1 broken internal link:\n- index.html: "\/nowhere\/"/);
  });

  it('astro build with one broken link in a guide fails naming the page and the link; tag-like text in a summary is no link', () => {
    const project = join(scratch, 'project');
    copyProject(project);
    const guide = join(project, 'content/guides/check-username.mdx');
    writeFileSync(
      guide,
      `${readFileSync(guide, 'utf8')}\n\nSee [the missing page](/errors/no-such-error/) and [a missing anchor](/guides/check-password/#no-such-heading).\n`,
    );
    // Astro escapes only & and " in attributes, so this lands in <meta content="…"> with its < and > as they are.
    const rule = join(project, 'rules/account-details/password-empty.mdx');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace(/^summary: .*$/m, `summary: '${TAG_LIKE_SUMMARY}'`));

    const { status, output } = astroBuild(project);
    expect(status, output).not.toBe(0);
    expect(output).toContain('2 broken internal links:');
    expect(output).toContain('guides/check-username/index.html: "/errors/no-such-error/"');
    expect(output).toContain('no element with id "no-such-heading" on /guides/check-password/');
    // The pages are written before the check: the summary is shown as text.
    const page = readFileSync(join(project, 'dist/errors/password-empty/index.html'), 'utf8');
    expect(page).toContain('Sign in to &lt;tenant&gt; first, then use &lt;a href=&quot;x&quot;&gt; or &lt;img src=y&gt;.');
  }, 180_000);
});
