/**
 * Scoring a triage against labelled pastes, for the accuracy test and the
 * benchmark report: ours, and plain fuse.js over the seed's messages as the
 * baseline a naive setup would get.
 */
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import type { TriageEngine } from '../../src/triage/engine.ts';
import type { Match } from '../../src/triage/types.ts';
import { FIX_OF_LABEL, type LabelledCase } from './kb.ts';

/** `code:AADSTS53003` or `code:TooManyRequests|ApplicationThrottled`: errors beyond the seed, named by their codes. */
const CODE_LABEL = 'code:';

function labelCodes(label: string): string[] {
  return label.slice(CODE_LABEL.length).toUpperCase().split('|');
}

/** A label the fixtures may use: `none`, a seed label, or `code:` with one or more codes. */
export function isKnownLabel(label: string): boolean {
  if (label === 'none') return true;
  if (label.startsWith(CODE_LABEL)) return labelCodes(label).every((code) => code.length > 0);
  return FIX_OF_LABEL[label] !== undefined;
}

/**
 * Whether a match answers a positive label: a seed label needs the match's fix
 * guide; a `code:` label needs a rule that lists one of the codes, the way
 * shared/eval/score.mjs judges it.
 */
export function satisfiesLabel(label: string, match: Pick<Match, 'fix' | 'codes'>): boolean {
  if (label.startsWith(CODE_LABEL)) {
    const codes = new Set(match.codes.map((code) => code.toUpperCase()));
    return labelCodes(label).some((code) => codes.has(code));
  }
  return match.fix === FIX_OF_LABEL[label];
}

export function readCases(path: string): LabelledCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledCase);
}

export interface Verdict {
  case: LabelledCase;
  /** Best match's fix guide, or undefined. */
  fix?: string;
  confidence?: string;
  right: boolean;
}

/** Right: the best match links to the expected fix; for `none`, no high or medium match. */
export function judgeEngine(engine: TriageEngine, cases: LabelledCase[]): Verdict[] {
  return cases.map((item) => {
    const matches = engine.triage(item.text).matches;
    const best = matches[0];
    const right =
      item.expect === 'none'
        ? !matches.some((match) => match.confidence !== 'low')
        : best !== undefined && satisfiesLabel(item.expect, best);
    return { case: item, fix: best?.fix, confidence: best?.confidence, right };
  });
}

/** The seed article's message rows with their fix guides: all a naive setup has. */
const SEED_MESSAGES: Array<[string, string]> = [
  ['Refresh token expired', 'new-refresh-token'],
  ['The provided authorization code or refresh token has expired due to inactivity', 'new-refresh-token'],
  ['Presented multi-factor authentication has expired due to policies configured by your administrator', 'new-refresh-token'],
  ['Presented multi-factor authentication has expired due to policies configured by your administrator, you must refresh your multi-factor authentication', 'new-refresh-token'],
  ['The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.', 'new-refresh-token'],
  ['Request is malformed or invalid', 'mfa-private-key'],
  ['Invalid National Cloud Token', 'mfa-private-key'],
  ['Username is empty for the data source', 'check-username'],
  ['Password is empty for the data source', 'check-password'],
  ['User account/location is empty for the data source', 'check-datasource-configuration'],
  ['The Identity Provider returned an error. Trace ID:', 'mfa-private-key'],
  ["The service principal for resource 'https://ps.compliance.protection.outlook.com' is disabled. This indicates that a subscription within the tenant has lapsed, or that the administrator for this tenant has disabled the application, preventing tokens from being issued for it.", 'mfa-private-key'],
];

/** Plain fuse.js with its defaults, the raw paste as the pattern. Any hit counts as a claim. */
export function judgePlainFuse(cases: LabelledCase[]): Verdict[] {
  const fuse = new Fuse(SEED_MESSAGES.map(([message, fix]) => ({ message, fix })), { keys: ['message'], includeScore: true });
  return cases.map((item) => {
    const [best] = fuse.search(item.text);
    const right = item.expect === 'none' ? best === undefined : best !== undefined && best.item.fix === FIX_OF_LABEL[item.expect];
    return { case: item, fix: best?.item.fix, right };
  });
}

export function summarise(verdicts: Verdict[]) {
  const positives = verdicts.filter((verdict) => verdict.case.expect !== 'none');
  const negatives = verdicts.filter((verdict) => verdict.case.expect === 'none');
  const rightPositives = positives.filter((verdict) => verdict.right).length;
  const rightNegatives = negatives.filter((verdict) => verdict.right).length;
  return {
    positives: positives.length,
    rightPositives,
    positiveRate: positives.length ? rightPositives / positives.length : 1,
    negatives: negatives.length,
    rightNegatives,
    overall: (rightPositives + rightNegatives) / Math.max(1, verdicts.length),
  };
}
