/**
 * Typo tolerance. fuse.js finds, for each unknown word of a paste, the
 * rules' vocabulary words that look like it, one word at a time (handing Fuse
 * a whole pasted line would cut it into 32-character pieces and average their
 * scores, which matches anything: TOOLCHAIN.md). Fuse's score is a ranking,
 * not a count of slips, so each candidate is then checked by edit distance:
 * "expierd" is one swap from "expired", "emtpy" one from "empty". A cut-off
 * last word ("inactiv") is completed from the vocabulary by prefix.
 */
import Fuse from 'fuse.js';
import type { Token } from '../text/tokenise.ts';
import { allowedSlips, editDistance } from './edit-distance.ts';

/** Fuse scores run from 0 (same) to 1; candidates above this are not considered at all. */
const CANDIDATE_SCORE = 0.45;
const CANDIDATES = 6;
const MIN_WORD = 4;
const MAX_WORD = 32;
/** Bounds the work on a long paste full of unknown words. */
const MAX_LOOKUPS = 64;
/** Log exports repeat the same words thousands of times: each is looked up once. */
const MEMO_LIMIT = 20_000;

export class TypoCorrector {
  private fuse: Fuse<string> | null = null;
  private readonly vocabulary: string[];
  private readonly corrected = new Map<string, string | null>();
  private readonly completed = new Map<string, string | null>();

  constructor(vocabulary: string[]) {
    this.vocabulary = vocabulary;
  }

  /** Token index → the vocabulary word it most likely meant. */
  correct(tokens: readonly Token[], known: ReadonlySet<string>): Map<number, string> {
    const corrections = new Map<number, string>();
    let lookups = 0;
    tokens.forEach((token, index) => {
      if (token.mask || token.code || known.has(token.key) || lookups >= MAX_LOOKUPS) return;
      const word = token.key;
      if (word.length < 3 || word.length > MAX_WORD || /\d/.test(word)) return;
      lookups++;
      const isLast = index === tokens.length - 1;
      const completed = isLast ? memo(this.completed, word, () => this.complete(word)) : null;
      if (completed) {
        corrections.set(index, completed);
        return;
      }
      if (word.length < MIN_WORD) return;
      const correction = memo(this.corrected, word, () => this.closest(word));
      if (correction) corrections.set(index, correction);
    });
    return corrections;
  }

  /** The vocabulary word within the allowed slips of `word`, fewest slips first, then Fuse's ranking. */
  private closest(word: string): string | null {
    const slips = allowedSlips(word.length);
    let best: { item: string; distance: number } | null = null;
    for (const candidate of this.search(word)) {
      const distance = editDistance(word, candidate.item, slips);
      if (distance <= slips && (!best || distance < best.distance)) best = { item: candidate.item, distance };
    }
    return best?.item ?? null;
  }

  private search(word: string) {
    this.fuse ??= new Fuse(this.vocabulary.filter((entry) => entry.length >= MIN_WORD), {
      includeScore: true,
      threshold: CANDIDATE_SCORE,
      ignoreLocation: true,
      isCaseSensitive: true,
    });
    return this.fuse.search(word, { limit: CANDIDATES });
  }

  /** Completes a word cut off at the end of a paste, when exactly one reading is likely. */
  private complete(prefix: string): string | null {
    const candidates = this.vocabulary.filter((entry) => entry.length > prefix.length && entry.startsWith(prefix));
    candidates.sort((a, b) => a.length - b.length);
    return candidates[0] ?? null;
  }
}

function memo(cache: Map<string, string | null>, word: string, compute: () => string | null): string | null {
  const known = cache.get(word);
  if (known !== undefined) return known;
  const value = compute();
  if (cache.size < MEMO_LIMIT) cache.set(word, value);
  return value;
}
