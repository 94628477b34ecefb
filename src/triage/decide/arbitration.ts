/**
 * Arbitration: the final say within one record, as an ordered list of named
 * steps. Each step looks at every candidate as the previous step left them
 * and may return a new confidence with a sentence saying why; all verdicts
 * of a step are applied together, so within a step the order of candidates
 * does not matter. The order of the steps does, and is the policy:
 *
 *   needs-ipp-context → contradicted → shared-code → foreign-code → code-outranks-message →
 *   wrapper-yields → generic-phrase → closer-reading → rival-fixes
 *
 * Tested table-driven on synthetic candidates (test/unit/arbitration.test.ts).
 */
import type { RuleInput, Confidence, Evidence } from '../types.ts';
import { CONFIDENCE_RANK, downgrade, THRESHOLDS as T } from './calibration.ts';
import { type Candidate, identifiedByCode } from './candidate.ts';
import { sharedLength, spanLength } from '../match/evidence.ts';

/** What a step knows of the record beyond its candidates. */
export interface RecordFacts {
  /** Facts of the rules, by candidate.rule. */
  rules: ReadonlyArray<Pick<RuleInput, 'title' | 'fix' | 'wrapper' | 'needsIppContext'>>;
  /** Entra codes in the record that no rule claims. */
  unknownCodes: readonly string[];
  /** Where the record's codes are, known or not. */
  codeSpans: readonly Evidence[];
  /** The whole input, to tell whether two spans stand on different lines. */
  input: string;
  /** The record shows it comes from IPP (text/ipp-context.ts). */
  ippContext: boolean;
}

export interface Verdict {
  confidence: Confidence;
  /** Appended to the candidate's reason. */
  note: string;
  /** A new score, when the step changes how strongly the evidence counts. */
  score?: number;
}

export interface ArbitrationStep {
  name: string;
  /** The policy in one sentence (the README lists these). */
  rule: string;
  decide(candidate: Candidate, all: readonly Candidate[], facts: RecordFacts): Verdict | undefined;
}

const rank = (confidence: Confidence) => CONFIDENCE_RANK[confidence];
const templateOnly = (candidate: Candidate) => candidate.code === undefined && candidate.sharedCode === undefined;

/** Does a high template match stand on lines of its own, apart from every code of the record? */
function standsApart(candidate: Candidate, facts: RecordFacts): boolean {
  if (candidate.confidence !== 'high' || candidate.evidence.length === 0) return false;
  const from = candidate.evidence[0]!.start;
  const to = candidate.evidence[candidate.evidence.length - 1]!.end;
  return facts.codeSpans.every((code) => {
    const [a, b] = code.end <= from ? [code.end, from] : to <= code.start ? [to, code.start] : [-1, -1];
    return a >= 0 && facts.input.slice(a, b).includes('\n');
  });
}

/** Two readings explain the same words of the paste (ascending token lists). */
function sameWords(a: readonly number[], b: readonly number[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((token, i) => token === b[i]);
}

function listCodes(codes: readonly string[]): string {
  const shown = codes.slice(0, 3).join(', ');
  return codes.length > 3 ? `${shown} and ${codes.length - 3} more` : shown;
}

export const ARBITRATION: readonly ArbitrationStep[] = Object.freeze([
  {
    name: 'needs-ipp-context',
    rule: 'A failure any program meets (a network, TLS or proxy error) is an answer only when the paste shows it comes from IPP: its audit log, or the Security & Compliance and Exchange Online PowerShell it runs; otherwise only a suggestion.',
    decide(candidate, _all, facts) {
      if (!facts.rules[candidate.rule]!.needsIppContext || facts.ippContext || candidate.confidence === 'low') return undefined;
      return { confidence: 'low', note: 'Any program can fail this way, and nothing in the paste says it came from IPP, so this is only a suggestion.' };
    },
  },
  {
    name: 'contradicted',
    rule: 'A message phrase followed by another word than the message has ("parameter: \'client_id\'" against "parameter: \'password\'") is another error: only a suggestion.',
    decide(candidate) {
      const contradiction = candidate.template?.contradiction;
      if (!contradiction || candidate.code !== undefined || candidate.confidence === 'low') return undefined;
      return {
        confidence: 'low',
        note: `But the paste says "${contradiction.said}" where the message says "${contradiction.expected}", so it is probably another error.`,
      };
    },
  },
  {
    name: 'shared-code',
    rule: "A code Microsoft uses for several problems decides only together with the rule's own message: with it the match is certain, without it only a suggestion.",
    decide(candidate) {
      if (candidate.sharedCode === undefined || candidate.code !== undefined) return undefined;
      if (rank(candidate.confidence) >= rank('medium')) {
        return {
          confidence: 'high',
          score: 1,
          note: `Its error code ${candidate.sharedCode}, which Microsoft uses for several problems, comes here with this error's own message.`,
        };
      }
      return {
        confidence: 'low',
        note: `Error code ${candidate.sharedCode} is used by Microsoft for several problems, and the paste does not show that it is this one.`,
      };
    },
  },
  {
    name: 'foreign-code',
    rule: 'A code that no rule knows means some other error: message look-alikes in the same record become suggestions, unless certain and on lines of their own.',
    decide(candidate, _all, facts) {
      if (facts.unknownCodes.length === 0 || !templateOnly(candidate) || candidate.confidence === 'low' || standsApart(candidate, facts)) return undefined;
      return { confidence: 'low', note: `But the paste carries ${listCodes(facts.unknownCodes)}, a different error code, so this is only a suggestion.` };
    },
  },
  {
    name: 'code-outranks-message',
    rule: 'A code identifying one rule outranks message look-alikes of other rules in the same record, unless they are certain and on lines of their own.',
    decide(candidate, all, facts) {
      if (!templateOnly(candidate) || candidate.confidence === 'low' || standsApart(candidate, facts)) return undefined;
      if (!all.some((other) => other !== candidate && identifiedByCode(other))) return undefined;
      return { confidence: 'low', note: 'An error code in the same record points elsewhere, so this is only a suggestion.' };
    },
  },
  {
    name: 'wrapper-yields',
    rule: 'A generic wrapper ("The Identity Provider returned an error") yields to any specific error in the same record.',
    decide(candidate, all, facts) {
      if (!facts.rules[candidate.rule]!.wrapper || candidate.confidence === 'low') return undefined;
      const specific = all.some((other) => !facts.rules[other.rule]!.wrapper && rank(other.confidence) >= rank('medium'));
      if (!specific) return undefined;
      return {
        confidence: 'low',
        score: Math.min(candidate.score, 0.5),
        note: 'This is a generic wrapper; the more specific error in the same record is the diagnosis.',
      };
    },
  },
  {
    name: 'generic-phrase',
    rule: 'Words that several messages share equally ("is empty for the data source", "the refresh token has expired") do not say which error it is: when their fixes differ or the phrase is short, every reading is only a suggestion; otherwise the first reading stands for all.',
    decide(candidate, all, facts) {
      if (!templateOnly(candidate) || candidate.confidence === 'low' || !candidate.template) return undefined;
      const words = candidate.template.explained;
      const rivals = all.filter(
        (other) =>
          other !== candidate &&
          templateOnly(other) &&
          other.template !== undefined &&
          other.confidence !== 'low' &&
          sameWords(other.template.explained, words),
      );
      if (rivals.length === 0) return undefined;
      const fix = facts.rules[candidate.rule]!.fix;
      const short = candidate.template.score.significantWords <= T.genericPhraseWords && candidate.template.rivals.rules >= T.genericPhraseRivals;
      if (short || rivals.some((other) => facts.rules[other.rule]!.fix !== fix)) {
        const quoted = rivals
          .slice(0, 2)
          .map((other) => `"${other.template!.template}"`)
          .join(', ');
        return { confidence: 'low', note: `Other messages share exactly these words (${quoted}), so the paste does not say which error it is.` };
      }
      // The reading that explains more of the paste stands for all ("The refresh token has expired…" against "…or refresh token has expired…").
      const first = [candidate, ...rivals].sort((a, b) => spanLength(b.evidence) - spanLength(a.evidence) || compareCandidates(a, b, facts.rules))[0]!;
      if (first === candidate) return undefined;
      return { confidence: 'low', note: `"${facts.rules[first.rule]!.title}" reads the same words and has the same fix.` };
    },
  },
  {
    name: 'closer-reading',
    rule: 'When a closer match explains the same words ("Username is empty for the data source" against the password message), the weaker reading is only a suggestion.',
    decide(candidate, all, facts) {
      if (!templateOnly(candidate) || candidate.confidence === 'low') return undefined;
      const own = spanLength(candidate.evidence);
      const closer = all.find(
        (other) =>
          other !== candidate &&
          other.confidence !== 'low' &&
          other.score > candidate.score + T.closerBy &&
          sharedLength(candidate.evidence, other.evidence) * 2 >= own,
      );
      if (!closer) return undefined;
      return { confidence: 'low', note: `"${facts.rules[closer.rule]!.title}" explains the same words more closely.` };
    },
  },
  {
    name: 'rival-fixes',
    rule: 'Two errors with different fixes that explain the same words about equally well are both demoted one level: a coin toss is not an answer.',
    decide(candidate, all, facts) {
      if (candidate.confidence === 'low' || identifiedByCode(candidate)) return undefined;
      const rival = all.some(
        (other) =>
          other !== candidate &&
          other.confidence === candidate.confidence &&
          facts.rules[other.rule]!.fix !== facts.rules[candidate.rule]!.fix &&
          Math.abs(other.score - candidate.score) < T.closeScore &&
          sharedLength(other.evidence, candidate.evidence) > 0,
      );
      if (!rival) return undefined;
      return { confidence: downgrade(candidate.confidence), note: 'Another error with a different fix matches about as well.' };
    },
  },
]);

/**
 * Best first: confidence, then score, then the evidence (characters of the
 * paste it explains), then the rule's title: properties of the content, so a
 * tie never depends on a file's name or on the order rules were loaded in.
 */
export function compareCandidates(a: Candidate, b: Candidate, rules: RecordFacts['rules']): number {
  return (
    rank(b.confidence) - rank(a.confidence) ||
    b.score - a.score ||
    spanLength(b.evidence) - spanLength(a.evidence) ||
    compareTitles(rules[a.rule]!.title, rules[b.rule]!.title)
  );
}

/** Titles in a fixed order whatever the machine's locale. */
export function compareTitles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs every step in order and returns the candidates best first. */
export function arbitrate(candidates: Candidate[], facts: RecordFacts, steps: readonly ArbitrationStep[] = ARBITRATION): Candidate[] {
  for (const step of steps) {
    const verdicts = candidates.map((candidate) => step.decide(candidate, candidates, facts));
    verdicts.forEach((verdict, i) => {
      if (!verdict) return;
      const candidate = candidates[i]!;
      candidate.confidence = verdict.confidence;
      if (verdict.score !== undefined) candidate.score = verdict.score;
      candidate.reason = `${candidate.reason} ${verdict.note}`.trim();
    });
  }
  return candidates.sort((a, b) => compareCandidates(a, b, facts.rules));
}
