/** Plain-text wording of results, shared by the page's "copy resolution" and the CLI. */
import { entraDigits } from '../text/entra-code.ts';
import type { Confidence } from '../types.ts';

export const CONFIDENCE_LABEL: Record<Confidence, string> = {
  high: 'Match',
  medium: 'Likely match',
  low: 'Possible match',
};

/** The plain words for each kind of variable part the engine ignores (src/triage/text/tokenise.ts). */
const IGNORED_WORDS: Record<string, string> = {
  timestamp: 'times',
  date: 'times',
  time: 'times',
  duration: 'times',
  guid: 'IDs',
  hex: 'IDs',
  email: 'e-mail addresses',
  ip: 'IP addresses',
  number: 'numbers',
  datasource: 'datasource names',
};

/**
 * "Times and IDs were ignored when matching." — what the engine left out of
 * the comparison, in plain words; '' when nothing was.
 */
export function ignoredSentence(kinds: readonly string[]): string {
  const words = [...new Set(kinds.map((kind) => IGNORED_WORDS[kind] ?? 'other changing values'))];
  if (words.length === 0) return '';
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words[0]!;
  return `${list[0]!.toUpperCase()}${list.slice(1)} were ignored when matching.`;
}

/** Microsoft's own page for an Entra code (`AADSTS700082`); undefined for other codes. */
export function microsoftLookupUrl(code: string): string | undefined {
  const digits = entraDigits(code);
  return digits ? `https://login.microsoftonline.com/error?code=${digits}` : undefined;
}

/**
 * A site-relative article URL (`/errors/x/`) under a base (`https://help.example.com`, or a
 * path such as `https://corp.example/ipp-help/`, which is kept): the one place site URLs are
 * joined (the reply text, the CLI, the embed). Unchanged without a base, or when already absolute.
 */
export function absoluteUrl(url: string, base: string | URL | undefined): string {
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  const root = typeof base === 'string' ? (base.endsWith('/') ? base : `${base}/`) : base.pathname.endsWith('/') ? base : new URL(`${base.pathname}/`, base);
  return new URL(url.replace(/^\/+/, ''), root).toString();
}

/** What a reply is made of: the rule's own words and its article. */
export interface ReplyFacts {
  title: string;
  /** One sentence: what the error means for the customer (optional: old indexes lack it). */
  summary?: string;
  resolution: string;
  /** What the customer does; empty when the rule has no steps yet. */
  steps: readonly string[];
  /** The article, site-relative (`/errors/<id>/`) or absolute. */
  url: string;
}

/**
 * A reply a support agent can paste into a ticket as it is, and that a
 * customer can act on without opening anything: the error, what it means,
 * the steps (numbered), and the article for the details. Plain text only.
 */
export function resolutionText(reply: ReplyFacts, base: string): string {
  const lines = [reply.title];
  if (reply.summary) lines.push(`What it means: ${reply.summary}`);
  lines.push('', `What to do: ${reply.resolution}`);
  reply.steps.forEach((step, index) => lines.push(`${index + 1}. ${step}`));
  lines.push('', `Step-by-step instructions: ${absoluteUrl(reply.url, base)}`);
  return `${lines.join('\n')}\n`;
}
