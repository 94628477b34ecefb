/**
 * Matching one record, in tiers, most specific first: error codes; message
 * templates; then templates again with misspelt words corrected. Each rule
 * the evidence points to becomes one Candidate, its evidence gathered per
 * rule and merged once at the end (merging as each code was found made a
 * record repeating a code quadratic).
 */
import { CONFIDENCE_RANK, calibrate, lexicalStrength } from '../decide/calibration.ts';
import type { Candidate, TemplateEvidence } from '../decide/candidate.ts';
import type { PreparedIndex } from '../index/prepare.ts';
import { isSignificant } from '../text/vocabulary.ts';
import type { Evidence } from '../types.ts';
import type { CodeHit } from './codes.ts';
import { mergeEvidence, type RecordView, spanOf } from './evidence.ts';
import { scoreMessage, type SentenceBreak } from './lexical.ts';

/** Evidence spans kept per match: enough to highlight, bounded whatever the paste repeats. */
export const MAX_EVIDENCE = 16;
/** Raw spans collected per rule before merging (the first ones are the ones shown). */
const MAX_RAW_SPANS = MAX_EVIDENCE * 8;

export interface RecordMatches {
  candidates: Candidate[];
  /** Entra codes in the record that no rule claims, in order, once each. */
  unknownCodes: string[];
  /** Spans of every code found in the record (known or not), for the "own lines" checks. */
  codeSpans: Evidence[];
}

interface Gathering {
  candidate: Candidate;
  spans: Evidence[];
}

/** Matches one record; `codes` are the record's code hits (src/triage/match/codes.ts). */
export function matchRecord(view: RecordView, codes: readonly CodeHit[], prepared: PreparedIndex): RecordMatches {
  const byRule = new Map<number, Gathering>();
  const gather = (rule: number): Gathering => {
    let entry = byRule.get(rule);
    if (!entry) {
      entry = { candidate: { rule, confidence: 'low', score: 0, evidence: [], reason: '' }, spans: [] };
      byRule.set(rule, entry);
    }
    return entry;
  };
  const addSpan = (entry: Gathering, span: Evidence) => {
    if (entry.spans.length < MAX_RAW_SPANS) entry.spans.push(span);
  };

  // Tier 1: codes.
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
      const entry = gather(claim.rule);
      addSpan(entry, span);
      if (claim.shared) entry.candidate.sharedCode ??= written;
      else if (entry.candidate.code === undefined) {
        entry.candidate.code = written;
        entry.candidate.confidence = 'high';
        entry.candidate.score = 1;
        entry.candidate.reason = `Error code ${written} identifies this error.`;
      }
    }
  }

  // Tier 2: message templates; tier 3: the same with misspelt words corrected,
  // tried only when no rule is certain yet and the record shares a word with
  // some message (a routine log line is not retyped error text).
  const exact = scoreTemplates(view, view.keys, prepared, new Map());
  for (const [rule, template] of exact) offerTemplate(gather(rule), template, view, addSpan);
  const certain = [...byRule.values()].some((entry) => entry.candidate.confidence === 'high' || entry.candidate.template?.confidence === 'high');
  if (!certain && view.keys.some((key) => prepared.vocabulary.has(key))) {
    const corrections = prepared.typos.correct(view.tokens, prepared.vocabulary);
    if (corrections.size > 0) {
      const keys = view.keys.map((key, t) => corrections.get(t) ?? key);
      for (const [rule, template] of scoreTemplates(view, keys, prepared, corrections)) offerTemplate(gather(rule), template, view, addSpan);
    }
  }

  const candidates = [...byRule.values()].map(({ candidate, spans }) => {
    candidate.evidence = mergeEvidence(spans).slice(0, MAX_EVIDENCE);
    return candidate;
  });
  return { candidates, unknownCodes: [...unknownCodes], codeSpans };
}

type ScoredTemplate = TemplateEvidence & { runs: Array<[number, number]>; corrected: number[] };

/**
 * Template scores depend only on a record's words and where its sentences
 * end, so an export repeating one error scores it once: records with the
 * same words reuse the scores (bounded memory; long records are not kept).
 */
const MEMO_RECORD_WORDS = 2_000;
const MEMO_RECORDS = 1_000;
const memos = new WeakMap<PreparedIndex, Map<string, Map<number, ScoredTemplate>>>();

/** The best template match of each rule in the record (`corrections`: token → word it was read as). */
function scoreTemplates(view: RecordView, keys: readonly string[], prepared: PreparedIndex, corrections: Map<number, string>): Map<number, ScoredTemplate> {
  const sentenceBreak = sentenceBreaks(view);
  if (keys.length > MEMO_RECORD_WORDS) return scoreTemplatesNow(view, keys, prepared, corrections, sentenceBreak);
  let memo = memos.get(prepared);
  if (!memo) memos.set(prepared, (memo = new Map()));
  // The words as pasted, each correction, and each sentence end: all the scores depend on.
  const key = keys.map((word, t) => `${corrections.has(t) ? `${view.keys[t]}>${word}` : word}${sentenceBreak(t) ? '.' : ''}`).join(' ');
  let scored = memo.get(key);
  if (!scored) {
    scored = scoreTemplatesNow(view, keys, prepared, corrections, sentenceBreak);
    if (memo.size >= MEMO_RECORDS) memo.clear();
    memo.set(key, scored);
  }
  return scored;
}

function scoreTemplatesNow(view: RecordView, keys: readonly string[], prepared: PreparedIndex, corrections: Map<number, string>, sentenceBreak: SentenceBreak): Map<number, ScoredTemplate> {
  const best = new Map<number, ScoredTemplate>();
  for (const messageIndex of prepared.candidateMessages(keys)) {
    const score = scoreMessage(messageIndex, prepared.chunksByMessage[messageIndex]!, view.tokens, keys, view.significantWords, prepared.rarity, sentenceBreak);
    if (!score) continue;
    const corrected = [...corrections.keys()].filter((t) => score.runs.some(([a, b]) => t >= a && t <= b));
    const template: ScoredTemplate = {
      score,
      template: prepared.index.messages[messageIndex]!.text,
      confidence: calibrate(score, corrected.length),
      strength: lexicalStrength(score),
      corrections: corrected.map((t) => ({ said: view.normalised.text.slice(view.tokens[t]!.start, view.tokens[t]!.end), readAs: corrections.get(t)! })),
      ...(score.contradiction ? { contradiction: score.contradiction } : {}),
      explained: explainedWords(score.runs, keys),
      runs: score.runs,
      corrected,
    };
    const rule = prepared.index.messages[messageIndex]!.rule;
    const current = best.get(rule);
    if (!current || betterTemplate(template, current)) best.set(rule, template);
  }
  return best;
}

/** The significant record tokens that a match's runs cover. */
function explainedWords(runs: ReadonlyArray<[number, number]>, keys: readonly string[]): number[] {
  const words = new Set<number>();
  for (const [first, last] of runs) for (let t = first; t <= last; t++) if (isSignificant(keys[t]!)) words.add(t);
  return [...words].sort((a, b) => a - b);
}

/** Does a sentence end between record tokens t and t + 1 (". ", "! ", "? " in the text between them)? */
function sentenceBreaks(view: RecordView): SentenceBreak {
  const { tokens } = view;
  const text = view.normalised.text;
  return (t) => {
    if (t < 0 || t + 1 >= tokens.length) return false;
    for (let i = tokens[t]!.end; i < tokens[t + 1]!.start; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x2e || ch === 0x21 || ch === 0x3f) return true;
    }
    return false;
  };
}

/** A contradicted reading is only a suggestion, however much of its message it covers. */
const effectiveRank = (template: TemplateEvidence) => (template.contradiction ? CONFIDENCE_RANK.low : CONFIDENCE_RANK[template.confidence]);

function betterTemplate(a: TemplateEvidence, b: TemplateEvidence): boolean {
  return effectiveRank(a) - effectiveRank(b) > 0 || (effectiveRank(a) === effectiveRank(b) && a.strength > b.strength);
}

function offerTemplate(
  entry: Gathering,
  template: ScoredTemplate,
  view: RecordView,
  addSpan: (entry: Gathering, span: Evidence) => void,
) {
  const { candidate } = entry;
  if (candidate.template && !betterTemplate(template, candidate.template)) return;
  const { runs, corrected, ...kept } = template;
  candidate.template = kept;
  for (const [first, last] of runs) addSpan(entry, spanOf(view, first, last, 'message'));
  for (const t of corrected) addSpan(entry, spanOf(view, t, t, 'fuzzy'));
  if (candidate.code !== undefined) return; // a code already decided confidence, score and reason
  candidate.confidence = kept.confidence;
  candidate.score = kept.strength;
  candidate.reason = describeTemplate(kept);
}

function describeTemplate(template: TemplateEvidence): string {
  const { score } = template;
  const percent = Math.round(score.templateCoverage * 100);
  let reason = `${score.significantWords} key word${score.significantWords === 1 ? '' : 's'} of the message "${template.template}" appear in order (${percent}% of the message).`;
  if (template.corrections.length > 0) {
    reason += ` Misspelt words were allowed for: ${template.corrections.map((c) => `"${c.said}" read as "${c.readAs}"`).join(', ')}.`;
  }
  return reason;
}
