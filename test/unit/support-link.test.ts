/**
 * The "Contact support" link builder: one configuration, two kinds of target
 * (a ticket form URL, an e-mail address), prefilled with the rule or guide,
 * and pasted text only when the caller passes approved text — cut to a sane
 * length.
 */
import { describe, expect, test, vi } from 'vitest';
import { cutText, feedbackRequest, MAX_TEXT, parseSupportHref, supportBody, supportHref, supportSubject, supportTarget } from '../../src/lib/support-link.ts';

const RULE = { id: 'refresh-token-expired', title: 'Refresh token expired' };
const EMAIL = { kind: 'email', address: 'support@example.com' } as const;
const FORM = { kind: 'url', url: 'https://tickets.example.com/new?queue=ipp#form' } as const;

/** Splits a mailto: link into its address, subject and body. */
function mailto(href: string) {
  const url = new URL(href);
  expect(url.protocol).toBe('mailto:');
  // URLSearchParams would turn "+" into a space; mailto uses %20, so decode by hand.
  const params = Object.fromEntries(
    url.search
      .slice(1)
      .split('&')
      .map((pair) => {
        const [key, value = ''] = pair.split('=');
        return [key, decodeURIComponent(value)];
      }),
  );
  return { address: url.pathname, subject: params.subject, body: params.body };
}

describe('supportTarget / parseSupportHref', () => {
  test('the URL wins over the e-mail address; neither gives null', () => {
    expect(supportTarget({ supportUrl: 'https://t.example.com/new', supportEmail: 'a@b.c' })).toEqual({ kind: 'url', url: 'https://t.example.com/new' });
    expect(supportTarget({ supportUrl: ' ', supportEmail: 'help@example.com' })).toEqual({ kind: 'email', address: 'help@example.com' });
    expect(supportTarget({ supportUrl: '', supportEmail: '' })).toBeNull();
  });

  test('reads the plain href the triage box carries', () => {
    expect(parseSupportHref('mailto:help@example.com')).toEqual({ kind: 'email', address: 'help@example.com' });
    expect(parseSupportHref('MAILTO:help%40example.com?subject=x')).toEqual({ kind: 'email', address: 'help@example.com' });
    expect(parseSupportHref('https://t.example.com/new')).toEqual({ kind: 'url', url: 'https://t.example.com/new' });
    expect(parseSupportHref('')).toBeNull();
  });
});

describe('e-mail (mailto:)', () => {
  test('an article: subject "IPP Help: <id> — <title>", body with the rule and the page', () => {
    const href = supportHref(EMAIL, { rule: RULE, page: 'https://help.example.com/errors/refresh-token-expired/' });
    expect(href.startsWith('mailto:support@example.com?subject=')).toBe(true);
    expect(href).not.toMatch(/[ \n+]/); // spaces are %20, line breaks %0D%0A: no "+" that clients read literally
    const { address, subject, body } = mailto(href);
    expect(address).toBe('support@example.com');
    expect(subject).toBe('IPP Help: refresh-token-expired — Refresh token expired');
    expect(body).toContain('Rule: refresh-token-expired (Refresh token expired)\r\n');
    expect(body).toContain('Page: https://help.example.com/errors/refresh-token-expired/');
    expect(body).not.toContain('Error text');
  });

  test('a guide page names the guide', () => {
    const { subject, body } = mailto(supportHref(EMAIL, { guide: { id: 'check-password', title: 'Check the password' } }));
    expect(subject).toBe('IPP Help: check-password — Check the password');
    expect(body).toContain('Guide: check-password');
  });

  test('approved text goes into the body, cut at 1,500 characters with "…"', () => {
    const text = `AADSTS50126: User: [EMAIL] ${'x'.repeat(3000)}`;
    const { subject, body } = mailto(supportHref(EMAIL, { text, page: 'https://help.example.com/triage/' }));
    expect(subject).toBe('IPP Help: error not recognised');
    const included = body.split('Error text (passwords, tokens, keys and e-mail addresses hidden):\r\n')[1]!;
    expect(included.length).toBe(MAX_TEXT);
    expect(included.endsWith('…')).toBe(true);
    expect(included.startsWith('AADSTS50126: User: [EMAIL] xxx')).toBe(true);
  });

  test('without text there is no text, only an invitation to paste it', () => {
    const { subject, body } = mailto(supportHref(EMAIL, {}));
    expect(subject).toBe('IPP Help: support request');
    expect(body).not.toContain('Error text');
    expect(body).toContain('please paste the complete message');
  });
});

describe('URL (ticket form)', () => {
  test("the rule id as ?rule=, keeping the form's own query and fragment", () => {
    const url = new URL(supportHref(FORM, { rule: RULE, page: 'https://help.example.com/errors/x/' }));
    expect(url.origin + url.pathname).toBe('https://tickets.example.com/new');
    expect(url.searchParams.get('queue')).toBe('ipp');
    expect(url.searchParams.get('rule')).toBe('refresh-token-expired');
    expect(url.searchParams.has('text')).toBe(false);
    expect(url.hash).toBe('#form');
  });

  test('approved text as &text=, cut to 1,500 characters', () => {
    const url = new URL(supportHref(FORM, { text: 'y'.repeat(2000) }));
    expect(url.searchParams.get('text')).toBe(`${'y'.repeat(MAX_TEXT - 1)}…`);
    expect(url.searchParams.has('rule')).toBe(false);
  });

  test('a relative form URL stays relative', () => {
    expect(supportHref({ kind: 'url', url: '/support/' }, { guide: { id: 'check-username', title: 'x' } })).toBe('/support/?guide=check-username');
  });
});

describe('cutText', () => {
  test('short text is unchanged; long text ends with "…" at the limit', () => {
    expect(cutText('abc', 5)).toBe('abc');
    expect(cutText('abcdef', 5)).toBe('abcd…');
  });

  test('never leaves half a label or half a surrogate pair', () => {
    expect(cutText('see [EMAIL] and [EMAIL]', 20)).toBe('see [EMAIL] and …');
    expect(cutText('ab😀cd', 4)).toBe('ab…');
  });
});

test('subject wording', () => {
  expect(supportSubject({ rule: RULE })).toBe('IPP Help: refresh-token-expired — Refresh token expired');
  expect(supportBody({ rule: RULE })).toMatch(/^Rule: refresh-token-expired/);
});

test('the feedback request carries the rule id and the answer only, and survives leaving the page', () => {
  const init = feedbackRequest('mfa-expired', 'no');
  expect(init.method).toBe('POST');
  expect(init.keepalive).toBe(true);
  expect(init.credentials).toBe('omit');
  expect(JSON.parse(String(init.body))).toEqual({ rule: 'mfa-expired', answer: 'no' });
  expect(new Headers(init.headers).get('content-type')).toBe('application/json');
});

describe('the CSP allows the feedback endpoint, and only when configured', () => {
  const connectSrc = async (feedbackUrl: string | undefined) => {
    const saved = process.env.KB_FEEDBACK_URL;
    if (feedbackUrl === undefined) delete process.env.KB_FEEDBACK_URL;
    else process.env.KB_FEEDBACK_URL = feedbackUrl;
    try {
      // A fresh copy of the configuration each time: it reads the environment when loaded.
      vi.resetModules();
      const config = (await import('../../astro.config.mjs')).default;
      const csp = config.security?.csp;
      const directives: string[] = typeof csp === 'object' ? (csp.directives ?? []) : [];
      return directives.filter((directive) => directive.startsWith('connect-src'));
    } finally {
      if (saved === undefined) delete process.env.KB_FEEDBACK_URL;
      else process.env.KB_FEEDBACK_URL = saved;
    }
  };

  test('unset: same origin only', async () => {
    expect(await connectSrc(undefined)).toEqual(["connect-src 'self'"]);
  });

  test('an absolute endpoint adds its origin (not its path)', async () => {
    expect(await connectSrc('https://feedback.example.com/ipp/answers?x=1')).toEqual(["connect-src 'self' https://feedback.example.com"]);
  });

  test('a same-site path needs nothing more', async () => {
    expect(await connectSrc('/api/feedback')).toEqual(["connect-src 'self'"]);
  });
});
