/**
 * Calibration: what each confidence level promises, as one table of named
 * thresholds. Tuning the engine is editing a row here and watching the
 * table-driven test (test/unit/calibration.test.ts); the README quotes this
 * table (a test keeps them equal).
 *
 * - high: shown as the answer. The error's code is in the paste, or most of
 *   its message is there word for word, or the paste is nothing but a telling
 *   part of the message.
 * - medium: likely, shown with a caution ("Likely: …").
 * - low: a suggestion only; never presented as the answer.
 *
 * The measures a template match is judged by (src/triage/match/lexical.ts):
 * - coverage: weighted share of the message's words found in order (a whole,
 *   telling sentence of a longer message counts as `wholeSentenceCoverage`);
 * - record coverage: share of the paste's significant words the message explains;
 * - words: significant words of the message found;
 * - specificity: how telling those words are, the sum of their rarity across
 *   messages (a word in one message counts 1, in every message 0; boilerplate
 *   such as "trace id" counts nothing);
 * - corrected: words that matched only after typo correction.
 */
import type { MessageScore } from '../match/lexical.ts';
import type { Confidence } from '../types.ts';

export type { Confidence };

export interface CalibrationRow {
  value: number;
  /** What the threshold decides and what moving it trades off. */
  why: string;
}

export const CALIBRATION = Object.freeze({
  minWords: {
    value: 2,
    why: 'Significant message words a template match needs at all: one shared word ("invalid", "token") proves nothing.',
  },
  highCoverage: {
    value: 0.75,
    why: 'Share of the message found that makes it the answer. Lower it and cut-off pastes gain; so do look-alikes that share a long phrase.',
  },
  mediumCoverage: {
    value: 0.5,
    why: 'Share of the message found (with at least mediumWords words) that makes it likely.',
  },
  mediumWords: {
    value: 3,
    why: 'Words needed for mediumCoverage to count: two common words are not half a message.',
  },
  minSpecificity: {
    value: 0.9,
    why: 'Rarity a match needs to be more than a suggestion: a paste of only generic or boilerplate words ("refresh token", "Trace ID: <guid>") must not be claimed.',
  },
  tellingPartRecordCoverage: {
    value: 0.85,
    why: 'A paste that is nothing but part of a message (this share of its words explained) …',
  },
  tellingPartCoverage: {
    value: 0.35,
    why: '… and keeps at least this share of the message …',
  },
  tellingPartSpecificity: {
    value: 1.1,
    why: '… is the answer when what it keeps is this telling ("username is empty"), not when it fits many messages ("invalid request").',
  },
  tellingFragmentCoverage: {
    value: 0.45,
    why: 'A fragment inside other text (a ticket, a log line) keeping this share of the message …',
  },
  tellingFragmentSpecificity: {
    value: 1.3,
    why: '… is likely when its words are this telling.',
  },
  partRecordCoverage: {
    value: 0.75,
    why: 'A paste mostly explained by the message (this share of its words) …',
  },
  partCoverage: {
    value: 0.3,
    why: '… keeping at least this share of the message …',
  },
  partSpecificity: {
    value: 1.2,
    why: '… is likely when its words are this telling: two common words ("invalid request") are not.',
  },
  wholeSentenceShare: {
    value: 0.9,
    why: 'Share of one sentence (of three or more significant words) found for it to count as the whole sentence.',
  },
  wholeSentenceCoverage: {
    value: 0.8,
    why: 'What one whole, telling sentence of a longer message counts as: "The refresh token has expired due to maximum lifetime." is the point of its message.',
  },
  wholeSentenceSpecificity: {
    value: 1.4,
    why: 'Rarity that sentence needs: a short generic sentence shared by several messages is not the point of any one of them.',
  },
  typoFreeCorrections: {
    value: 1,
    why: 'Corrected words a match may rely on and keep its confidence (one slip in a long message is still the answer, if at least highTypoWords words were found).',
  },
  highTypoWords: {
    value: 4,
    why: 'Significant words a match with one correction needs to stay high.',
  },
  maxCorrections: {
    value: 3,
    why: 'Corrected words beyond which a match is only a suggestion; with 2 or 3 it is at most likely …',
  },
  highCorrectedExactWords: {
    value: 6,
    why: '… unless this many found words were exact and the message is covered to highCoverage: then the rest is long and telling enough to be the answer.',
  },
  maxCorrectedShare: {
    value: 0.67,
    why: 'Share of the found words that may be corrections; above it the "match" is mostly guesswork.',
  },
  genericPhraseWords: {
    value: 3,
    why: 'A phrase of at most this many significant words that several messages share ("the refresh token has expired") …',
  },
  genericPhraseSpecificity: {
    value: 1.5,
    why: '… and less telling than this is only a suggestion even when their fixes agree ("invalid national cloud" is telling enough).',
  },
  closeScore: {
    value: 0.1,
    why: 'Two readings whose scores differ by less than this explain the paste about equally well.',
  },
  closerBy: {
    value: 0.02,
    why: 'A reading must score at least this much better to count as explaining the same words more closely.',
  },
} satisfies Record<string, CalibrationRow>);

/** The threshold values alone, for the code that applies them. */
const T = Object.fromEntries(Object.entries(CALIBRATION).map(([name, row]) => [name, row.value])) as {
  readonly [K in keyof typeof CALIBRATION]: number;
};
export { T as THRESHOLDS };

export const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export function downgrade(confidence: Confidence): Confidence {
  return confidence === 'high' ? 'medium' : 'low';
}

export function lower(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_RANK[a] <= CONFIDENCE_RANK[b] ? a : b;
}

/** The share of the message found, counting one whole telling sentence of a longer message as most of it. */
export function effectiveCoverage(score: MessageScore): number {
  const wholeSentence = score.sentenceCoverage >= T.wholeSentenceShare && score.sentenceSpecificity >= T.wholeSentenceSpecificity;
  return Math.max(score.templateCoverage, wholeSentence ? T.wholeSentenceCoverage : 0);
}

/** A single number for comparing template matches of different rules (0–0.95; a code scores 1). */
export function lexicalStrength(score: MessageScore): number {
  return Math.min(0.95, 0.7 * effectiveCoverage(score) + 0.3 * Math.min(1, score.recordCoverage));
}

/** Confidence of a template match from its measures alone (arbitration may lower it later). */
export function calibrate(score: MessageScore, corrected = 0): Confidence {
  const { significantWords: words, recordCoverage: record, specificity } = score;
  const coverage = effectiveCoverage(score);
  if (words < T.minWords || specificity < T.minSpecificity) return 'low';

  const tellingPart = record >= T.tellingPartRecordCoverage && coverage >= T.tellingPartCoverage && specificity >= T.tellingPartSpecificity;
  const tellingFragment = coverage >= T.tellingFragmentCoverage && specificity >= T.tellingFragmentSpecificity;
  let confidence: Confidence = 'low';
  if (coverage >= T.highCoverage || tellingPart) confidence = 'high';
  else if ((words >= T.mediumWords && coverage >= T.mediumCoverage) || (record >= T.partRecordCoverage && coverage >= T.partCoverage && specificity >= T.partSpecificity) || tellingFragment) {
    confidence = 'medium';
  }
  if (corrected === 0 || confidence === 'low') return confidence;

  // Typo-tolerant matches earn less trust.
  const exact = words - corrected;
  if (corrected > T.maxCorrections || corrected > words * T.maxCorrectedShare || exact < 1) return 'low';
  if (corrected <= T.typoFreeCorrections) return words >= T.highTypoWords && coverage >= T.highCoverage ? confidence : lower(confidence, 'medium');
  return exact >= T.highCorrectedExactWords && coverage >= T.highCoverage ? confidence : lower(confidence, 'medium');
}
