/**
 * A rule the evidence of one record points to, before arbitration turns it
 * into a Match; and how a record's evidence becomes candidates: each rule's
 * own code, or its best-calibrated message reading, with the spans of the
 * paste that support it merged once.
 */
import { plural } from '../text/wording.ts';
import type { RecordEvidence, RuleEvidence, TemplateReading } from '../match/candidates.ts';
import { mergeEvidence, type RecordView, spanOf } from '../match/evidence.ts';
import type { Confidence, Evidence } from '../types.ts';
import { CONFIDENCE_RANK, calibrate, lexicalStrength } from './calibration.ts';

/** A message reading with its verdict from the calibration table. */
export interface TemplateEvidence extends TemplateReading {
  /** Confidence from the calibration table alone. */
  confidence: Confidence;
  /** Strength for comparing rules (see lexicalStrength). */
  strength: number;
}

export interface Candidate {
  rule: number;
  /** One of the rule's own (not shared) codes is in the record. */
  code?: string;
  /** A code the rule shares with other rules is in the record: evidence only with the message. */
  sharedCode?: string;
  /** The rule's best message-template match in the record. */
  template?: TemplateEvidence;
  confidence: Confidence;
  score: number;
  evidence: Evidence[];
  /** Why it matched; arbitration steps add why it was raised or lowered. */
  reason: string;
}

/** Evidence spans kept per match: enough to highlight, bounded whatever the paste repeats. */
export const MAX_EVIDENCE = 16;

/** Found by a code that names it alone (or a shared code its message confirmed): outranks templates. */
export function identifiedByCode(candidate: Candidate): boolean {
  return candidate.code !== undefined || (candidate.sharedCode !== undefined && candidate.confidence === 'high');
}

/** One candidate per rule the record's evidence points to, in no particular order. */
export function candidatesOf(evidence: RecordEvidence, view: RecordView): Candidate[] {
  return [...evidence.byRule.values()].flatMap((entry) => candidateOf(entry, view) ?? []);
}

function candidateOf(entry: RuleEvidence, view: RecordView): Candidate | undefined {
  const template = bestReading(entry.readings);
  const spans = [...entry.codeSpans];
  if (template) {
    for (const [first, last] of template.runs) spans.push(spanOf(view, first, last, 'message'));
    for (const t of template.corrected) spans.push(spanOf(view, t, t, 'fuzzy'));
  }
  const evidence = mergeEvidence(spans).slice(0, MAX_EVIDENCE);
  const base = {
    rule: entry.rule,
    ...(entry.code !== undefined ? { code: entry.code } : {}),
    ...(entry.sharedCode !== undefined ? { sharedCode: entry.sharedCode } : {}),
    ...(template ? { template } : {}),
    evidence,
  };
  if (entry.code !== undefined) return { ...base, confidence: 'high', score: 1, reason: `Error code ${entry.code} identifies this error.` };
  if (template) return { ...base, confidence: template.confidence, score: template.strength, reason: describeTemplate(template) };
  return entry.codeSpans.length > 0 ? { ...base, confidence: 'low', score: 0, reason: '' } : undefined;
}

/** The rule's message that reads best: highest confidence, then strength. */
function bestReading(readings: readonly TemplateReading[]): TemplateEvidence | undefined {
  let best: TemplateEvidence | undefined;
  for (const reading of readings) {
    // One word that says only that something failed ("failed", "invalid") points to no article, not even as a suggestion.
    if (reading.score.significantWords < 2 && reading.tellingWords === 0) continue;
    const judged: TemplateEvidence = {
      ...reading,
      confidence: calibrate({
        ...reading.score,
        rivals: reading.rivals,
        tellingWords: reading.tellingWords,
        distinctiveWords: reading.distinctiveWords,
        sentences: reading.sentences,
        corrected: reading.corrected.length,
      }),
      strength: lexicalStrength({ ...reading.score, sentences: reading.sentences }),
    };
    if (!best || betterTemplate(judged, best)) best = judged;
  }
  return best;
}

/** A contradicted reading is only a suggestion, however much of its message it covers. */
const effectiveRank = (template: TemplateEvidence) => (template.contradiction ? CONFIDENCE_RANK.low : CONFIDENCE_RANK[template.confidence]);

function betterTemplate(a: TemplateEvidence, b: TemplateEvidence): boolean {
  return effectiveRank(a) - effectiveRank(b) > 0 || (effectiveRank(a) === effectiveRank(b) && a.strength > b.strength);
}

function describeTemplate(template: TemplateEvidence): string {
  const { score } = template;
  const percent = Math.round(score.templateCoverage * 100);
  let reason = `${plural(score.significantWords, 'key word')} of the message "${template.template}" appear in order (${percent}% of the message).`;
  if (template.corrections.length > 0) {
    reason += ` Misspelt words were allowed for: ${template.corrections.map((c) => `"${c.said}" read as "${c.readAs}"`).join(', ')}.`;
  }
  return reason;
}
