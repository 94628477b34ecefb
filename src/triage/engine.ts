/**
 * The triage engine: from a paste to a ranked, explained diagnosis. The
 * stages follow the folders of src/triage/ (see its README):
 *
 *   text    segment the paste into records; normalise and mask each one
 *   index   the rules, compiled at build time and prepared once per engine
 *   match   codes, message templates, typo-tolerant templates → candidates
 *   decide  calibration table and arbitration steps → confidences; ranking
 *   present what counts as an answer, unrecognised lines, summaries
 *
 * Plain TypeScript with no DOM or Astro imports: the page (in a worker), the
 * CLI and the tests all run this very code.
 */
import { arbitrate } from './decide/arbitration.ts';
import { type Candidate, candidatesOf } from './decide/candidate.ts';
import { DatasourceTally } from './decide/datasource-tally.ts';
import { ErrorTally } from './decide/rank.ts';
import { PreparedIndex } from './index/prepare.ts';
import { MAX_INPUT_CHARS, MAX_SEGMENTS, MAX_SEGMENT_TEXT } from './limits.ts';
import { addTemplateEvidence, codeEvidence } from './match/candidates.ts';
import { findCodes } from './match/codes.ts';
import { TypoCorrector } from './match/fuzzy.ts';
import { readCompounds } from './match/compounds.ts';
import { ignoredParts, type RecordView } from './match/evidence.ts';
import { isAnswer } from './present/present.ts';
import { datasourceClause, datasourceOf } from './text/datasource.ts';
import { normalise } from './text/normalise.ts';
import { type RecordSpan, segment } from './text/segment.ts';
import { maskSpan, tokenise } from './text/tokenise.ts';
import { showsIpp } from './text/ipp-context.ts';
import { saysFailure } from './text/outcome.ts';
import { isSignificant } from './text/vocabulary.ts';
import type { IgnoredPart, Match, Segment, TriageIndex, TriageResult, UnknownCode } from './types.ts';

export { MAX_INPUT_CHARS };

export { MAX_SEGMENTS, MAX_SEGMENT_TEXT } from './limits.ts';

export class InputTooLargeError extends Error {
  readonly characters: number;

  constructor(characters: number) {
    super(`The paste has ${characters.toLocaleString('en')} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString('en')}.`);
    this.name = 'InputTooLargeError';
    this.characters = characters;
  }
}

const MAX_MATCHES_PER_RECORD = 5;
const MAX_RECORD_EVIDENCE = 4;
const MAX_RECORD_SUGGESTIONS = 3;
/** Codes listed per record (the result lists each code once, with a count). */
const MAX_CODES_PER_RECORD = 10;
/** Above this many records a paste is an export, and records the index cannot match are not read closely. */
const SKIM_ABOVE_RECORDS = 50;

/** What one record turned out to be. */
interface Diagnosis {
  matches: Match[];
  /** It looks like a failure: error words or a code. */
  failure: boolean;
  /** Codes that no rule explains here (unknown, or shared and unconfirmed). */
  unexplainedCodes: string[];
  /** The variable parts ignored when matching (computed only for listed records). */
  ignored: () => IgnoredPart[];
  /** The datasource the record names, if any. */
  datasource?: string | undefined;
}

export class TriageEngine {
  readonly index: TriageIndex;
  private readonly prepared: PreparedIndex;
  private readonly typos: TypoCorrector;

  constructor(index: TriageIndex) {
    this.index = index;
    this.prepared = new PreparedIndex(index);
    this.typos = new TypoCorrector(this.prepared.words);
  }

  /**
   * Triages a paste. `records` are its records when the caller has already
   * found them (the CLI reading a JSON export too large to triage whole
   * finds them as it streams); otherwise the paste is segmented here.
   */
  triage(input: string, records: readonly RecordSpan[] = segment(input)): TriageResult {
    if (input.length > MAX_INPUT_CHARS) throw new InputTooLargeError(input.length);
    const segments: Segment[] = [];
    const stats = { records: records.length, skipped: 0, recognised: 0, unrecognised: 0, omitted: 0, characters: input.length, datasources: 0 };
    const unknown = new Map<string, UnknownCode>();
    const tally = new ErrorTally();
    const skim = records.length > SKIM_ABOVE_RECORDS;
    const datasources = new DatasourceTally(input);
    for (const record of records) {
      const diagnosis = this.diagnoseRecord(input, record.start, record.end, skim);
      // Every record, routine ones too, counts as a run of the datasource it names.
      const answers = diagnosis.matches.filter(isAnswer);
      datasources.add(record, { datasource: diagnosis.datasource, failed: diagnosis.failure, answers, unknownCodes: diagnosis.unexplainedCodes });
      // Listed: every record with an answer, every one that looks like a
      // failure, and a single pasted message whatever it resembles; a routine
      // line of an export with only a faint resemblance is not.
      const single = records.length === 1 && diagnosis.matches.length > 0;
      if (!diagnosis.failure && !single && !diagnosis.matches.some(isAnswer)) {
        stats.skipped++;
        continue;
      }
      if (diagnosis.matches.some(isAnswer)) stats.recognised++;
      else if (diagnosis.failure) stats.unrecognised++;
      for (const code of diagnosis.unexplainedCodes) {
        const seen = unknown.get(code);
        if (seen) seen.count++;
        else unknown.set(code, { code, count: 1, line: record.lines[0] });
      }
      if (segments.length >= MAX_SEGMENTS) {
        stats.omitted++;
        tally.add(diagnosis.matches, undefined);
        continue;
      }
      tally.add(diagnosis.matches, segments.length);
      const { datasource } = diagnosis;
      segments.push({
        text: input.slice(record.start, Math.min(record.end, record.start + MAX_SEGMENT_TEXT)),
        start: record.start,
        end: record.end,
        lines: record.lines,
        matches: listedMatches(diagnosis.matches).map(({ id, confidence, score, evidence, reason }) => ({
          id,
          confidence,
          score,
          evidence: evidence.slice(0, MAX_RECORD_EVIDENCE),
          reason,
        })),
        ignored: diagnosis.ignored(),
        unknownCodes: diagnosis.unexplainedCodes.slice(0, MAX_CODES_PER_RECORD),
        ...(datasource ? { datasource } : {}),
        failed: diagnosis.failure,
      });
    }
    stats.datasources = datasources.count;
    return {
      matches: tally.ranked(),
      segments,
      unknownCodes: [...unknown.values()],
      stats,
      datasources: datasources.summaries(),
      timeOrder: datasources.timeOrder,
    };
  }

  /**
   * Diagnoses one record. In a long export (`skim`), a record is matched only
   * when it carries a code or shares a word pair with some message, which any
   * rule's own text does, so every rule is found in an export exactly as in a
   * short paste; a record that does neither counts as a failure nobody
   * recognises when it says so in error words, and as routine otherwise.
   */
  private diagnoseRecord(input: string, start: number, end: number, skim: boolean): Diagnosis {
    const text = input.slice(start, end);
    if (skim && !this.prepared.mayMatch(text)) {
      const failure = saysFailure(text);
      // Named for routine records too: each is a run of its datasource.
      return { matches: [], failure, unexplainedCodes: [], ignored: () => [], datasource: datasourceOf(text) };
    }
    const normalised = normalise(text);
    const clause = datasourceClause(text);
    const datasource = clause?.name;
    const tokens = clause ? maskSpan(tokenise(normalised.text), normalised.map, clause.start, clause.end, 'datasource') : tokenise(normalised.text);
    const codes = findCodes(tokens, normalised.text, this.prepared.symbolic);
    const failure = codes.length > 0 || saysFailure(normalised.text);
    if (skim && codes.length === 0 && !this.prepared.sharesAPair(tokens.map((token) => token.key))) {
      return { matches: [], failure, unexplainedCodes: [], ignored: () => [], datasource };
    }
    // "multifactor" for "multi-factor": split only now, so a routine "Datasource X" line is not read as "data source".
    const words = readCompounds(tokens, (word) => this.prepared.vocabulary.has(word), this.prepared.adjacentInSomeMessage);
    const view: RecordView = {
      input,
      offset: start,
      normalised,
      tokens: words,
      keys: words.map((token) => token.key),
      significantWords: words.reduce((count, token) => count + (isSignificant(token.key) ? 1 : 0), 0),
    };
    // Token positions move when compounds are joined or split: find the codes again on the words read.
    const found = codeEvidence(view, words === tokens ? codes : findCodes(words, normalised.text, this.prepared.symbolic), this.prepared);
    addTemplateEvidence(found, view, view.keys, this.prepared);
    let candidates = candidatesOf(found, view);
    // The typo tier: only when no rule is certain yet and the record shares a
    // word with some message (a routine log line is not retyped error text).
    const certain = candidates.some((candidate) => candidate.confidence === 'high');
    if (!certain && view.keys.some((key) => this.prepared.vocabulary.has(key))) {
      const corrections = this.typos.correct(view.tokens, this.prepared.vocabulary, this.prepared.adjacentInSomeMessage);
      if (corrections.size > 0) {
        addTemplateEvidence(
          found,
          view,
          view.keys.map((key, t) => corrections.get(t) ?? key),
          this.prepared,
          corrections,
        );
        candidates = candidatesOf(found, view);
      }
    }
    const decided = arbitrate(candidates, {
      rules: this.index.rules,
      unknownCodes: found.unknownCodes,
      codeSpans: found.codeSpans,
      input,
      ippContext: showsIpp(text),
    });
    const unconfirmedShared = decided
      .filter((candidate) => candidate.sharedCode && candidate.confidence === 'low')
      .map((candidate) => candidate.sharedCode!.toUpperCase());
    return {
      matches: decided.slice(0, MAX_MATCHES_PER_RECORD).map((candidate) => this.toMatch(candidate)),
      // A misspelt message is a failure too, though its error words are misspelt.
      failure: failure || decided.some((candidate) => candidate.confidence !== 'low'),
      unexplainedCodes: [...new Set([...found.unknownCodes, ...unconfirmedShared])],
      ignored: () => ignoredParts(view),
      datasource,
    };
  }

  private toMatch(candidate: Candidate): Match {
    const rule = this.index.rules[candidate.rule]!;
    return {
      id: rule.id,
      title: rule.title,
      summary: rule.summary,
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

/** A record lists its answers, or, when it has none, its closest suggestions. */
function listedMatches(matches: readonly Match[]): Match[] {
  const answers = matches.filter(isAnswer);
  return answers.length > 0 ? answers : matches.slice(0, MAX_RECORD_SUGGESTIONS);
}

export function createEngine(index: TriageIndex): TriageEngine {
  return new TriageEngine(index);
}
