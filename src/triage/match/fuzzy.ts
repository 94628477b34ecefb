/**
 * Typo tolerance: for each unknown word of a paste, the knowledge base's
 * word it most likely meant. Candidates are every vocabulary word within the
 * slips its length allows (match/edit-distance.ts: "expierd" is one swap
 * from "expired", "emtpy" one from "empty"), found exactly, by length
 * (index/word-index.ts) rather than guessed by a fuzzy-search ranking. Of the
 * closest, the one the paste's neighbouring word stands beside in some
 * message wins ("password expird" → "expired", not "expiry"); then the one
 * keeping the word's first letter; then the first in alphabetical order, so
 * the same paste is always read the same way. A cut-off last word
 * ("inactiv") is completed from the vocabulary by prefix.
 */
import { WordIndex } from '../index/word-index.ts';
import type { Token } from '../text/tokenise.ts';
import { isSignificant } from '../text/vocabulary.ts';
import { allowedSlips, editDistance } from './edit-distance.ts';

const MIN_WORD = 4;
const MAX_WORD = 32;
/** Bounds the work on a long paste full of unknown words. */
const MAX_LOOKUPS = 64;
/** Log exports repeat the same words thousands of times: each is looked up once. */
const MEMO_LIMIT = 20_000;

/** Do these two words stand side by side (small words aside) in some message? */
export type Neighbours = (first: string, second: string) => boolean;

export class TypoCorrector {
  private readonly words: WordIndex;
  /** Word → its closest vocabulary words (all at the fewest slips). */
  private readonly closest = new Map<string, string[]>();
  private readonly completed = new Map<string, string | null>();

  constructor(vocabulary: WordIndex | Iterable<string>) {
    this.words = vocabulary instanceof WordIndex ? vocabulary : new WordIndex(vocabulary);
  }

  /** Token index → the vocabulary word it most likely meant. */
  correct(tokens: readonly Token[], known: ReadonlySet<string>, neighbours: Neighbours = () => false): Map<number, string> {
    const corrections = new Map<number, string>();
    let lookups = 0;
    tokens.forEach((token, index) => {
      if (token.mask || token.code || known.has(token.key) || lookups >= MAX_LOOKUPS) return;
      const word = token.key;
      if (word.length < 3 || word.length > MAX_WORD || /\d/.test(word)) return;
      lookups++;
      const isLast = index === tokens.length - 1;
      const completed = isLast ? remember(this.completed, word, () => this.words.startingWith(word).sort((a, b) => a.length - b.length)[0] ?? null) : null;
      if (completed) {
        corrections.set(index, completed);
        return;
      }
      if (word.length < MIN_WORD) return;
      const candidates = remember(this.closest, word, () => this.closestWords(word));
      const chosen = candidates.length <= 1 ? candidates[0] : this.inContext(candidates, word, tokens, index, neighbours);
      if (chosen) corrections.set(index, chosen);
    });
    return corrections;
  }

  /** Every vocabulary word within the slips `word` allows, at the fewest slips found. */
  private closestWords(word: string): string[] {
    const slips = allowedSlips(word.length);
    let best = slips + 1;
    let found: string[] = [];
    for (const candidate of this.words.ofLengths(word.length - slips, word.length + slips)) {
      if (candidate.length < MIN_WORD) continue;
      const distance = editDistance(word, candidate, Math.min(slips, best));
      if (distance > slips || distance > best) continue;
      if (distance < best) [best, found] = [distance, []];
      found.push(candidate);
    }
    return found;
  }

  /** Of equally close words, the one the paste's neighbours go with; then the one keeping the first letter; then the first. */
  private inContext(candidates: readonly string[], word: string, tokens: readonly Token[], index: number, neighbours: Neighbours): string {
    const before = neighbourOf(tokens, index, -1);
    const after = neighbourOf(tokens, index, 1);
    const fits = (candidate: string) => (before !== undefined && neighbours(before, candidate)) || (after !== undefined && neighbours(candidate, after));
    return candidates.find(fits) ?? candidates.find((candidate) => candidate[0] === word[0]) ?? candidates[0]!;
  }
}

/** The nearest significant word before (`step` -1) or after (+1) token `index`. */
function neighbourOf(tokens: readonly Token[], index: number, step: -1 | 1): string | undefined {
  for (let i = index + step; i >= 0 && i < tokens.length; i += step) {
    const token = tokens[i]!;
    if (!token.mask && isSignificant(token.key)) return token.key;
  }
  return undefined;
}

function remember<T>(cache: Map<string, T>, word: string, compute: () => T): T {
  const known = cache.get(word);
  if (known !== undefined) return known;
  const value = compute();
  if (cache.size < MEMO_LIMIT) cache.set(word, value);
  return value;
}
