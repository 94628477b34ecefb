/**
 * The triage index made ready for matching: built once per engine from the
 * static index (`/triage-index.json`), so each paste only looks things up.
 *
 * - message chunks with their word positions (for the template tier);
 * - word pairs → the messages holding them: a record is compared only with
 *   messages it shares a pair with, and a long export is skimmed with them;
 * - word rarity across rules: how telling a found word is;
 * - codes → the rules claiming them (and whether the claim is shared);
 * - the vocabulary that typo correction and compound splitting may use.
 */
import { codeKey, codeWords, isEntraCode } from './template.ts';
import { CODE_CONTEXT, SymbolicCodes } from '../match/codes.ts';
import { TypoCorrector } from '../match/fuzzy.ts';
import { type PreparedChunk, prepareChunk } from '../match/lexical.ts';
import { isSignificant } from '../text/vocabulary.ts';
import type { TriageIndex } from '../types.ts';

const ASCII_WORD = /[a-z0-9_]+/g;

/** A word pair found in more messages than this (and this share of them) does not make candidates. */
const COMMON_PAIR_MIN = 64;
const COMMON_PAIR_SHARE = 0.02;

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
  readonly typos: TypoCorrector;
  /**
   * Adjacent word pair (or a one-word chunk) → messages holding it. Any run
   * that counts as evidence shares at least one such pair with the record.
   */
  private readonly pairs = new Map<string, number[]>();
  /** Word → its rarity across rules, 0 (in every rule's messages) to 1 (in one rule's). */
  private readonly rarities = new Map<string, number>();
  private readonly commonPairLimit: number;
  /** Words that can start evidence: message words, symbolic codes' first words, words that introduce a bare code. */
  private readonly usefulWords = new Set<string>();

  constructor(index: TriageIndex) {
    this.index = index;
    this.chunksByMessage = index.messages.map((message, messageIndex) =>
      message.chunks.map((keys, chunkIndex) => prepareChunk(messageIndex, keys, message.sentences[chunkIndex])),
    );
    const wordsByRule = new Map<number, Set<string>>();
    this.chunksByMessage.forEach((chunks, messageIndex) => {
      const keys = new Set<string>();
      for (const chunk of chunks) {
        for (const word of chunk.keys) if (isSignificant(word)) this.vocabulary.add(word);
        if (chunk.keys.length === 1) keys.add(chunk.keys[0]!);
        for (let i = 1; i < chunk.keys.length; i++) keys.add(pairKey(chunk.keys[i - 1]!, chunk.keys[i]!));
      }
      for (const key of keys) {
        const list = this.pairs.get(key) ?? [];
        list.push(messageIndex);
        this.pairs.set(key, list);
      }
      const rule = index.messages[messageIndex]!.rule;
      const words = wordsByRule.get(rule) ?? new Set<string>();
      for (const chunk of chunks) for (const word of chunk.keys) words.add(word);
      wordsByRule.set(rule, words);
    });
    // Rarity counts rules, not messages: a rule documented in many wordings
    // must not make its own telling words look common.
    const rulesWithWord = new Map<string, number>();
    for (const words of wordsByRule.values()) for (const word of words) rulesWithWord.set(word, (rulesWithWord.get(word) ?? 0) + 1);
    const total = Math.max(2, wordsByRule.size);
    for (const [word, count] of rulesWithWord) this.rarities.set(word, Math.log(total / count) / Math.log(total));
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
    this.typos = new TypoCorrector([...this.vocabulary]);
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

  readonly rarity = (word: string): number => this.rarities.get(word) ?? 1;

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
    for (let i = 0; i < keys.length; i++) {
      visit(keys[i]!);
      if (i > 0) visit(pairKey(keys[i - 1]!, keys[i]!));
    }
    return found;
  }

  /** Does the record share any word pair (or one-word chunk) with any message? Cheap: stops at the first. */
  sharesAPair(keys: readonly string[]): boolean {
    for (let i = 0; i < keys.length; i++) {
      if (this.pairs.has(keys[i]!)) return true;
      if (i > 0 && this.pairs.has(pairKey(keys[i - 1]!, keys[i]!))) return true;
    }
    return false;
  }
}

function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}
