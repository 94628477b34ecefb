/**
 * The calibration table, tested on synthetic measures: each row says what a
 * template match with these measures is worth. Tuning a threshold in
 * src/triage/decide/calibration.ts shows up here as a changed row, not as a
 * mystery in an end-to-end test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALIBRATION, calibrate, effectiveCoverage, THRESHOLDS } from '../../src/triage/decide/calibration.ts';
import type { MessageScore } from '../../src/triage/match/lexical.ts';
import { ROOT } from '../support/kb.ts';

/** A template match with the given measures; everything else neutral. */
function score(measures: Partial<MessageScore>): MessageScore {
  return {
    message: 0,
    templateCoverage: 0,
    recordCoverage: 0,
    significantWords: 0,
    specificity: 0,
    sentenceCoverage: 0,
    sentenceSpecificity: 0,
    runs: [[0, 0]],
    ...measures,
  };
}

type Row = [string, Partial<MessageScore>, number, 'high' | 'medium' | 'low'];

const ROWS: Row[] = [
  // what the paste is                                     measures                                                                                corrected  confidence
  ['most of a message, word for word', { templateCoverage: 0.8, recordCoverage: 0.6, significantWords: 6, specificity: 3 }, 0, 'high'],
  ['the whole of a short message ("Refresh token expired")', { templateCoverage: 1, recordCoverage: 1, significantWords: 3, specificity: 1.35 }, 0, 'high'],
  ['one shared word, however rare', { templateCoverage: 0.9, recordCoverage: 1, significantWords: 1, specificity: 1 }, 0, 'low'],
  ['generic or boilerplate words only ("refresh token")', { templateCoverage: 0.5, recordCoverage: 1, significantWords: 2, specificity: 0.8 }, 0, 'low'],
  ['a telling part alone ("username is empty")', { templateCoverage: 0.47, recordCoverage: 1, significantWords: 2, specificity: 1.47 }, 0, 'high'],
  ['a part alone that fits many messages ("invalid request")', { templateCoverage: 0.36, recordCoverage: 1, significantWords: 2, specificity: 0.85 }, 0, 'low'],
  ['a telling fragment inside a ticket', { templateCoverage: 0.5, recordCoverage: 0.2, significantWords: 3, specificity: 1.6 }, 0, 'medium'],
  ['half of a long message inside other text', { templateCoverage: 0.55, recordCoverage: 0.3, significantWords: 5, specificity: 1.2 }, 0, 'medium'],
  ['a third of a message, little else in the paste, telling', { templateCoverage: 0.32, recordCoverage: 0.8, significantWords: 2, specificity: 1.25 }, 0, 'medium'],
  ['a third of a message, little else in the paste, generic', { templateCoverage: 0.32, recordCoverage: 0.8, significantWords: 2, specificity: 1 }, 0, 'low'],
  ['one whole telling sentence of a longer message', { templateCoverage: 0.4, recordCoverage: 0.5, significantWords: 6, specificity: 3, sentenceCoverage: 1, sentenceSpecificity: 3 }, 0, 'high'],
  ['one whole generic sentence of a longer message', { templateCoverage: 0.4, recordCoverage: 0.5, significantWords: 3, specificity: 1.2, sentenceCoverage: 1, sentenceSpecificity: 1.2 }, 0, 'low'],
  ['one slip in a long, well-covered message', { templateCoverage: 0.9, recordCoverage: 0.9, significantWords: 8, specificity: 3 }, 1, 'high'],
  ['one slip in a short message', { templateCoverage: 1, recordCoverage: 1, significantWords: 3, specificity: 1.3 }, 1, 'medium'],
  ['two slips, the rest exact ("Passwrd is emtpy for the data source")', { templateCoverage: 1, recordCoverage: 1, significantWords: 4, specificity: 2.5 }, 2, 'medium'],
  ['two slips in three words ("refresh tokn expierd")', { templateCoverage: 1, recordCoverage: 1, significantWords: 3, specificity: 1.35 }, 2, 'medium'],
  ['three slips, the rest long and telling', { templateCoverage: 0.9, recordCoverage: 0.9, significantWords: 10, specificity: 5 }, 3, 'high'],
  ['four slips: guesswork', { templateCoverage: 1, recordCoverage: 1, significantWords: 10, specificity: 5 }, 4, 'low'],
  ['mostly corrections', { templateCoverage: 1, recordCoverage: 1, significantWords: 3, specificity: 1.5 }, 3, 'low'],
];

describe('calibration table', () => {
  it.each(ROWS)('%s', (_name, measures, corrected, confidence) => {
    expect(calibrate(score(measures), corrected)).toBe(confidence);
  });

  it('counts one whole telling sentence as most of its message, and a generic one as what it covers', () => {
    expect(effectiveCoverage(score({ templateCoverage: 0.4, sentenceCoverage: 1, sentenceSpecificity: 3 }))).toBe(THRESHOLDS.wholeSentenceCoverage);
    expect(effectiveCoverage(score({ templateCoverage: 0.4, sentenceCoverage: 1, sentenceSpecificity: 1 }))).toBe(0.4);
  });

  it('is frozen, and every threshold says what it trades off', () => {
    expect(Object.isFrozen(CALIBRATION)).toBe(true);
    for (const [name, row] of Object.entries(CALIBRATION)) {
      expect(row.why.length, name).toBeGreaterThan(20);
      expect(Number.isFinite(row.value), name).toBe(true);
    }
  });

  it('is quoted by the README exactly as the code has it', () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    for (const [name, row] of Object.entries(CALIBRATION)) {
      expect(readme, `README row for ${name}`).toContain(`| \`${name}\` | ${row.value} | ${row.why} |`);
    }
  });
});
