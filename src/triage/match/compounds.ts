/**
 * Compound words, however they are written. The tokeniser reads a hyphenated
 * word as one ("multi-factor" → "multifactor", in templates and pastes
 * alike); this reads the other two spellings the way the messages have them:
 * - written apart: "multi factor" is joined when the rules know "multifactor",
 *   do not know both halves on their own, and no message has the halves side
 *   by side ("tenant ID" stays two words although another message says "TenantID");
 * - run together where a message has two words: "signin" is split when
 *   "sign in" stands side by side in some message.
 * Joined and split words keep their exact offsets, so evidence is still
 * highlighted in the user's own text. Linear: one lookup per neighbour pair
 * and one per cut point of each unknown word (words are at most MAX_WORD).
 */
import type { Token } from '../text/tokenise.ts';

const MIN_WORD = 5;
const MAX_WORD = 32;
const MIN_PART = 2;

const plainWord = (token: Token | undefined) => token !== undefined && !token.mask && !token.code && token.key.length <= MAX_WORD;

export function readCompounds(tokens: Token[], known: (word: string) => boolean, adjacentInSomeMessage: (first: string, second: string) => boolean): Token[] {
  let read: Token[] | null = null; // copied only once something changes
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const next = tokens[index + 1];
    const apart = plainWord(token) && plainWord(next) && next!.start - token.end <= 1;
    // Joined only when no message has the two words side by side: "tenant ID" stays two words, though another message says "TenantID".
    if (apart && !(known(token.key) && known(next!.key)) && known(token.key + next!.key) && !adjacentInSomeMessage(token.key, next!.key)) {
      read ??= tokens.slice(0, index);
      read.push({ key: token.key + next!.key, start: token.start, end: next!.end });
      index++;
      continue;
    }
    const parts =
      plainWord(token) && token.key.length >= MIN_WORD && !known(token.key) && token.key.length === token.end - token.start
        ? cut(token.key, adjacentInSomeMessage)
        : null;
    if (!parts) {
      read?.push(token);
      continue;
    }
    read ??= tokens.slice(0, index);
    const middle = token.start + parts[0].length;
    read.push({ key: parts[0], start: token.start, end: middle }, { key: parts[1], start: middle, end: token.end });
  }
  return read ?? tokens;
}

function cut(word: string, adjacent: (first: string, second: string) => boolean): [string, string] | null {
  for (let at = MIN_PART; at <= word.length - MIN_PART; at++) {
    const first = word.slice(0, at);
    const second = word.slice(at);
    if (adjacent(first, second)) return [first, second];
  }
  return null;
}
