/**
 * Typo tolerance. fuse.js compares each unknown word of a paste with the
 * rules' vocabulary, one word at a time: handing Fuse a whole pasted line
 * would cut it into 32-character pieces and average their scores, which
 * matches anything (TOOLCHAIN.md). A cut-off last word ("inactiv") is
 * completed from the vocabulary by prefix.
 */
import Fuse from 'fuse.js';
import type { Token } from '../text/tokenise.ts';

/** Fuse scores run from 0 (same) to 1; above this a "correction" is a guess. */
const MAX_SCORE = 0.25;
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

  private closest(word: string): string | null {
    const [best] = this.search(word);
    const close = best && best.score !== undefined && best.score <= MAX_SCORE && Math.abs(best.item.length - word.length) <= 2;
    return close ? best.item : null;
  }

  private search(word: string) {
    this.fuse ??= new Fuse(this.vocabulary.filter((entry) => entry.length >= MIN_WORD), {
      includeScore: true,
      threshold: MAX_SCORE,
      ignoreLocation: true,
      isCaseSensitive: true,
    });
    return this.fuse.search(word, { limit: 1 });
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
