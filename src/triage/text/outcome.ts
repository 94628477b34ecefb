/**
 * Does a log record say that something failed? A record is a failure when it
 * says so in failure words (text/vocabulary.ts FAILURE_WORDS) — but not when
 * those words are counted as zero or negated, which is how a successful run
 * reports itself:
 *
 *   INFO Datasource 'Finance US': Preservation run completed: 388 mailboxes, 0 failures
 *   Completed with no errors.            0 errors, 0 warnings            failed: 0
 *
 * are routine, while "… completed: 388 mailboxes, 3 failures" is a failure.
 * Codes are judged by the engine (a record carrying an error code is a
 * failure whatever it says); this module reads words only.
 */
import { FAILURE_WORDS } from './vocabulary.ts';

/** A failure word (noun or participle) as a success report counts it. */
const COUNTED = String.raw`(?:errors?|failures?|failed|exceptions?|faults?)`;

/**
 * Failure words counted as none: "0 failures", "no errors", "without error",
 * "zero failures", "errors: 0", "failed=0", "Failed: 0, Succeeded: 12",
 * "never failed" is not a count and stays. Every quantifier is bounded.
 */
const NONE_OF = new RegExp(
  [
    String.raw`\b(?:0|no|zero|without(?: any)?)\s{1,3}(?:\w{1,20}\s{1,3})?${COUNTED}\b`,
    String.raw`\b${COUNTED}\s{0,3}[:=]\s{0,3}(?:0|none)\b(?![.,]\d)`,
    String.raw`"${COUNTED}"\s{0,3}:\s{0,3}(?:0|\[\s{0,3}\]|null)`,
  ].join('|'),
  'gi',
);

/** The record's text with failure words counted as none taken out. */
export function withoutZeroCounts(text: string): string {
  return text.replace(NONE_OF, ' ');
}

/** True when the record says, in words, that something failed. */
export function saysFailure(text: string): boolean {
  return FAILURE_WORDS.test(withoutZeroCounts(text));
}
