/**
 * Matching one record, in tiers, most specific first: error codes; message
 * templates; then templates again with misspelt words corrected (the engine
 * asks for that tier only when the first two left no answer). What comes out
 * is evidence per rule — the codes found, every message's reading — with no
 * verdict: the decide stage turns it into confidences.
 */
import type { PreparedIndex, Rivals } from '../index/prepare.ts';
import { isSignificant, isTelling } from '../text/vocabulary.ts';
import type { Evidence } from '../types.ts';
import type { CodeHit } from './codes.ts';
import { type RecordView, spanOf } from './evidence.ts';
import { type Contradiction, type MessageScore, recordSkeleton, scoreMessage, type SentenceBreak } from './lexical.ts';

/**
 * A word is distinctive when at most this many rules say it. Like the rival
 * count, it depends only on the rules that say the word, never on how many
 * rules there are.
 */
export const DISTINCTIVE_WORD_RULES = 2;

/** Raw spans collected per rule before merging (the first ones are the ones shown). */
export const MAX_RAW_SPANS = 128;

/** How one message template reads in the record. */
export interface TemplateReading {
  score: MessageScore;
  /** The template as written, for the reason. */
  template: string;
  /** Other rules with a message saying every phrase found (see PreparedIndex.rivalsOf). */
  rivals: Rivals;
  /** Significant words found that say more than that something failed. */
  tellingWords: number;
  /** Of those, the words that at most DISTINCTIVE_WORD_RULES rules say ("username", "keyset"; not "account"). */
  distinctiveWords: number;
  /** Each judged sentence: share found, and other rules saying its words found. */
  sentences: Array<{ coverage: number; rivals: Rivals }>;
  /** Misspelt words the reading relied on: what the paste said → what it was read as. */
  corrections: Array<{ said: string; readAs: string }>;
  contradiction?: Contradiction;
  /** The paste's significant words the reading explains (token indexes, ascending). */
  explained: number[];
  /** Token ranges that matched, and tokens that matched only once corrected. */
  runs: Array<[number, number]>;
  corrected: number[];
}

/** What one record says of one rule. */
export interface RuleEvidence {
  rule: number;
  /** One of the rule's own (not shared) codes, as written in the paste. */
  code?: string;
  /** A code the rule shares with other rules, as written: evidence only with the message. */
  sharedCode?: string;
  /** Where its codes stand in the paste. */
  codeSpans: Evidence[];
  /** Each of its messages that the record shares words with. */
  readings: TemplateReading[];
}

export interface RecordEvidence {
  byRule: Map<number, RuleEvidence>;
  /** Entra codes in the record that no rule claims, in order, once each. */
  unknownCodes: string[];
  /** Spans of every code found in the record (known or not), for the "own lines" checks. */
  codeSpans: Evidence[];
}

/** The code tier: every code of the record, and the rules claiming it. */
export function codeEvidence(view: RecordView, codes: readonly CodeHit[], prepared: PreparedIndex): RecordEvidence {
  const byRule = new Map<number, RuleEvidence>();
  const unknownCodes = new Set<string>();
  const codeSpans: Evidence[] = [];
  for (const hit of codes) {
    const span = spanOf(view, hit.token, hit.lastToken, 'code');
    if (codeSpans.length < MAX_RAW_SPANS) codeSpans.push(span);
    const claims = prepared.codes.get(hit.key);
    if (!claims) {
      if (hit.kind === 'entra') unknownCodes.add(hit.key.toUpperCase());
      continue;
    }
    const written = span.text.trim();
    for (const claim of claims) {
      const entry = ruleEvidence(byRule, claim.rule);
      if (entry.codeSpans.length < MAX_RAW_SPANS) entry.codeSpans.push(span);
      if (claim.shared) entry.sharedCode ??= written;
      else entry.code ??= written;
    }
  }
  return { byRule, unknownCodes: [...unknownCodes], codeSpans };
}

/** Adds the template tier's readings (`keys` as read, `corrections`: token → word it was read as). */
export function addTemplateEvidence(
  evidence: RecordEvidence,
  view: RecordView,
  keys: readonly string[],
  prepared: PreparedIndex,
  corrections: ReadonlyMap<number, string> = new Map(),
): void {
  for (const reading of readTemplates(view, keys, prepared, corrections)) {
    const rule = prepared.index.messages[reading.score.message]!.rule;
    ruleEvidence(evidence.byRule, rule).readings.push(reading);
  }
}

function ruleEvidence(byRule: Map<number, RuleEvidence>, rule: number): RuleEvidence {
  let entry = byRule.get(rule);
  if (!entry) byRule.set(rule, (entry = { rule, codeSpans: [], readings: [] }));
  return entry;
}

/**
 * Template readings depend only on a record's words and where its sentences
 * end, so an export repeating one error reads it once: records with the same
 * words reuse the readings (bounded memory; long records are not kept).
 */
const MEMO_RECORD_WORDS = 2_000;
const MEMO_RECORDS = 1_000;
const memos = new WeakMap<PreparedIndex, Map<string, TemplateReading[]>>();

function readTemplates(view: RecordView, keys: readonly string[], prepared: PreparedIndex, corrections: ReadonlyMap<number, string>): TemplateReading[] {
  const sentenceBreak = sentenceBreaks(view);
  if (keys.length > MEMO_RECORD_WORDS) return readTemplatesNow(view, keys, prepared, corrections, sentenceBreak);
  let memo = memos.get(prepared);
  if (!memo) memos.set(prepared, (memo = new Map()));
  // The words as pasted, each correction, and each sentence end: all the readings depend on.
  const key = keys.map((word, t) => `${corrections.has(t) ? `${view.keys[t]}>${word}` : word}${sentenceBreak(t) ? '.' : ''}`).join(' ');
  let readings = memo.get(key);
  if (!readings) {
    readings = readTemplatesNow(view, keys, prepared, corrections, sentenceBreak);
    if (memo.size >= MEMO_RECORDS) memo.clear();
    memo.set(key, readings);
  }
  return readings;
}

function readTemplatesNow(
  view: RecordView,
  keys: readonly string[],
  prepared: PreparedIndex,
  corrections: ReadonlyMap<number, string>,
  sentenceBreak: SentenceBreak,
): TemplateReading[] {
  const readings: TemplateReading[] = [];
  const skeleton = recordSkeleton(keys, sentenceBreak);
  for (const messageIndex of prepared.candidateMessages(keys)) {
    const score = scoreMessage(messageIndex, prepared.chunksByMessage[messageIndex]!, view.tokens, keys, view.significantWords, skeleton);
    if (!score) continue;
    const rule = prepared.index.messages[messageIndex]!.rule;
    const corrected = [...corrections.keys()].filter((t) => score.runs.some(([a, b]) => t >= a && t <= b));
    readings.push({
      score,
      template: prepared.index.messages[messageIndex]!.text,
      rivals: prepared.rivalsOf(rule, score.found),
      tellingWords: score.found.flat().filter(isTelling).length,
      distinctiveWords: score.found.flat().filter((word) => isTelling(word) && prepared.rulesSaying(word) <= DISTINCTIVE_WORD_RULES).length,
      sentences: score.sentences.map((sentence) => ({ coverage: sentence.coverage, rivals: prepared.rivalsOf(rule, sentence.found) })),
      corrections: corrected.map((t) => ({ said: view.normalised.text.slice(view.tokens[t]!.start, view.tokens[t]!.end), readAs: corrections.get(t)! })),
      ...(score.contradiction ? { contradiction: score.contradiction } : {}),
      explained: explainedWords(score.runs, keys),
      runs: score.runs,
      corrected,
    });
  }
  return readings;
}

/** The significant record tokens that a match's runs cover. */
function explainedWords(runs: ReadonlyArray<[number, number]>, keys: readonly string[]): number[] {
  const words = new Set<number>();
  for (const [first, last] of runs) for (let t = first; t <= last; t++) if (isSignificant(keys[t]!)) words.add(t);
  return [...words].sort((a, b) => a - b);
}

/**
 * Does a sentence end between record tokens t and t + 1: ". ", "! " or "? "
 * in the text between them? A dot with no space after it is part of a name
 * ("System.Net.WebException", "login.microsoftonline.com").
 */
function sentenceBreaks(view: RecordView): SentenceBreak {
  const { tokens } = view;
  const text = view.normalised.text;
  return (t) => {
    if (t < 0 || t + 1 >= tokens.length) return false;
    const end = tokens[t + 1]!.start;
    for (let i = tokens[t]!.end; i < end; i++) {
      const ch = text.charCodeAt(i);
      if ((ch === 0x2e || ch === 0x21 || ch === 0x3f) && i + 1 < end && /\s/.test(text[i + 1]!)) return true;
    }
    return false;
  };
}
