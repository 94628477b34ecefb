/**
 * Evidence: the stretches of the user's own text that support a match, mapped
 * back through normalisation to offsets in the paste, and the variable parts
 * that were ignored.
 */
import type { NormalisedText } from '../text/normalise.ts';
import type { Token } from '../text/tokenise.ts';
import type { Evidence, IgnoredPart } from '../types.ts';

/** One record being diagnosed: its text, tokens, and how to map back to the input. */
export interface RecordView {
  input: string;
  offset: number;
  normalised: NormalisedText;
  tokens: Token[];
  keys: string[];
  significantWords: number;
}

/** Maps a token range of the record back to the user's own text. */
export function spanOf(view: RecordView, first: number, last: number, kind: Evidence['kind']): Evidence {
  const { map } = view.normalised;
  const start = view.offset + map[view.tokens[first]!.start]!;
  const endToken = view.tokens[last]!;
  const end = view.offset + map[endToken.end - 1]! + 1;
  return { start, end, text: view.input.slice(start, end), kind };
}

export function spanLength(spans: Evidence[]): number {
  return spans.reduce((total, span) => total + span.end - span.start, 0);
}

/**
 * Characters covered by both sets of spans. Both come from mergeEvidence
 * (sorted, disjoint), so one sweep suffices: linear, not |a|×|b|, which a
 * paste repeating a message thousands of times would make quadratic.
 */
export function sharedLength(a: Evidence[], b: Evidence[]): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i]!;
    const y = b[j]!;
    shared += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    if (x.end <= y.end) i++;
    else j++;
  }
  return shared;
}

export function mergeEvidence(spans: Evidence[]): Evidence[] {
  const all = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Evidence[] = [];
  for (const span of all) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) continue; // nested or overlapping: keep the first, wider span
    merged.push(span);
  }
  return merged;
}

const MAX_IGNORED = 20;

export function ignoredParts(view: RecordView): IgnoredPart[] {
  const parts: IgnoredPart[] = [];
  const seen = new Set<string>();
  for (let t = 0; t < view.tokens.length && parts.length < MAX_IGNORED; t++) {
    const token = view.tokens[t]!;
    if (!token.mask) continue;
    const span = spanOf(view, t, t, 'message');
    if (seen.has(span.text)) continue;
    seen.add(span.text);
    parts.push({ kind: token.mask, text: span.text });
  }
  return parts;
}
