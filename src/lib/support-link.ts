/**
 * "Contact support" links, built in one place for the articles (at build time)
 * and the triage box (in the browser). Pure functions: no DOM, no Astro.
 *
 * The support contact is configured once, in src/config.ts (`KB_SUPPORT_URL`,
 * else `KB_SUPPORT_EMAIL`). A URL gets the context as query parameters
 * (`?rule=<id>`, `&text=<redacted text>`); an e-mail address becomes a
 * `mailto:` with a subject and a body. Pasted text is never added here unless
 * the caller passes it — the triage box does so only after the user has seen
 * the redacted text and ticked "Include this text".
 */

/** Where support is reached: a ticket form (URL) or an e-mail address. */
export type SupportTarget = { kind: 'url'; url: string } | { kind: 'email'; address: string };

/** What the message is about. */
export interface SupportContext {
  /** The rule (error) the user is reading about. */
  rule?: { id: string; title: string };
  /** A guide, on guide pages. */
  guide?: { id: string; title: string };
  /** The absolute URL of the page the user is on (never one with a `#q=` paste). */
  page?: string;
  /** Redacted text the user approved; cut to `MAX_TEXT` characters. */
  text?: string;
}

/** Longest included text (mail clients and ticket forms cope with this much). */
export const MAX_TEXT = 1500;

/** The configured target: the URL when set, else the e-mail address; null when neither. */
export function supportTarget(config: { supportUrl: string; supportEmail: string }): SupportTarget | null {
  const url = config.supportUrl.trim();
  if (url) return { kind: 'url', url };
  const address = config.supportEmail.trim();
  return address ? { kind: 'email', address } : null;
}

/** Reads back a target from a plain href (`mailto:x@y` or a URL), as the triage box receives it. */
export function parseSupportHref(href: string): SupportTarget | null {
  const value = href.trim();
  if (!value) return null;
  if (/^mailto:/i.test(value)) {
    const raw = value.slice('mailto:'.length).split('?')[0] ?? '';
    let address = raw;
    try {
      address = decodeURIComponent(raw);
    } catch {
      // A stray "%" in a hand-written address: keep it as written.
    }
    return address ? { kind: 'email', address } : null;
  }
  return { kind: 'url', url: value };
}

/**
 * Cuts `text` to at most `max` characters, ending with "…" when cut. Never
 * leaves half a surrogate pair or half a redaction label ("[GU…").
 */
export function cutText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/\[[A-Z]{0,6}$/, '');
  return `${cut}…`;
}

/** "IPP Help: refresh-token-expired — Refresh token expired". */
export function supportSubject(context: SupportContext): string {
  if (context.rule) return `IPP Help: ${context.rule.id} — ${context.rule.title}`;
  if (context.guide) return `IPP Help: ${context.guide.id} — ${context.guide.title}`;
  return context.text ? 'IPP Help: error not recognised' : 'IPP Help: support request';
}

/** The e-mail body: what the message is about, then the approved text. */
export function supportBody(context: SupportContext): string {
  const lines: string[] = [];
  if (context.rule) lines.push(`Rule: ${context.rule.id} (${context.rule.title})`);
  if (context.guide) lines.push(`Guide: ${context.guide.id} (${context.guide.title})`);
  if (context.page) lines.push(`Page: ${context.page}`);
  if (context.text) lines.push('', 'Error text (passwords, tokens, keys and e-mail addresses hidden):', cutText(context.text));
  else lines.push('', 'What happened (please paste the complete message from the IPP audit log):', '');
  return lines.join('\n');
}

/** The link that opens the support form or a prefilled e-mail. */
export function supportHref(target: SupportTarget, context: SupportContext = {}): string {
  if (target.kind === 'email') {
    // RFC 6068: %20 for spaces and CRLF line breaks; encodeURIComponent gives both.
    const query = [`subject=${encodeURIComponent(supportSubject(context))}`, `body=${encodeURIComponent(supportBody(context).replace(/\r?\n/g, '\r\n'))}`].join(
      '&',
    );
    return `mailto:${target.address}?${query}`;
  }
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(target.url);
  const url = new URL(target.url, 'https://relative.invalid');
  if (context.rule) url.searchParams.set('rule', context.rule.id);
  if (context.guide) url.searchParams.set('guide', context.guide.id);
  if (context.text) url.searchParams.set('text', cutText(context.text));
  return absolute ? url.toString() : `${url.pathname}${url.search}${url.hash}`;
}

/** The feedback POST ("Did this fix it?"): the rule id and the answer, nothing else. */
export function feedbackRequest(rule: string, answer: 'yes' | 'no'): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rule, answer }),
    keepalive: true,
    credentials: 'omit',
  };
}
