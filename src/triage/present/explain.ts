/** Plain-text wording of results, shared by the page's "copy resolution" and the CLI. */
import type { Confidence, Match } from '../types.ts';

export const CONFIDENCE_LABEL: Record<Confidence, string> = {
  high: 'Match',
  medium: 'Likely match',
  low: 'Possible match',
};

/** Microsoft's own page for an Entra code (`AADSTS700082`); undefined for other codes. */
export function microsoftLookupUrl(code: string): string | undefined {
  const digits = /^AADSTS(\d+)$/i.exec(code)?.[1];
  return digits ? `https://login.microsoftonline.com/error?code=${digits}` : undefined;
}

/** Joins a site-relative URL to a base (`https://help.example.com`); relative when no base. */
export function absoluteUrl(url: string, base: string): string {
  if (!base) return url;
  return new URL(url, base.endsWith('/') ? base : `${base}/`).toString();
}

/** A reply a support agent can paste into a ticket. */
export function resolutionText(match: Pick<Match, 'title' | 'resolution' | 'url'>, base: string): string {
  return `${match.title}\nResolution: ${match.resolution}\nStep-by-step instructions: ${absoluteUrl(match.url, base)}\n`;
}
