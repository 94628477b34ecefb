/**
 * Repair of what OCR misreads in error codes (src/ocr/repair.ts): only codes,
 * only to what Microsoft's pattern accepts, bare numbers only to codes the
 * knowledge base knows; and the notice that says what was repaired.
 */
import { describe, expect, it } from 'vitest';
import { repairSentence, screenshotNotice } from '../../src/ocr/notice.ts';
import { knownEntraCodes, repairCodes } from '../../src/ocr/repair.ts';

/** A knowledge base of two rules, as the index gives them. */
const KNOWN = knownEntraCodes({
  rules: [{ codes: ['AADSTS700082', 'TooManyRequests'] }, { codes: ['AADSTS50173'] }] as never,
});

describe('repairCodes', () => {
  it.each([
    ['AADSTS7OOO82: The refresh token has expired due to inactivity.', 'AADSTS700082: The refresh token has expired due to inactivity.', 'AADSTS7OOO82'],
    ['Error AADST5700082 occurred', 'Error AADSTS700082 occurred', 'AADST5700082'],
    ['AAD5TS5O173: The provided grant has expired', 'AADSTS50173: The provided grant has expired', 'AAD5TS5O173'],
    ['"error_description":"AADSTS7000l5: Application not found"', '"error_description":"AADSTS700015: Application not found"', 'AADSTS7000l5'],
    ['AADSTSS0I26 Invalid username or password', 'AADSTS50126 Invalid username or password', 'AADSTSS0I26'],
    ['(AADSTS7OOOB2)', '(AADSTS700082)', 'AADSTS7OOOB2'],
  ])('reads a code whose digits were read as look-alike letters: %s', (read, repaired, code) => {
    const result = repairCodes(read, KNOWN);
    expect(result.text).toBe(repaired);
    expect(result.repairs).toEqual([{ read: code, as: /AADSTS\d+/.exec(repaired)![0] }]);
  });

  it('repairs a code whose digits need no knowledge base: the pattern alone accepts it (an unknown code stays unknown, but readable)', () => {
    expect(repairCodes('AADSTS9OOO2: something new', new Set()).text).toBe('AADSTS90002: something new');
  });

  it.each([
    ['a code already right', 'AADSTS700082: The refresh token has expired'],
    ['too few digits for a code', 'AADSTS7OO happened'],
    ['too many digits for a code', 'AADSTS7OOOOOOOOO2 happened'],
    ['letters that have no digit twin', 'AADSTS7ZZZ82 happened'],
    ['a code joined to the next word', 'AADSTS7OOO82The refresh token'],
    ['words that look like digits', 'SOS: lOl Boot IS slow, 5 B'],
    ['a GUID and a time (masked by the engine as they are)', 'Trace ID: dc41b3fa-a25b-4280-b500-cd8b8788a6Ol Timestamp: 2O21-05-26 1O:35:28Z'],
  ])('leaves alone %s', (_why, text) => {
    expect(repairCodes(text, KNOWN)).toEqual({ text, repairs: [] });
  });

  it('repairs a bare number only after a word that introduces a code, and only to a code the knowledge base knows', () => {
    expect(repairCodes('"error_codes":[7OOO82],"timestamp"', KNOWN)).toEqual({
      text: '"error_codes":[700082],"timestamp"',
      repairs: [{ read: '7OOO82', as: '700082' }],
    });
    expect(repairCodes('invalid_grant: 5O173 - the grant', KNOWN).text).toBe('invalid_grant: 50173 - the grant');
    expect(repairCodes('error?code=7OOO82', KNOWN).text).toBe('error?code=700082');
    // Known code, no code word before it; a code word, but no such code in the knowledge base; no knowledge base at all.
    expect(repairCodes('it failed 7OOO82 times', KNOWN).repairs).toEqual([]);
    expect(repairCodes('"error_codes":[5OO126]', KNOWN).repairs).toEqual([]);
    expect(repairCodes('"error_codes":[7OOO82]', new Set()).repairs).toEqual([]);
  });

  it('lists each distinct repair once, in order', () => {
    const result = repairCodes('AADSTS7OOO82 then AADSTS5Ol73 then AADSTS7OOO82 again', KNOWN);
    expect(result.text).toBe('AADSTS700082 then AADSTS50173 then AADSTS700082 again');
    expect(result.repairs.map((repair) => repair.read)).toEqual(['AADSTS7OOO82', 'AADSTS5Ol73']);
  });

  it('knows only the Entra codes of the knowledge base, in lookup form', () => {
    expect([...KNOWN].sort()).toEqual(['aadsts50173', 'aadsts700082']);
  });
});

describe('the screenshot notice', () => {
  it('says the text came from a screenshot and may be misread, and names each repair with what was read', () => {
    expect(screenshotNotice([])).toBe('Read from a screenshot: some characters may be misread, so check the text against the image.');
    expect(screenshotNotice([{ read: 'AADSTS7OOO82', as: 'AADSTS700082' }], 'shot.png')).toBe(
      'Read from a screenshot (shot.png): some characters may be misread, so check the text against the image. Where the OCR read letters in an error code, we read AADSTS7OOO82 as AADSTS700082.',
    );
    expect(
      repairSentence([
        { read: 'A', as: 'B' },
        { read: 'C', as: 'D' },
        { read: 'E', as: 'F' },
      ]),
    ).toBe('read A as B, C as D and E as F');
  });
});
