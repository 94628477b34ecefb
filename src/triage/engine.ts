/**
 * The triage engine: from a paste to a ranked, explained diagnosis.
 *
 *   segment → normalise → tokenise and mask → match in tiers → calibrate → explain
 *
 * Tiers, most specific first: error codes; message templates; typo-tolerant
 * templates (fuse.js corrects misspelt words against the rules' vocabulary).
 * Plain TypeScript with no DOM or Astro imports: the page (in a worker), the
 * CLI and the tests all run this very code.
 */
import { codeKey } from './index/build.ts';
import { type Confidence, CONFIDENCE_RANK, calibrate, downgrade, effectiveCoverage } from './decide/calibration.ts';
import { findCodes } from './match/codes.ts';
import { ignoredParts, mergeEvidence, type RecordView, sharedLength, spanLength, spanOf } from './match/evidence.ts';
import { TypoCorrector } from './match/fuzzy.ts';
import { type PreparedChunk, prepareChunk, scoreMessage, type MessageScore } from './match/lexical.ts';
import { normalise } from './text/normalise.ts';
import { MAX_INPUT_CHARS } from './limits.ts';
import { rankAcrossSegments } from './decide/rank.ts';
import { segment } from './text/segment.ts';
import { tokenise } from './text/tokenise.ts';
import type { Evidence, Match, Segment, TriageIndex, TriageResult, UnknownCode } from './types.ts';
import { isAnswer } from './present/present.ts';
import { datasourceOf } from './text/datasource.ts';
import { ERRORISH, isSignificant } from './text/vocabulary.ts';

export { MAX_INPUT_CHARS };

export class InputTooLargeError extends Error {
  readonly characters: number;

  constructor(characters: number) {
    super(`The paste has ${characters.toLocaleString('en')} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString('en')}.`);
    this.name = 'InputTooLargeError';
    this.characters = characters;
  }
}

/** A word pair found in more messages than this (and this share of them) does not make candidates. */
const COMMON_PAIR_MIN = 64;
const COMMON_PAIR_SHARE = 0.02;

/** At most this many records are listed in a result; the rest are counted (stats.omitted). */
const MAX_SEGMENTS = 2_000;

/** Above this many records, a paste is an export and records without error words are skipped unread. */
const SKIM_ABOVE_RECORDS = 50;

interface Candidate {
  rule: number;
  confidence: Confidence;
  score: number;
  evidence: Evidence[];
  reason: string;
  viaCode: boolean;
}

export class TriageEngine {
  private readonly chunksByMessage: PreparedChunk[][];
  /** Every significant word of every message: what typo correction may correct to. */
  private readonly vocabulary = new Set<string>();
  /**
   * Adjacent word pair (or a one-word chunk) → messages holding it. Any run
   * that counts as evidence shares at least one such pair with the record, so
   * only messages found here are scored: with thousands of rules, a record is
   * compared with the few that could match, not with all of them.
   */
  private readonly pairs = new Map<string, number[]>();
  /** Word → its rarity across messages, 0 (in every message) to 1 (in one). */
  private readonly rarities = new Map<string, number>();
  private readonly rulesByCode = new Map<string, number[]>();
  private readonly symbolicCodes = new Set<string>();
  private readonly typos: TypoCorrector;

  readonly index: TriageIndex;

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
      }
      for (const key of keys) {
        const list = this.pairs.get(key) ?? [];
        list.push(messageIndex);
        this.pairs.set(key, list);
      }
    });
    const messagesWithWord = new Map<string, number>();
    for (const chunks of this.chunksByMessage) {
      for (const word of new Set(chunks.flatMap((chunk) => chunk.keys))) messagesWithWord.set(word, (messagesWithWord.get(word) ?? 0) + 1);
    }
    const total = Math.max(2, this.chunksByMessage.length);
    for (const [word, count] of messagesWithWord) this.rarities.set(word, Math.log(total / count) / Math.log(total));
    index.rules.forEach((rule, ruleIndex) => {
      for (const code of rule.codes) {
        const key = codeKey(code);
        this.rulesByCode.set(key, [...(this.rulesByCode.get(key) ?? []), ruleIndex]);
        if (!key.startsWith('aadsts')) this.symbolicCodes.add(key);
      }
    });
    this.typos = new TypoCorrector([...this.vocabulary]);
  }

  triage(input: string): TriageResult {
    if (input.length > MAX_INPUT_CHARS) throw new InputTooLargeError(input.length);
    const segments: Segment[] = [];
    const records = segment(input);
    // In a long export, routine records ("Datasource HR: Success") are passed
    // over unread; a short paste is always read in full, error words or not.
    const skimRoutine = records.length > SKIM_ABOVE_RECORDS;
    let skipped = 0;
    let recognised = 0;
    let unrecognised = 0;
    let omitted = 0;
    const unknown = new Map<string, UnknownCode>();
    for (const record of records) {
      const text = input.slice(record.start, record.end);
      if (skimRoutine && !ERRORISH.test(text)) {
        skipped++;
        continue;
      }
      const diagnosed = this.diagnoseRecord(input, text, record.start);
      if (diagnosed.matches.length === 0 && !diagnosed.errorish) {
        skipped++;
        continue;
      }
      if (diagnosed.matches.some(isAnswer)) recognised++;
      else unrecognised++;
      for (const code of diagnosed.unknownCodes) {
        const seen = unknown.get(code);
        if (seen) seen.count++;
        else unknown.set(code, { code, count: 1, line: record.lines[0] });
      }
      if (segments.length >= MAX_SEGMENTS) {
        omitted++;
        continue;
      }
      const datasource = datasourceOf(text);
      segments.push({
        text,
        start: record.start,
        end: record.end,
        lines: record.lines,
        matches: diagnosed.matches,
        ignored: diagnosed.ignored,
        unknownCodes: diagnosed.unknownCodes,
        ...(datasource ? { datasource } : {}),
      });
    }
    return {
      matches: rankAcrossSegments(segments),
      segments,
      unknownCodes: [...unknown.values()],
      stats: { records: records.length, skipped, recognised, unrecognised, omitted, characters: input.length },
    };
  }

  /** Diagnoses one record: `text` is the input from offset `start`. */
  private diagnoseRecord(input: string, text: string, start: number) {
    const normalised = normalise(text);
    const tokens = tokenise(normalised.text);
    const view: RecordView = {
      input,
      offset: start,
      normalised,
      tokens,
      keys: tokens.map((token) => token.key),
      significantWords: tokens.filter((token) => isSignificant(token.key)).length,
    };
    const candidates = new Map<number, Candidate>();
    const offer = (candidate: Candidate) => {
      const current = candidates.get(candidate.rule);
      if (!current || better(candidate, current)) {
        candidates.set(candidate.rule, { ...candidate, evidence: mergeEvidence(current?.evidence, candidate.evidence) });
      } else {
        current.evidence = mergeEvidence(current.evidence, candidate.evidence);
      }
    };

    const unknownCodes = this.matchCodes(view, offer);
    this.matchTemplates(view, view.keys, offer, unknownCodes);
    const best = [...candidates.values()].sort(compareCandidates)[0];
    if ((!best || best.confidence !== 'high') && this.mayHoldTypos(view)) this.matchWithTypoCorrection(view, offer, unknownCodes);

    const matches = this.calibrateRecord([...candidates.values()]);
    const errorish = ERRORISH.test(normalised.text);
    return {
      matches,
      errorish,
      ignored: matches.length > 0 || errorish ? ignoredParts(view) : [],
      unknownCodes: [...new Set(unknownCodes)],
    };
  }

  /** Tier 1: codes. Returns the codes that no rule claims (evidence of some other error). */
  private matchCodes(view: RecordView, offer: (candidate: Candidate) => void): string[] {
    const unknown: string[] = [];
    for (const hit of findCodes(view.tokens, view.normalised.text, this.symbolicCodes)) {
      const rules = this.rulesByCode.get(hit.key);
      if (!rules) {
        if (view.tokens[hit.token]!.code) unknown.push(hit.key.toUpperCase());
        continue;
      }
      const evidence = [spanOf(view, hit.token, hit.token, 'code')];
      for (const rule of rules) {
        offer({
          rule,
          confidence: 'high',
          score: 1,
          evidence,
          reason: `Error code ${evidence[0]!.text.trim()} identifies this error.`,
          viaCode: true,
        });
      }
    }
    return unknown;
  }

  /** Tier 2 (and 3, with corrected words): message templates. */
  private matchTemplates(
    view: RecordView,
    keys: readonly string[],
    offer: (candidate: Candidate) => void,
    unknownCodes: string[],
    corrections: Map<number, string> = new Map(),
  ) {
    const bestByRule = new Map<number, MessageScore>();
    for (const messageIndex of this.candidateMessages(keys)) {
      const score = scoreMessage(messageIndex, this.chunksByMessage[messageIndex]!, view.tokens, keys, view.significantWords, this.rarity);
      if (!score) continue;
      const rule = this.index.messages[messageIndex]!.rule;
      const current = bestByRule.get(rule);
      if (!current || lexicalStrength(score) > lexicalStrength(current)) bestByRule.set(rule, score);
    }
    for (const [rule, score] of bestByRule) {
      const correctedInRuns = [...corrections.keys()].filter((t) => score.runs.some(([a, b]) => t >= a && t <= b));
      let confidence = calibrate(score, correctedInRuns.length);
      let reason = describeLexical(score, this.index.messages[score.message]!.text);
      if (score.contradiction && confidence !== 'low') {
        confidence = 'low';
        reason += ` But the paste says "${score.contradiction.said}" where the message says "${score.contradiction.expected}", so it is probably another error.`;
      }
      if (unknownCodes.length > 0) {
        confidence = 'low';
        reason += ` But the paste carries ${unknownCodes.join(', ')}, a different error code, so this is only a suggestion.`;
      }
      if (correctedInRuns.length > 0) {
        const fixes = correctedInRuns.map((t) => `"${view.normalised.text.slice(view.tokens[t]!.start, view.tokens[t]!.end)}" read as "${corrections.get(t)}"`);
        reason += ` Misspelt words were allowed for: ${fixes.join(', ')}.`;
      }
      const evidence = score.runs.map(([first, last]) => spanOf(view, first, last, 'message'));
      for (const t of correctedInRuns) evidence.push(spanOf(view, t, t, 'fuzzy'));
      offer({ rule, confidence, score: lexicalStrength(score), evidence, reason, viaCode: false });
    }
  }

  /**
   * Typo correction is worth trying only where a known error might be: the
   * record shares a word with some rule's message. A routine log line
   * ("Datasource HR preserved 12 items") is not retyped error text.
   */
  private mayHoldTypos(view: RecordView): boolean {
    return view.keys.some((key) => this.vocabulary.has(key));
  }

  /** Tier 3: correct misspelt and cut-off words against the rules' vocabulary, then match again. */
  private matchWithTypoCorrection(view: RecordView, offer: (candidate: Candidate) => void, unknownCodes: string[]) {
    const corrections = this.typos.correct(view.tokens, this.vocabulary);
    if (corrections.size === 0) return;
    const keys = view.keys.map((key, t) => corrections.get(t) ?? key);
    this.matchTemplates(view, keys, offer, unknownCodes, corrections);
  }

  private readonly rarity = (word: string): number => this.rarities.get(word) ?? 1;

  /**
   * Messages sharing a word pair (or a one-word chunk) with the record. A pair
   * that thousands of messages share ("synthetic rule", boilerplate) proves
   * nothing on its own and is passed over: a message that truly matches
   * shares rarer pairs too.
   */
  private candidateMessages(keys: readonly string[]): Set<number> {
    const found = new Set<number>();
    const common = Math.max(COMMON_PAIR_MIN, this.chunksByMessage.length * COMMON_PAIR_SHARE);
    const visit = (key: string) => {
      const messages = this.pairs.get(key);
      if (messages && messages.length <= common) for (const message of messages) found.add(message);
    };
    for (let i = 0; i < keys.length; i++) {
      visit(keys[i]!);
      if (i > 0) visit(pairKey(keys[i - 1]!, keys[i]!));
    }
    return found;
  }

  /**
   * Final say within a record: a code outranks any template; a generic wrapper
   * yields to a specific match; two different fixes that explain the record
   * equally well are both demoted, because a coin toss is not an answer.
   */
  private calibrateRecord(candidates: Candidate[]): Match[] {
    const hasCode = candidates.some((candidate) => candidate.viaCode);
    const hasSpecific = candidates.some(
      (candidate) => !this.index.rules[candidate.rule]!.wrapper && CONFIDENCE_RANK[candidate.confidence] >= CONFIDENCE_RANK.medium,
    );
    for (const candidate of candidates) {
      const rule = this.index.rules[candidate.rule]!;
      if (hasCode && !candidate.viaCode && candidate.confidence !== 'low') {
        candidate.confidence = 'low';
        candidate.reason += ' An error code in the same record points elsewhere, so this is only a suggestion.';
      } else if (rule.wrapper && hasSpecific && candidate.confidence !== 'low') {
        candidate.confidence = 'low';
        candidate.score = Math.min(candidate.score, 0.5);
        candidate.reason += ' This is a generic wrapper; the more specific error in the same record is the diagnosis.';
      }
    }
    candidates.sort(compareCandidates);
    this.demoteWeakerReadings(candidates);
    const [first, second] = candidates;
    if (first && second && first.confidence === second.confidence && first.confidence !== 'low') {
      const fixA = this.index.rules[first.rule]!.fix;
      const fixB = this.index.rules[second.rule]!.fix;
      if (fixA !== fixB && first.score - second.score < 0.1) {
        // Only rival readings of the same words tie; two errors side by side do not.
        const rivals = candidates.filter(
          (candidate) =>
            candidate !== first &&
            candidate.confidence === first.confidence &&
            first.score - candidate.score < 0.1 &&
            sharedLength(candidate.evidence, first.evidence) > 0,
        );
        for (const candidate of rivals.length > 0 ? [first, ...rivals] : []) {
          candidate.confidence = downgrade(candidate.confidence);
          candidate.reason += ' Another error with a different fix matches about as well.';
        }
        candidates.sort(compareCandidates);
      }
    }
    return candidates.slice(0, 5).map((candidate) => this.toMatch(candidate));
  }

  /**
   * "Password is empty for the data source" shares five of six words with the
   * username message; when a closer match explains the same words, the weaker
   * reading of them is only a suggestion.
   */
  private demoteWeakerReadings(sorted: Candidate[]) {
    sorted.forEach((candidate, position) => {
      if (candidate.viaCode || candidate.confidence === 'low') return;
      const closer = sorted
        .slice(0, position)
        .find((other) => other.confidence !== 'low' && other.score > candidate.score + 0.02 && sharedLength(candidate.evidence, other.evidence) * 2 >= spanLength(candidate.evidence));
      if (closer) {
        candidate.confidence = 'low';
        candidate.reason += ` "${this.index.rules[closer.rule]!.title}" explains the same words more closely.`;
      }
    });
    sorted.sort(compareCandidates);
  }

  private toMatch(candidate: Candidate): Match {
    const rule = this.index.rules[candidate.rule]!;
    return {
      id: rule.id,
      title: rule.title,
      fix: rule.fix,
      resolution: rule.resolution,
      steps: rule.steps,
      codes: rule.codes,
      url: rule.url,
      confidence: candidate.confidence,
      score: Math.round(candidate.score * 1000) / 1000,
      evidence: candidate.evidence,
      reason: candidate.reason,
    };
  }
}

function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}

/** A single number for comparing template matches of different rules. */
function lexicalStrength(score: MessageScore): number {
  const value = 0.7 * effectiveCoverage(score) + 0.3 * Math.min(1, score.recordCoverage);
  return Math.min(0.95, value);
}

function better(a: Candidate, b: Candidate): boolean {
  return compareCandidates(a, b) < 0;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] || b.score - a.score || a.rule - b.rule;
}

function describeLexical(score: MessageScore, template: string): string {
  const percent = Math.round(score.templateCoverage * 100);
  return `${score.significantWords} key word${score.significantWords === 1 ? '' : 's'} of the message "${template}" appear in order (${percent}% of the message).`;
}

export function createEngine(index: TriageIndex): TriageEngine {
  return new TriageEngine(index);
}
