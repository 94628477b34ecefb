/**
 * Typo candidates: every vocabulary word the edit-distance check accepts is
 * found (checked against a comparison with every word), the closest wins,
 * ties go to the word the paste's neighbour stands beside in some message,
 * and a cut-off last word is completed.
 */
import { describe, expect, it } from 'vitest';
import { allowedSlips, editDistance } from '../../src/triage/match/edit-distance.ts';
import { TypoCorrector } from '../../src/triage/match/fuzzy.ts';
import { isAnswer } from '../../src/triage/present/present.ts';
import { normalise } from '../../src/triage/text/normalise.ts';
import { tokenise } from '../../src/triage/text/tokenise.ts';
import { engine } from '../support/kb.ts';

const VOCABULARY = [
  'password',
  'expired',
  'expiry',
  'expire',
  'inactivity',
  'refresh',
  'token',
  'revoked',
  'consent',
  'conditional',
  'access',
  'tenant',
  'identifier',
  'certificate',
  'signature',
];

/** Every word within one slip of `word`: deletions, swaps, substitutions and insertions of one letter. */
function oneSlip(word: string): string[] {
  const variants = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    variants.add(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) variants.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const letter of 'aeiouxz') {
      variants.add(word.slice(0, i) + letter + word.slice(i + 1));
      variants.add(word.slice(0, i) + letter + word.slice(i));
    }
  }
  variants.delete(word);
  return [...variants];
}

const correct = (corrector: TypoCorrector, text: string, neighbours?: (a: string, b: string) => boolean) => {
  const tokens = tokenise(normalise(text).text);
  return [...corrector.correct(tokens, new Set(VOCABULARY), neighbours)].map(([index, word]) => [tokens[index]!.key, word]);
};

describe('typo candidates', () => {
  const corrector = new TypoCorrector(VOCABULARY);
  // Typos of one and two slips of every word, not the last word of the paste (that one may be completed instead).
  const typos = [...new Set(VOCABULARY.flatMap((word) => oneSlip(word).flatMap((once) => [once, ...oneSlip(once).slice(0, 3)])))].filter(
    (typo) => !VOCABULARY.includes(typo) && typo.length >= 4,
  );

  it(`finds, for each of ${typos.length} typos, a word at the fewest slips the check accepts`, () => {
    const misses = typos.flatMap((typo) => {
      const slips = allowedSlips(typo.length);
      const distances = VOCABULARY.filter((word) => word.length >= 4).map((word) => editDistance(typo, word, slips));
      const fewest = Math.min(...distances);
      const [found] = correct(corrector, `${typo} x`);
      if (fewest > slips) return found ? [`${typo}: no word is close enough, yet read as ${found[1]}`] : [];
      if (!found) return [`${typo}: missed (closest at ${fewest} slips)`];
      return editDistance(typo, found[1]!, slips) === fewest ? [] : [`${typo}: read as ${found[1]}, not the closest`];
    });
    expect(misses).toEqual([]);
  });

  it('of equally close words, takes the one the neighbouring word stands beside in some message', () => {
    // "expird" is one slip from "expired" and from "expiry".
    const beside = (a: string, b: string) => a === 'password' && b === 'expired';
    expect(correct(corrector, 'the password expird for the account', beside)).toEqual([['expird', 'expired']]);
    expect(correct(corrector, 'the warranty expird for the account', beside)).toEqual([['expird', 'expire']]); // same first letter, then alphabetical
  });

  it('completes a word cut off at the end of the paste', () => {
    expect(correct(corrector, 'expired due to inactiv')).toEqual([['inactiv', 'inactivity']]);
  });

  it('leaves known words, codes, numbers and short words alone', () => {
    expect(correct(corrector, 'password AADSTS50055 12345 abc token')).toEqual([]);
  });
});

describe('on the live rules', () => {
  it('"the password expird for the ipp account" is answered: Password expired', () => {
    const [best] = engine.triage('the password expird for the ipp account').matches;
    expect(best && isAnswer(best) ? best.id : best).toBe('password-expired');
    expect(best!.reason).toContain('"expird" read as "expired"');
  });
});
