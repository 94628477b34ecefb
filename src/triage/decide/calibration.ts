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
 * Every measure is a property of the paste and of the message alone, or of
 * the rules that say the very same words, never of how many rules there are:
 * a whole message pasted alone is the answer however large the knowledge base
 * grows, and an article about something else changes no confidence.
 * (test/unit/growth.test.ts adds 1,000 generated rules and checks it.)
 *
 * The measures a template match is judged by (src/triage/match/lexical.ts):
 * - coverage: weighted share of the message's words found in order, where a
 *   perfect paste of the message scores 1 (a whole, telling sentence of a
 *   longer message counts as `wholeSentenceCoverage`);
 * - record coverage: share of the paste's significant words the message explains;
 * - words: significant words of the message found;
 * - rivals: how many other rules have a message saying every one of those
 *   words (src/triage/index/prepare.ts): 0 means the words tell this error
 *   from every other ("username is empty"); several mean they are a phrase
 *   many messages share ("invalid request", "the refresh token has expired");
 * - corrected: words that matched only after typo correction.
 */
import type { Rivals } from '../index/prepare.ts';
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
    why: 'Words needed for mediumCoverage to count (and they must be telling): two common words are not half a message.',
  },
  tellingRivals: {
    value: 1,
    why: 'Other rules that may say every phrase a match short of the whole message found, for those phrases to still tell which error it is: "username is empty" (none) and "the refresh token has expired due to inactivity" (one) do; "token expired" (said by many) does not.',
  },
  tellingRivalFixes: {
    value: 0,
    why: '… of which this many may have another fix: "the request body must contain" (said by the password and the client-secret errors) does not tell what to do.',
  },
  tellingWordsOfPart: {
    value: 1,
    why: 'Words a match short of the whole message needs that say more than that something failed ("invalid request" has none; "username is empty" has one).',
  },
  tellingPartRecordCoverage: {
    value: 0.85,
    why: 'A paste that is nothing but part of a message (this share of its words explained) …',
  },
  tellingPartCoverage: {
    value: 0.35,
    why: '… and keeps at least this share of the message is the answer when what it keeps is telling (see tellingRivals).',
  },
  tellingFragmentCoverage: {
    value: 0.45,
    why: 'A fragment inside other text (a ticket, a log line) keeping this share of the message …',
  },
  tellingFragmentDistinctiveWords: {
    value: 1,
    why: '… is likely when it is telling and has at least this many words that few rules say ("username"; not "account" or "disabled").',
  },
  partRecordCoverage: {
    value: 0.75,
    why: 'A paste mostly explained by the message (this share of its words) …',
  },
  partCoverage: {
    value: 0.3,
    why: '… keeping at least this share of the message is likely when what it keeps is telling.',
  },
  wholeSentenceShare: {
    value: 0.9,
    why: 'Share of one sentence (of three or more significant words) found for it to count as the whole sentence.',
  },
  wholeSentenceCoverage: {
    value: 0.8,
    why: 'What one whole, telling sentence of a longer message counts as: "The refresh token has expired due to maximum lifetime." is the point of its message.',
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
  genericPhraseRivals: {
    value: 2,
    why: '… and that at least this many other rules say in full is only a suggestion even when their fixes agree ("invalid national cloud", said by two rules, is telling enough).',
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

/**
 * What calibration reads of a template match: the lexical measures, how many
 * other rules say the same words (of the whole match and of each sentence)
 * and how many of its words were typo corrections.
 */
export interface TemplateMeasures extends Pick<MessageScore, 'templateCoverage' | 'recordCoverage' | 'significantWords'> {
  /** Other rules saying every phrase found, and those of them with another fix (see PreparedIndex.rivalsOf). */
  rivals: Rivals;
  /** Significant words found that say more than that something failed (text/vocabulary.ts isTelling). */
  tellingWords: number;
  /** Of those, the words few rules say (match/candidates.ts DISTINCTIVE_WORD_RULES). */
  distinctiveWords: number;
  /** Each sentence of three or more significant words: share found, and other rules saying its words found. */
  sentences: ReadonlyArray<{ coverage: number; rivals: Rivals }>;
  /** Words found only after typo correction. */
  corrected: number;
}

/** The share of the message found, counting one whole telling sentence of a longer message as most of it. */
export function effectiveCoverage(measures: Pick<TemplateMeasures, 'templateCoverage' | 'sentences'>): number {
  const wholeSentence = measures.sentences.some((sentence) => sentence.coverage >= T.wholeSentenceShare && tells(sentence.rivals));
  return Math.max(measures.templateCoverage, wholeSentence ? T.wholeSentenceCoverage : 0);
}

/** Do phrases that these rivals also say still tell which error it is, and so what to do? */
export function tells(rivals: Rivals): boolean {
  return rivals.rules <= T.tellingRivals && rivals.otherFixes <= T.tellingRivalFixes;
}

/** A single number for comparing template matches of different rules (0–0.95; a code scores 1). */
export function lexicalStrength(measures: Pick<TemplateMeasures, 'templateCoverage' | 'recordCoverage' | 'sentences'>): number {
  return Math.min(0.95, 0.7 * effectiveCoverage(measures) + 0.3 * Math.min(1, measures.recordCoverage));
}

/** Confidence of a template match from its measures alone (arbitration may lower it later). */
export function calibrate(measures: TemplateMeasures): Confidence {
  const { significantWords: words, recordCoverage: record, rivals, corrected } = measures;
  const coverage = effectiveCoverage(measures);
  if (words < T.minWords) return 'low';

  const whole = coverage >= T.highCoverage;
  // Short of the whole message, the part found must name something: "invalid request" says only that something failed.
  if (!whole && measures.tellingWords < T.tellingWordsOfPart) return 'low';
  // Short of the whole message, the phrases found must tell this error (and its fix) from the others.
  const telling = tells(rivals);
  const tellingPart = telling && record >= T.tellingPartRecordCoverage && coverage >= T.tellingPartCoverage;
  const tellingFragment = telling && coverage >= T.tellingFragmentCoverage && measures.distinctiveWords >= T.tellingFragmentDistinctiveWords;
  const halfMessage = telling && words >= T.mediumWords && coverage >= T.mediumCoverage;
  const part = telling && record >= T.partRecordCoverage && coverage >= T.partCoverage;
  let confidence: Confidence = 'low';
  if (whole || tellingPart) confidence = 'high';
  else if (halfMessage || part || tellingFragment) confidence = 'medium';
  if (corrected === 0 || confidence === 'low') return confidence;

  // Typo-tolerant matches earn less trust.
  const exact = words - corrected;
  if (corrected > T.maxCorrections || corrected > words * T.maxCorrectedShare || exact < 1) return 'low';
  if (corrected <= T.typoFreeCorrections) return words >= T.highTypoWords && coverage >= T.highCoverage ? confidence : lower(confidence, 'medium');
  return exact >= T.highCorrectedExactWords && coverage >= T.highCoverage ? confidence : lower(confidence, 'medium');
}
