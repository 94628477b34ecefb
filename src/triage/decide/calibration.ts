/**
 * Calibration: what each confidence level promises.
 * - high: shown as the answer. The error's code is in the paste, or most of
 *   its message is there word for word, or the paste is nothing but a good
 *   part of the message.
 * - medium: likely, shown with a caution.
 * - low: a suggestion only; never presented as the answer.
 */
import type { MessageScore } from '../match/lexical.ts';
import type { Confidence } from '../types.ts';

export type { Confidence };

/** Rarity (see MessageScore.specificity) a partial paste needs to be taken as the answer. */
const TELLING_SPECIFICITY = 1;
/** Rarity a fragment inside other text needs to be a likely match ("username is empty": 1.7; "user account": 1.5 but 30% of its message). */
const TELLING_FRAGMENT_SPECIFICITY = 1.3;
/** What one whole, telling sentence of a longer message counts as. */
const WHOLE_SENTENCE_COVERAGE = 0.8;

export const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export function downgrade(confidence: Confidence): Confidence {
  return confidence === 'high' ? 'medium' : 'low';
}

/**
 * The share of the message found, counting one whole telling sentence of a
 * longer message as most of it.
 */
export function effectiveCoverage(score: MessageScore): number {
  const wholeSentence = score.sentenceCoverage >= 0.9 && score.specificity >= TELLING_SPECIFICITY;
  return Math.max(score.templateCoverage, wholeSentence ? WHOLE_SENTENCE_COVERAGE : 0);
}

/** Confidence of a template match; `corrected` counts misspelt words it relied on. */
export function calibrate(score: MessageScore, corrected = 0): Confidence {
  const { significantWords: words, recordCoverage: record, specificity } = score;
  const template = effectiveCoverage(score);
  let confidence: Confidence = 'low';
  // A paste that is only part of a message is the answer when what it keeps
  // is telling ("username is empty"), not when it fits many ("token expired").
  const tellingPart = record >= 0.85 && template >= 0.35 && specificity >= TELLING_SPECIFICITY;
  // A very telling fragment inside other text (a ticket, a log line) is likely.
  const tellingFragment = template >= 0.45 && specificity >= TELLING_FRAGMENT_SPECIFICITY;
  if (words >= 2 && (template >= 0.75 || tellingPart)) confidence = 'high';
  else if ((words >= 3 && template >= 0.5) || (words >= 2 && ((record >= 0.75 && template >= 0.3) || tellingFragment))) confidence = 'medium';

  if (corrected === 0) return confidence;
  // Typo-tolerant matches earn less trust: one slip in a long, well-covered
  // message is still the answer; more than that is only likely.
  if (corrected > words * 0.6) return 'low';
  if (confidence === 'high' && (corrected > 1 || words < 4 || template < 0.75)) return 'medium';
  return confidence;
}
