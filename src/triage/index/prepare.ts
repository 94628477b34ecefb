/**
 * The triage index made ready for matching: built once per engine from the
 * static index (`/triage-index.json`), so each paste only looks things up.
 *
 * - message chunks with their word positions (for the template tier);
 * - word pairs → the messages holding them: a record is compared only with
 *   messages it shares a pair with, and a long export is skimmed with them;
 * - word → the messages holding it: which other rules say all the words a
 *   paste shares with a message (a telling part of a message, or a phrase
 *   many messages share);
 * - codes → the rules claiming them (and whether the claim is shared);
 * - the vocabulary that typo correction and compound splitting may use.
 */
import { codeKey, codeWords, isEntraCode } from './template.ts';
import { type Phrase, type PreparedChunk, prepareChunk } from './chunks.ts';
import { SymbolicCodes } from './symbolic-codes.ts';
import { CODE_CONTEXT, isSignificant } from '../text/vocabulary.ts';
import { WordIndex } from './word-index.ts';
import type { TriageIndex } from '../types.ts';

const ASCII_WORD = /[a-z0-9_]+/g;

/** A word pair found in more messages than this (and this share of them) does not make candidates. */
const COMMON_PAIR_MIN = 64;
const COMMON_PAIR_SHARE = 0.02;

/** Rival rules are counted up to this many: beyond it, a phrase is generic however many more share it. */
export const RIVALS_COUNTED = 10;
const RIVAL_MEMO_LIMIT = 20_000;
/** Stands between a message's chunks: a phrase never runs across a placeholder. */
const PHRASE_BREAK = '|';

/** Other rules saying the same phrases (see PreparedIndex.rivalsOf). */
export interface Rivals {
  rules: number;
  /** Those of them whose fix differs. */
  otherFixes: number;
}

/** A rule claiming a code; a shared claim counts only together with the rule's message. */
export interface CodeClaim {
  rule: number;
  shared: boolean;
}

export class PreparedIndex {
  readonly index: TriageIndex;
  readonly chunksByMessage: PreparedChunk[][];
  /** Every significant word of every message: what typo correction may correct to. */
  readonly vocabulary = new Set<string>();
  readonly codes = new Map<string, CodeClaim[]>();
  readonly symbolic = new SymbolicCodes();
  /** The vocabulary, indexed for typo correction. */
  readonly words: WordIndex;
  /**
   * Adjacent word pair (or a one-word chunk) → messages holding it. Any run
   * that counts as evidence shares at least one such pair with the record.
   */
  private readonly pairs = new Map<string, number[]>();
  /** Significant word → the messages holding it, ascending. */
  private readonly messagesWithWord = new Map<string, number[]>();
  /** Each message's significant words, in order, with PHRASE_BREAK where a placeholder stands. */
  private readonly wordsOfMessage: string[][] = [];
  private readonly rivalMemo = new Map<string, Rivals>();
  /** Significant word → how many rules say it. */
  private readonly rulesWithWord = new Map<string, number>();
  private readonly commonPairLimit: number;
  /** Words that can start evidence: message words, symbolic codes' first words, words that introduce a bare code. */
  private readonly usefulWords = new Set<string>();

  constructor(index: TriageIndex) {
    this.index = index;
    this.chunksByMessage = index.messages.map((message, messageIndex) =>
      message.chunks.map((keys, chunkIndex) => prepareChunk(messageIndex, keys, message.sentences[chunkIndex])),
    );
    this.chunksByMessage.forEach((chunks, messageIndex) => {
      const keys = new Set<string>();
      for (const chunk of chunks) {
        for (const word of chunk.keys) if (isSignificant(word)) this.vocabulary.add(word);
        if (chunk.keys.length === 1) keys.add(chunk.keys[0]!);
        for (let i = 1; i < chunk.keys.length; i++) keys.add(pairKey(chunk.keys[i - 1]!, chunk.keys[i]!));
        // Neighbours in the skeleton too: a paste may drop or change the small words between them.
        for (let i = 1; i < chunk.skeleton.length; i++) keys.add(pairKey(chunk.keys[chunk.skeleton[i - 1]!]!, chunk.keys[chunk.skeleton[i]!]!));
      }
      for (const key of keys) {
        const list = this.pairs.get(key) ?? [];
        list.push(messageIndex);
        this.pairs.set(key, list);
      }
      const words: string[] = [];
      for (const chunk of chunks) {
        if (words.length > 0) words.push(PHRASE_BREAK);
        for (const word of chunk.keys) if (isSignificant(word)) words.push(word);
      }
      this.wordsOfMessage.push(words);
      for (const word of new Set(words)) {
        const list = this.messagesWithWord.get(word) ?? [];
        list.push(messageIndex);
        this.messagesWithWord.set(word, list);
      }
    });
    for (const [word, messages] of this.messagesWithWord) {
      this.rulesWithWord.set(word, new Set(messages.map((message) => index.messages[message]!.rule)).size);
    }
    this.commonPairLimit = Math.max(COMMON_PAIR_MIN, this.chunksByMessage.length * COMMON_PAIR_SHARE);

    index.rules.forEach((rule, ruleIndex) => {
      const shared = new Set(rule.sharedCodes.map(codeKey));
      for (const code of rule.codes) {
        const key = codeKey(code);
        const claims = this.codes.get(key) ?? [];
        claims.push({ rule: ruleIndex, shared: shared.has(key) });
        this.codes.set(key, claims);
        if (!isEntraCode(code)) this.symbolic.add(code);
      }
    });
    this.words = new WordIndex(this.vocabulary);
    for (const word of this.vocabulary) this.usefulWords.add(word);
    for (const word of CODE_CONTEXT) this.usefulWords.add(word);
    for (const code of this.codes.keys()) this.usefulWords.add(codeWords(code)[0]!);
  }

  /**
   * A cheap look at a raw record of a long export, before normalising it:
   * false only when it certainly holds nothing any message or code could
   * match. Plain ASCII text without escapes or entities reads the same raw as
   * normalised, so its words can be checked as they are; anything else is
   * always read in full.
   */
  mayMatch(raw: string): boolean {
    for (let i = 0; i < raw.length; i++) {
      const code = raw.charCodeAt(i);
      if (code > 0x7e || code === 0x5c /* \ */ || code === 0x26 /* & */) return true;
    }
    for (const word of raw.toLowerCase().matchAll(ASCII_WORD)) {
      if (this.usefulWords.has(word[0]) || word[0].startsWith('aadsts')) return true;
    }
    return false;
  }

  /**
   * Which other rules than `rule` have a message that says every one of
   * `phrases` (a paste's evidence: runs of a message's significant words),
   * each word for word and in the same order: how many (`rules`) and how
   * many of them have another fix (`otherFixes`), each counted up to
   * RIVALS_COUNTED. None means the phrases tell this rule from every other
   * ("username is empty"); one with the same fix still tells what to do ("the
   * refresh token has expired due to inactivity", which two rules say, both
   * fixed by a new refresh token); many, or any with another fix, mean the
   * phrases are what several errors say ("token expired", "the request body
   * must contain"). It depends only on rules that say those very phrases,
   * never on how many rules there are: an article about something else
   * changes no answer.
   */
  rivalsOf(rule: number, phrases: readonly Phrase[]): Rivals {
    const words = phrases.flat();
    if (words.length === 0) return { rules: RIVALS_COUNTED, otherFixes: RIVALS_COUNTED };
    const key = `${rule}|${phrases.map((phrase) => phrase.join(' ')).join(PHRASE_BREAK)}`;
    const known = this.rivalMemo.get(key);
    if (known !== undefined) return known;
    // Only messages holding the rarest of the words can say them all.
    let shortest: readonly number[] | undefined;
    for (const word of words) {
      const list = this.messagesWithWord.get(word) ?? [];
      if (!shortest || list.length < shortest.length) shortest = list;
    }
    const fix = this.index.rules[rule]!.fix;
    const rivals = new Set<number>();
    let otherFixes = 0;
    for (const message of shortest!) {
      const other = this.index.messages[message]!.rule;
      if (other === rule || rivals.has(other) || !saysPhrases(this.wordsOfMessage[message]!, phrases)) continue;
      rivals.add(other);
      if (this.index.rules[other]!.fix !== fix) otherFixes++;
      if (rivals.size >= RIVALS_COUNTED) break;
    }
    const found = { rules: rivals.size, otherFixes };
    if (this.rivalMemo.size >= RIVAL_MEMO_LIMIT) this.rivalMemo.clear();
    this.rivalMemo.set(key, found);
    return found;
  }

  /** How many rules say this word in some message (0 for a word none says). */
  rulesSaying(word: string): number {
    return this.rulesWithWord.get(word) ?? 0;
  }

  readonly adjacentInSomeMessage = (first: string, second: string): boolean => this.pairs.has(pairKey(first, second));

  /**
   * Messages sharing a word pair (or a one-word chunk) with the record. A pair
   * that thousands of messages share ("synthetic rule", boilerplate) proves
   * nothing on its own and is passed over: a message that truly matches
   * shares rarer pairs too.
   */
  candidateMessages(keys: readonly string[]): Set<number> {
    const found = new Set<number>();
    const visit = (key: string) => {
      const messages = this.pairs.get(key);
      if (messages && messages.length <= this.commonPairLimit) for (const message of messages) found.add(message);
    };
    forEachPair(keys, visit);
    return found;
  }

  /** Does the record share any word pair (or one-word chunk) with any message? Cheap: stops at the first. */
  sharesAPair(keys: readonly string[]): boolean {
    let shares = false;
    forEachPair(keys, (key) => {
      shares ||= this.pairs.has(key);
    });
    return shares;
  }
}

/** Does `said` (a message's significant words) hold each phrase word for word, the phrases in this order? */
function saysPhrases(said: readonly string[], phrases: readonly Phrase[]): boolean {
  let from = 0;
  for (const phrase of phrases) {
    const at = indexOfRun(said, phrase, from);
    if (at < 0) return false;
    from = at + phrase.length;
  }
  return true;
}

/** Where `run` starts in `words` at or after `from`, or -1. Messages are short: a plain scan. */
function indexOfRun(words: readonly string[], run: readonly string[], from: number): number {
  for (let i = from; i + run.length <= words.length; i++) {
    let j = 0;
    while (j < run.length && words[i + j] === run[j]) j++;
    if (j === run.length) return i;
  }
  return -1;
}

/** Each word of a record, and each pair of neighbours (the index holds messages' pairs with and without their small words). */
function forEachPair(keys: readonly string[], visit: (key: string) => void): void {
  for (let i = 0; i < keys.length; i++) {
    visit(keys[i]!);
    if (i > 0) visit(pairKey(keys[i - 1]!, keys[i]!));
  }
}

function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}
