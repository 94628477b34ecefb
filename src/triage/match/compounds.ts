/**
 * Compound words written as one: "multifactor" where the message says
 * "multi-factor" (tokenised as "multi", "factor"), "signin" for "sign-in".
 * A word the rules do not know is split in two when the halves stand side by
 * side in some message; the halves keep their exact offsets, so evidence is
 * still highlighted in the user's own text. Linear: one lookup per cut point
 * of each unknown word, and words are at most MAX_WORD letters.
 */
import type { Token } from '../text/tokenise.ts';

const MIN_WORD = 5;
const MAX_WORD = 32;
const MIN_PART = 2;

export function splitCompounds(
  tokens: Token[],
  known: (word: string) => boolean,
  adjacentInSomeMessage: (first: string, second: string) => boolean,
): Token[] {
  let split: Token[] | null = null;
  tokens.forEach((token, index) => {
    const word = token.key;
    const parts =
      !token.mask && !token.code && word.length >= MIN_WORD && word.length <= MAX_WORD && !known(word) && word.length === token.end - token.start
        ? cut(word, adjacentInSomeMessage)
        : null;
    if (!parts) {
      split?.push(token);
      return;
    }
    split ??= tokens.slice(0, index);
    const middle = token.start + parts[0].length;
    split.push({ key: parts[0], start: token.start, end: middle }, { key: parts[1], start: middle, end: token.end });
  });
  return split ?? tokens;
}

function cut(word: string, adjacent: (first: string, second: string) => boolean): [string, string] | null {
  for (let at = MIN_PART; at <= word.length - MIN_PART; at++) {
    const first = word.slice(0, at);
    const second = word.slice(at);
    if (adjacent(first, second)) return [first, second];
  }
  return null;
}
