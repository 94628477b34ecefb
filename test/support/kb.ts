/** Loads this project's knowledge base and a triage engine over it, once per test file. */
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../src/content/load.ts';
import { toTriageRules } from '../../src/content/triage-rules.ts';
import { buildIndex } from '../../src/triage/index/build.ts';
import { createEngine } from '../../src/triage/engine.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const kb = loadKnowledgeBase(ROOT);
export const index = buildIndex(toTriageRules(kb.rules, 'internal'));
export const engine = createEngine(index);

/** The fix guide of each label used in the labelled fixtures. */
export const FIX_OF_LABEL: Record<string, string> = {
  'refresh-token-expired': 'new-refresh-token',
  'refresh-token-inactive': 'new-refresh-token',
  'mfa-expired': 'new-refresh-token',
  'grant-revoked': 'new-refresh-token',
  'username-empty': 'check-username',
  'password-empty': 'check-password',
  'account-location-empty': 'check-datasource-configuration',
  'malformed-request': 'mfa-private-key',
  'national-cloud-token': 'mfa-private-key',
  'identity-provider-error': 'mfa-private-key',
  'service-principal-disabled': 'mfa-private-key',
  'private-key-invalid': 'mfa-private-key',
};

/**
 * Whether a match satisfies a label, judged as shared/eval/score.mjs judges it:
 * a seed label needs its fix guide; `code:<CODE>` (or `code:<A>|<B>`) needs a
 * rule that lists one of those codes, for errors beyond the seed's fragments;
 * `fix:<guide>` needs a rule whose fix is that guide.
 */
export function satisfiesLabel(label: string, match: { fix: string; codes: readonly string[] }): boolean {
  if (label.startsWith('fix:')) return match.fix === label.slice('fix:'.length);
  if (label.startsWith('code:')) {
    const wanted = label.slice('code:'.length).toUpperCase().split('|');
    return match.codes.some((code) => wanted.includes(code.toUpperCase()));
  }
  return FIX_OF_LABEL[label] !== undefined && match.fix === FIX_OF_LABEL[label];
}

/**
 * A label the fixtures may use: `none`, a seed label, `code:` with one or more
 * codes, or `fix:<guide>` (our own sets only: for errors that carry no code,
 * the fix guide the answer must link to; shared/eval/score.mjs knows only the
 * first three).
 */
export function isKnownLabel(label: string): boolean {
  return (
    label === 'none' ||
    FIX_OF_LABEL[label] !== undefined ||
    /^code:[A-Za-z0-9.]+(\|[A-Za-z0-9.]+)*$/.test(label) ||
    /^fix:[a-z0-9]+(?:-[a-z0-9]+)*$/.test(label)
  );
}

export interface LabelledCase {
  text: string;
  expect: string;
  note?: string;
  source?: string;
}
