/**
 * Reading a search query, without loading anything: the Entra codes in it,
 * its words, which of them are worth searching for, and whether it reads
 * like an error message pasted from the audit log (then the triage box is the
 * better tool). Also the light stemming that tells whether a page holds a
 * query's word ("expired" for "expire") or only something like it.
 */
import { entraCodesIn, firstEntraCode } from '../../triage/text/entra-code.ts';
import { ERRORISH, STOPWORDS } from '../../triage/text/vocabulary.ts';

/**
 * Words of a question that say nothing about the error: "how do I …", "what
 * does … mean", "why did my … after …". Pagefind returns only the pages that
 * hold every word of a query, so "how do I renew the token" would find just
 * the pages that happen to say "how" and "do". They are left out of the
 * search, as are the engine's stop words (a, the, is, to, …).
 */
const QUESTION_WORDS = new Set([
  'how',
  'what',
  'why',
  'where',
  'when',
  'which',
  'who',
  'whose',
  'i',
  'me',
  'my',
  'we',
  'us',
  'our',
  'did',
  'done',
  'doing',
  'mean',
  'means',
  'meaning',
  'get',
  'got',
  'after',
  'since',
  'before',
  'just',
  'now',
  'please',
  'keeps',
  'keep',
]);

/** A word as the search reads it: letters and digits, joined by a hyphen, an apostrophe or (between digits) a dot. */
const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;
/** Five to seven digits standing alone, where the query has no Entra code (Microsoft's lookup takes the digits: "error 50053"). */
const BARE_DIGITS = /(?<![\p{L}\p{N}.])\d{5,7}(?![\p{L}\p{N}.])/gu;
/** Long queries are pasted logs: read the start only. */
const MAX_QUERY = 500;

export interface SearchQuery {
  /** Entra codes, upper case, each once ("AADSTS50199"). */
  codes: string[];
  /** Every word, lower case, in order. */
  tokens: string[];
  /** The words to search for: `tokens` without question and stop words (all of them when nothing else is left). */
  words: string[];
  /** "How do I …", "how to …": the answer is a procedure, a guide. */
  asksHow: boolean;
}

/** True for a word a search should not require: "how", "the", "my", … */
export function isFillerWord(word: string): boolean {
  return STOPWORDS.has(word) || QUESTION_WORDS.has(word);
}

export function readQuery(text: string): SearchQuery {
  const typed = text.slice(0, MAX_QUERY);
  let codes = entraCodesIn(typed);
  if (codes.length === 0) codes = [...typed.matchAll(BARE_DIGITS)].map((match) => `AADSTS${match[0]}`);
  const tokens = [...typed.toLowerCase().matchAll(WORD)].map((match) => match[0]);
  const words = tokens.filter((word) => !isFillerWord(word));
  return { codes: [...new Set(codes)], tokens, words: words.length > 0 ? words : tokens, asksHow: tokens[0] === 'how' };
}

/** Words in a query, counted up to a small bound. */
function wordCount(query: string, max = 12): number {
  let words = 0;
  for (const _ of query.slice(0, MAX_QUERY).matchAll(/[\p{L}\p{N}]{2,}/gu)) if (++words >= max) break;
  return words;
}

/**
 * True when a query reads like an error copied from the audit log rather
 * than search words: an Entra code, a long sentence, or error words with a
 * few more around them ("refresh token has expired due to inactivity"); a
 * question without a code never does.
 */
/** The words a question starts with ("I get this error: …" is a ticket quoting one, not a question). */
const ASKING = new Set(['how', 'what', 'why', 'where', 'when', 'which', 'who']);

export function looksLikeErrorMessage(query: string): boolean {
  const text = query.trim();
  if (firstEntraCode(text)) return true;
  // A question ("how do I give the account the eDiscovery role") is search words however long: no log line asks one.
  const first = /^[\p{L}]+/u.exec(text.toLowerCase())?.[0];
  if ((first !== undefined && ASKING.has(first)) || text.endsWith('?')) return false;
  const words = wordCount(text);
  if (words >= 8) return true;
  return words >= 4 && ERRORISH.test(text);
}

/** The triage page prefilled with `text` (the fragment never reaches a server). */
export function triageLink(text: string): string {
  return `/triage/#q=${encodeURIComponent(text.trim())}`;
}

/** Endings taken off so that a word's forms compare equal; longest first, the stem keeps three letters. */
const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ions', 'ion', 'ies', 'ied', 'ed', 'es', 's', 'y', 'e'];

/**
 * A light English stemmer, enough to tell that "expire", "expired",
 * "expires" and "expiry" are one word (and "stop" and "stopped"), that
 * "expird" is none of them, and that "sync" is not "synchronised". Pagefind
 * stems too (Snowball), but does not say whether a result holds the word
 * itself or only a word beginning like it.
 */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length < 3 || !word.endsWith(suffix)) continue;
    if (suffix === 's' && word.endsWith('ss')) continue; // "access", not "acces"
    const rest = word.slice(0, -suffix.length);
    // "stopped", "stopping": "stop" (but "fall", "access" keep their doubled letter).
    return /([b-df-hj-kmnp-rtv-z])\1$/.test(rest) && (suffix === 'ed' || suffix.startsWith('ing')) ? rest.slice(0, -1) : rest;
  }
  return word;
}

/** The stems of every word of a text, for asking whether it holds a query's words. */
export function stemsOf(text: string): Set<string> {
  const stems = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) stems.add(stem(match[0]));
  return stems;
}

/** The parts of a query word as a page's text splits them ("re-enable": "re", "enable"). */
export function partsOf(word: string): string[] {
  return word.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
