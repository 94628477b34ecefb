/**
 * The calibration table, tested on synthetic measures: each row says what a
 * template match with these measures is worth. Tuning a threshold in
 * src/triage/decide/calibration.ts shows up here as a changed row, not as a
 * mystery in an end-to-end test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALIBRATION, calibrate, effectiveCoverage, type TemplateMeasures, THRESHOLDS, tells } from '../../src/triage/decide/calibration.ts';
import { ROOT } from '../support/kb.ts';

const NONE = { rules: 0, otherFixes: 0 };
const ONE_SAME_FIX = { rules: 1, otherFixes: 0 };
const ONE_OTHER_FIX = { rules: 1, otherFixes: 1 };
const MANY = { rules: 8, otherFixes: 5 };

/** A template match with the given measures; everything else neutral (its words telling, no rival). */
function measures(given: Partial<TemplateMeasures>): TemplateMeasures {
  const words = given.significantWords ?? 0;
  return {
    templateCoverage: 0,
    recordCoverage: 0,
    significantWords: words,
    rivals: NONE,
    tellingWords: words,
    distinctiveWords: 0,
    sentences: [],
    corrected: 0,
    ...given,
  };
}

type Row = [string, Partial<TemplateMeasures>, 'high' | 'medium' | 'low'];

const ROWS: Row[] = [
  // what the paste is                                                   measures                                                                                     confidence
  ['most of a message, word for word', { templateCoverage: 0.8, recordCoverage: 0.6, significantWords: 6 }, 'high'],
  [
    'the whole of a short message ("Refresh token expired"), however many rules share its words',
    { templateCoverage: 1, recordCoverage: 1, significantWords: 3, rivals: MANY },
    'high',
  ],
  ['the whole of a message of generic words ("Request failed")', { templateCoverage: 1, recordCoverage: 1, significantWords: 2, tellingWords: 0 }, 'high'],
  ['one shared word, however rare', { templateCoverage: 0.9, recordCoverage: 1, significantWords: 1, distinctiveWords: 1 }, 'low'],
  ['words many messages say ("token expired")', { templateCoverage: 0.67, recordCoverage: 1, significantWords: 2, rivals: MANY }, 'low'],
  ['a telling part alone ("username is empty")', { templateCoverage: 0.47, recordCoverage: 1, significantWords: 2, distinctiveWords: 1 }, 'high'],
  [
    'a part alone that one rule with the same fix says too ("the refresh token has expired due to inactivity")',
    { templateCoverage: 0.56, recordCoverage: 1, significantWords: 5, rivals: ONE_SAME_FIX },
    'high',
  ],
  [
    'a part alone that a rule with another fix says too ("the request body must contain")',
    { templateCoverage: 0.5, recordCoverage: 1, significantWords: 3, rivals: ONE_OTHER_FIX },
    'low',
  ],
  ['a part alone of nothing but failure words ("invalid request")', { templateCoverage: 0.36, recordCoverage: 1, significantWords: 2, tellingWords: 0 }, 'low'],
  [
    'a telling fragment with a distinctive word inside a ticket',
    { templateCoverage: 0.5, recordCoverage: 0.2, significantWords: 2, distinctiveWords: 1 },
    'medium',
  ],
  [
    'a telling fragment of common words inside other text ("… Reason: The account is disabled.")',
    { templateCoverage: 0.69, recordCoverage: 0.29, significantWords: 2 },
    'low',
  ],
  ['half of a long message inside other text', { templateCoverage: 0.55, recordCoverage: 0.3, significantWords: 5 }, 'medium'],
  ['half of a message whose words another error says too', { templateCoverage: 0.55, recordCoverage: 0.3, significantWords: 5, rivals: ONE_OTHER_FIX }, 'low'],
  ['a third of a message, little else in the paste, telling', { templateCoverage: 0.32, recordCoverage: 0.8, significantWords: 2 }, 'medium'],
  ['a third of a message, little else in the paste, generic', { templateCoverage: 0.32, recordCoverage: 0.8, significantWords: 2, rivals: MANY }, 'low'],
  [
    'one whole telling sentence of a longer message',
    { templateCoverage: 0.4, recordCoverage: 0.5, significantWords: 6, rivals: ONE_OTHER_FIX, sentences: [{ coverage: 1, rivals: NONE }] },
    'high',
  ],
  [
    'one whole generic sentence of a longer message',
    { templateCoverage: 0.4, recordCoverage: 0.5, significantWords: 3, rivals: MANY, sentences: [{ coverage: 1, rivals: MANY }] },
    'low',
  ],
  ['one slip in a long, well-covered message', { templateCoverage: 0.9, recordCoverage: 0.9, significantWords: 8, corrected: 1 }, 'high'],
  ['one slip in a short message', { templateCoverage: 1, recordCoverage: 1, significantWords: 3, corrected: 1 }, 'medium'],
  [
    'two slips, the rest exact ("Passwrd is emtpy for the data source")',
    { templateCoverage: 1, recordCoverage: 1, significantWords: 4, corrected: 2 },
    'medium',
  ],
  ['two slips in three words ("refresh tokn expierd")', { templateCoverage: 1, recordCoverage: 1, significantWords: 3, corrected: 2 }, 'medium'],
  ['three slips, the rest long and telling', { templateCoverage: 0.9, recordCoverage: 0.9, significantWords: 10, corrected: 3 }, 'high'],
  ['four slips: guesswork', { templateCoverage: 1, recordCoverage: 1, significantWords: 10, corrected: 4 }, 'low'],
  ['mostly corrections', { templateCoverage: 1, recordCoverage: 1, significantWords: 3, corrected: 3 }, 'low'],
];

describe('calibration table', () => {
  it.each(ROWS)('%s', (_name, given, confidence) => {
    expect(calibrate(measures(given))).toBe(confidence);
  });

  it('counts one whole telling sentence as most of its message, and a generic one as what it covers', () => {
    expect(effectiveCoverage(measures({ templateCoverage: 0.4, sentences: [{ coverage: 1, rivals: NONE }] }))).toBe(THRESHOLDS.wholeSentenceCoverage);
    expect(effectiveCoverage(measures({ templateCoverage: 0.4, sentences: [{ coverage: 1, rivals: MANY }] }))).toBe(0.4);
    expect(effectiveCoverage(measures({ templateCoverage: 0.4, sentences: [{ coverage: 0.6, rivals: NONE }] }))).toBe(0.4);
  });

  it('calls phrases telling when no rule with another fix says them and at most one with the same fix does', () => {
    expect([NONE, ONE_SAME_FIX, ONE_OTHER_FIX, { rules: 2, otherFixes: 0 }, MANY].map(tells)).toEqual([true, true, false, false, false]);
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
