/**
 * What a result means for a person, decided once: which matches are answers
 * and which only suggestions, which failed lines no rule recognised, where
 * each error was found, and how to say all that in one sentence. The page,
 * the CLI and the embed only format what this module returns.
 */
import { plural } from '../text/wording.ts';
import type { Confidence, Match, Segment, TopMatch, TriageResult } from '../types.ts';
import { microsoftLookupUrl } from './explain.ts';

/** An answer is shown as the diagnosis; anything less confident is only a suggestion. */
export function isAnswer(match: Pick<Match, 'confidence'>): boolean {
  return match.confidence === 'high' || match.confidence === 'medium';
}

/** How a confidence is announced: "Found" only when we are sure. */
export const VERDICT: Record<Confidence, string> = {
  high: 'Found',
  medium: 'Likely',
  low: 'Possibly',
};

/** The distinct errors to present as answers, best first. */
export function answersOf(result: TriageResult): TopMatch[] {
  return result.matches.filter(isAnswer);
}

/**
 * Errors in the order the paste shows them: in an export, the order of the
 * first record each was found in (an admin reads an export top to bottom);
 * in a single message, best first. Errors whose records were all left out
 * of `segments` (a huge export) come last, best first.
 */
export function answersInLogOrder(result: TriageResult): TopMatch[] {
  const answers = answersOf(result);
  if (result.stats.records <= 1) return answers;
  const firstListed = (match: TopMatch) => match.segments[0] ?? Number.POSITIVE_INFINITY;
  return answers
    .map((match, rank) => ({ match, rank }))
    .sort((a, b) => firstListed(a.match) - firstListed(b.match) || a.rank - b.rank)
    .map(({ match }) => match);
}

export const MAX_SUGGESTIONS = 3;

/** Closest articles, offered only when nothing was answered. */
export function suggestionsOf(result: TriageResult): TopMatch[] {
  return answersOf(result).length > 0 ? [] : result.matches.slice(0, MAX_SUGGESTIONS);
}

/** "12" or "12–14". */
export function lineRange([first, last]: readonly [number, number]): string {
  return first === last ? `${first}` : `${first}–${last}`;
}

/** Where an error was found: its line ranges, the first `max` of them, and how many more. */
export function linesOf(match: Pick<TopMatch, 'segments'>, segments: readonly Segment[], max = 10): { ranges: string[]; more: number } {
  const ranges = match.segments.slice(0, max).map((index) => lineRange(segments[index]!.lines));
  return { ranges, more: Math.max(0, match.segments.length - max) };
}

/** "line 12", "lines 3–5, 40 and 2 more": a match's places in the paste, in words. */
export function describeLines(match: Pick<TopMatch, 'segments'>, segments: readonly Segment[], max = 10): string {
  const { ranges, more } = linesOf(match, segments, max);
  const single = ranges.length === 1 && more === 0 && !ranges[0]!.includes('–');
  return `${single ? 'line' : 'lines'} ${ranges.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en')} more` : ''}`;
}

/** A code, and Microsoft's public page for it when it is an Entra code. */
export interface CodeReference {
  code: string;
  lookupUrl?: string;
}

export function codeReference(code: string): CodeReference {
  const lookupUrl = microsoftLookupUrl(code);
  return lookupUrl ? { code, lookupUrl } : { code };
}

/** A failed line that no rule answers: enough to find it in the log and look it up. */
export interface UnrecognisedRecord {
  /** Index into `result.segments`. */
  segment: number;
  lines: [number, number];
  /** The record's first words, on one line. */
  firstWords: string;
  codes: CodeReference[];
  datasource?: string;
}

const FIRST_WORDS_CHARS = 100;

/** The start of a text on one line, cut at a word near `max` characters. */
export function firstWords(text: string, max = FIRST_WORDS_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Every listed record that looks like a failure and has no answer, in input order. */
export function unrecognisedOf(result: TriageResult): UnrecognisedRecord[] {
  const records: UnrecognisedRecord[] = [];
  result.segments.forEach((segment, index) => {
    if (!segment.failed || segment.matches.some(isAnswer)) return;
    records.push({
      segment: index,
      lines: segment.lines,
      firstWords: firstWords(segment.text),
      codes: segment.unknownCodes.map(codeReference),
      ...(segment.datasource ? { datasource: segment.datasource } : {}),
    });
  });
  return records;
}

export { plural } from '../text/wording.ts';

/**
 * One sentence for the top of the result and for screen readers: the answer
 * ("Found: X." only when sure, "Likely: X." otherwise), then what was not
 * recognised, so a failure no rule knows is never silently dropped.
 */
export function summaryOf(result: TriageResult): string {
  // Named in the order the result lists them, so the error the sentence names is the first one shown.
  const answers = answersInLogOrder(result);
  const unrecognised = result.stats.unrecognised;
  const parts: string[] = [];
  if (answers.length === 1) {
    parts.push(`${VERDICT[answers[0]!.confidence]}: ${answers[0]!.title}.`);
  } else if (answers.length > 1) {
    parts.push(`${answers.length} different errors. ${VERDICT[answers[0]!.confidence]}: ${answers[0]!.title}, and ${plural(answers.length - 1, 'other')}.`);
  } else {
    parts.push('No known error was recognised.');
  }
  if (unrecognised > 0 && answers.length > 0) {
    parts.push(`${plural(unrecognised, 'other failed line')} ${unrecognised === 1 ? 'was' : 'were'} not recognised.`);
  }
  return parts.join(' ');
}

/**
 * The one heading of a result, in plain words. It names no error (each card
 * below has its own title), so it never repeats what follows it.
 */
export function headingOf(result: TriageResult): string {
  const answers = answersOf(result);
  if (answers.length === 0) return 'No known error recognised';
  if (answers.length > 1) return `We found ${answers.length.toLocaleString('en')} different errors`;
  return answers[0]!.confidence === 'high' ? 'We found the error' : 'This is probably the error';
}

/** "1 other failed line was not recognised." — shown under the heading; '' when every failed line has an answer. */
export function unrecognisedNote(result: TriageResult): string {
  const unrecognised = result.stats.unrecognised;
  if (unrecognised === 0 || answersOf(result).length === 0) return '';
  return `${plural(unrecognised, 'other failed line')} ${unrecognised === 1 ? 'was' : 'were'} not recognised (listed below).`;
}

/** What was read, in plain words: "Read 200 log entries: 196 routine, 3 with a known error, 1 failure not recognised." */
export function readSentence(stats: TriageResult['stats']): string {
  const parts = [
    stats.skipped > 0 ? `${stats.skipped.toLocaleString('en')} routine` : '',
    stats.recognised > 0 ? `${stats.recognised.toLocaleString('en')} with a known error` : '',
    stats.unrecognised > 0 ? `${plural(stats.unrecognised, 'failure')} not recognised` : '',
  ].filter(Boolean);
  const read = `Read ${plural(stats.records, 'log entry', 'log entries')}`;
  return parts.length > 0 && stats.records > 1 ? `${read}: ${parts.join(', ')}.` : `${read}.`;
}
