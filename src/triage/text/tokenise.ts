/**
 * Tokenising with masking: split normalised text into word tokens and replace
 * variable parts (GUIDs, timestamps, e-mail addresses, thumbprints, IPs,
 * numbers …) by one placeholder token each, so that two pastes of the same
 * error look the same and an id never counts as evidence.
 *
 * Every quantifier in the pattern is bounded or ends the alternation, so the
 * scan is linear in the length of the text whatever it contains.
 */
import { ENTRA_CODE_SOURCE } from './entra-code.ts';

export type MaskKind = 'guid' | 'timestamp' | 'date' | 'time' | 'duration' | 'email' | 'ip' | 'hex' | 'number' | 'datasource';

export interface Token {
  /** What comparisons use: the word itself, or `<kind>` for a masked part. */
  key: string;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  /** Set when the token is a masked variable part. */
  mask?: MaskKind;
  /** Set when the token is an Entra code such as `aadsts700082`. */
  code?: boolean;
}

const TOKEN_PATTERN = new RegExp(
  [
    '(?<placeholder><(?:guid|timestamp|date|duration|time|email|ip|hex|number)>)',
    '(?<url>https?://[\\w.-]{1,253}(?:/[\\w./?=&%~+#-]{0,512})?)',
    '(?<guid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})',
    '(?<timestamp>\\d{4}-\\d{2}-\\d{2}[t ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:z|[+-]\\d{2}:?\\d{2})?)',
    '(?<date>\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})',
    '(?<duration>\\d{1,6}\\.\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)',
    '(?<time>\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:z)?)',
    '(?<email>[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,8})',
    '(?<ip>\\d{1,3}(?:\\.\\d{1,3}){3})',
    `(?<code>${ENTRA_CODE_SOURCE})(?![\\p{L}\\p{N}])`,
    '(?<hex>(?:0x)?[0-9a-f]{16,256})(?![\\p{L}\\p{N}_])',
    '(?<compound>\\p{L}[\\p{L}\\p{N}_]{0,63}(?:-\\p{L}[\\p{L}\\p{N}_]{0,63}){1,4})(?![\\p{L}\\p{N}_-])',
    '(?<word>[\\p{L}\\p{N}_]+)',
  ].join('|'),
  'gu',
);

const MASKS: MaskKind[] = ['guid', 'timestamp', 'date', 'duration', 'time', 'email', 'ip', 'hex'];

/** A word as it is compared; a number, masked. */
function wordToken(word: string, start: number): Token {
  return /^\d+$/.test(word) ? { key: '<number>', start, end: start + word.length, mask: 'number' } : { key: word, start, end: start + word.length };
}

/** Splits normalised text into tokens, masking variable parts. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const groups = match.groups!;
    const start = match.index!;
    const value = match[0];
    if (groups.word !== undefined) {
      // The commonest token first: a plain word or number.
      tokens.push(wordToken(value, start));
      continue;
    }
    if (groups.url !== undefined) {
      // A URL's words are kept: "ps.compliance.protection.outlook.com" is evidence
      // for a resource, yet a placeholder in a template may stand for it.
      for (const inner of value.matchAll(/[\p{L}\p{N}_]+/gu)) tokens.push(wordToken(inner[0], start + inner.index!));
      continue;
    }
    if (groups.placeholder !== undefined) {
      // Already masked (a redacted log, or masking applied twice): stays as it is.
      tokens.push({ key: value, start, end: start + value.length, mask: value.slice(1, -1) as MaskKind });
      continue;
    }
    if (groups.code !== undefined) {
      tokens.push({ key: value, start, end: start + value.length, code: true });
      continue;
    }
    if (groups.compound !== undefined) {
      // "multi-factor", "sign-in", "e-mail": one word, written with or without
      // its hyphen ("multifactor" is the same word).
      tokens.push({ key: value.replaceAll('-', ''), start, end: start + value.length });
      continue;
    }
    const kind = MASKS.find((name) => groups[name] !== undefined)!;
    tokens.push({ key: `<${kind}>`, start, end: start + value.length, mask: kind });
  }
  return tokens;
}

/**
 * Masks the tokens that lie within [start, end) of the original text (via
 * the normalised text's offset map): used for a record's datasource clause.
 */
export function maskSpan(tokens: Token[], map: Int32Array, start: number, end: number, kind: MaskKind): Token[] {
  return tokens.map((token) => {
    const from = map[token.start]!;
    return from >= start && from < end && !token.code ? { ...token, key: `<${kind}>`, mask: kind } : token;
  });
}
