/**
 * Triage that never hides a failure and never overclaims: one block per
 * problem found by trying the product as a new user would, each in several
 * shapes. Live content, because the cases are real errors.
 */
import { describe, expect, it } from 'vitest';
import { answersOf, isAnswer, summaryOf, unrecognisedOf } from '../../src/triage/present/present.ts';
import type { TriageResult } from '../../src/triage/types.ts';
import { routineRecord, stamp } from '../support/exports.ts';
import { engine } from '../support/kb.ts';

const confident = (result: TriageResult) => answersOf(result).map((match) => match.id);

/** The first line a given error was found on. */
const lineOf = (result: TriageResult, id: string) => {
  const match = result.matches.find((candidate) => candidate.id === id);
  return match ? result.segments[match.segments[0]!]!.lines[0] : undefined;
};

const REFRESH =
  'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-11-02T08:11:12.1234567Z and was inactive for 90.00:00:00.';
const USERNAME = 'Username is empty for the data source';
const POLICY = 'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.';
const UNKNOWN =
  "AADSTS50011: The redirect URI 'https://ipp.example.com/callback' specified in the request does not match the redirect URIs configured for the application.";
const PASSWORD = 'Password is empty for the data source';

describe('every record that looks like a failure is accounted for', () => {
  /** 200 time-stamped records: four failed datasources among routine ones. */
  function auditLog(failures: Record<number, [string, string]>): string {
    return Array.from({ length: 200 }, (_, i) => (failures[i] ? `${stamp(i)} ERROR Datasource '${failures[i][0]}': ${failures[i][1]}` : routineRecord(i))).join(
      '\n',
    );
  }

  it('a 200-line audit log with four failures: three answers and the fourth listed as not recognised, with its line, code and datasource', () => {
    const result = engine.triage(auditLog({ 36: ['HR', REFRESH], 87: ['Legal', USERNAME], 119: ['Sales', POLICY], 160: ['Finance', UNKNOWN] }));
    expect(confident(result).sort()).toEqual(['conditional-access-blocked', 'refresh-token-expired', 'username-empty']);
    expect(result.stats).toMatchObject({ records: 200, recognised: 3, unrecognised: 1, skipped: 196 });
    expect(unrecognisedOf(result)).toEqual([
      {
        segment: expect.any(Number),
        lines: [161, 161],
        firstWords: expect.stringContaining("ERROR Datasource 'Finance': AADSTS50011"),
        codes: [{ code: 'AADSTS50011', lookupUrl: 'https://login.microsoftonline.com/error?code=50011' }],
        datasource: 'Finance',
      },
    ]);
    expect(result.unknownCodes).toEqual([{ code: 'AADSTS50011', count: 1, line: 161 }]);
    expect(summaryOf(result)).toContain('1 other failed line was not recognised');
  });

  it('a failure without any code is listed too, and so is one inside a JSON array export', () => {
    const plain = engine.triage(auditLog({ 10: ['HR', REFRESH], 50: ['Ops', 'Job failed: the export could not be written to the archive share'] }));
    expect(unrecognisedOf(plain).map((record) => [record.lines[0], record.datasource, record.codes])).toEqual([[51, 'Ops', []]]);

    const json = JSON.stringify(
      [
        { time: '2025-03-04T02:00:00Z', datasource: 'HR', status: 'Success' },
        { time: '2025-03-04T02:00:05Z', datasource: 'Legal', status: 'Failed', message: REFRESH },
        { time: '2025-03-04T02:00:09Z', datasource: 'Sales', status: 'Failed', message: UNKNOWN },
      ],
      null,
      2,
    );
    const result = engine.triage(json);
    expect(confident(result)).toEqual(['refresh-token-expired']);
    expect(unrecognisedOf(result)).toHaveLength(1);
    expect(unrecognisedOf(result)[0]!.codes.map((code) => code.code)).toEqual(['AADSTS50011']);
  });

  it('an unknown code repeated in many records is listed once, with its count', () => {
    const result = engine.triage(auditLog(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [i * 5, [`DS${i}`, UNKNOWN]]))));
    expect(result.unknownCodes).toEqual([{ code: 'AADSTS50011', count: 30, line: 1 }]);
    expect(result.stats.unrecognised).toBe(30);
  });
});

describe('records are found by structure, not only by time stamps', () => {
  const SHAPES: Record<string, string> = {
    'numbered list': `1. Datasource HR: ${REFRESH}\n2. Datasource Legal: ${PASSWORD}`,
    'bulleted list': `- ${REFRESH}\n  (run of 4 March)\n- ${PASSWORD}`,
    'tab-separated rows from a portal table': `Datasource\tStatus\tMessage\nHR\tFailed\t${REFRESH}\nLegal\tFailed\t${PASSWORD}`,
    'Markdown table': `| Datasource | Message |\n|---|---|\n| HR | ${REFRESH} |\n| Legal | ${PASSWORD} |`,
    'CSV export': `datasource,status,message\nHR,Failed,"${REFRESH.replace(/,/g, ';')}"\nLegal,Failed,"${PASSWORD}"`,
    'JSON array': JSON.stringify(
      [
        { datasource: 'HR', message: REFRESH },
        { datasource: 'Legal', message: PASSWORD },
      ],
      null,
      2,
    ),
    'JSON Lines': `${JSON.stringify({ datasource: 'HR', message: REFRESH })}\n${JSON.stringify({ datasource: 'Legal', message: PASSWORD })}`,
  };

  it.each(Object.entries(SHAPES))('%s: both errors answered, each with its own evidence, the code not suppressing the other message', (_shape, text) => {
    const result = engine.triage(text);
    expect(confident(result).sort(), text).toEqual(['password-empty', 'refresh-token-expired']);
    const refresh = result.matches.find((match) => match.id === 'refresh-token-expired')!;
    const password = result.matches.find((match) => match.id === 'password-empty')!;
    expect(refresh.evidence.every((span) => !span.text.toLowerCase().includes('password is empty'))).toBe(true);
    expect(password.evidence.map((span) => span.text.toLowerCase()).join(' ')).toContain('password is empty');
    expect(lineOf(result, 'refresh-token-expired')).not.toBe(lineOf(result, 'password-empty'));
  });

  it('a single pretty-printed JSON body, a stack trace and a console-wrapped message stay one record', () => {
    const body = JSON.stringify({ error: 'invalid_grant', error_description: REFRESH, error_codes: [700082] }, null, 2);
    const trace = `Microsoft.Identity.Client.MsalUiRequiredException: ${REFRESH}\n   at Foo.Bar()\n   at Baz.Qux()`;
    const wrapped = "Get-Token : AADSTS900144: The request body must contain the following\nparameter: 'password'.";
    for (const text of [body, trace, wrapped]) expect(engine.triage(text).stats.records, text).toBe(1);
  });
});

describe('short messages with slips', () => {
  const CASES: Array<[string, string, 'high' | 'medium', string[]]> = [
    ['Passwrd is emtpy for the data source', 'password-empty', 'medium', ['"passwrd" read as "password"', '"emtpy" read as "empty"']],
    ['refresh tokn expierd', 'refresh-token-expired', 'medium', ['"tokn" read as "token"', '"expierd" read as "expired"']],
    ['The refresh tokn has expierd due to inactivty', 'refresh-token-expired', 'medium', ['"expierd" read as "expired"', '"inactivty" read as "inactivity"']],
    ['Usrname is emtpy for the data source', 'username-empty', 'medium', ['"usrname" read as "username"']],
    ['Presented multifactor authentication has expired due to policies configured by your administrator', 'mfa-expired', 'high', []],
    ['presented multi factor authentication has expird due to policies configured by your administrator', 'mfa-expired', 'high', []],
  ];

  it.each(CASES)('%s → %s (%s), naming the corrected words', (text, id, confidence, named) => {
    const [best] = engine.triage(text).matches;
    expect({ id: best?.id, confidence: best?.confidence }).toEqual({ id, confidence });
    for (const word of named) expect(best!.reason).toContain(word);
  });
});

describe('no confidence without telling words', () => {
  const VARIABLE_ONLY = [
    'Trace ID: 637875b9-2be6-4629-a209-fd0f8384dcda',
    'Trace ID: 637875b9-2be6-4629-a209-fd0f8384dcda\nCorrelation ID: 4020b1bf-0bdd-4c55-925d-03f57c6d103a\nTimestamp: 2024-05-16 12:37:58Z',
    '637875b9-2be6-4629-a209-fd0f8384dcda',
    'Timestamp: 2020-09-25 08:51:49Z',
  ];
  const GENERIC = [
    'The refresh token has expired.',
    'Invalid request',
    'token expired',
    'refresh token',
    'is empty for the data source',
    'the request body must contain',
    'has not been',
  ];

  it.each([...VARIABLE_ONLY, ...GENERIC])('%j is answered by nothing above a suggestion', (text) => {
    expect(confident(engine.triage(text))).toEqual([]);
  });

  it('summaries say "Likely" for a medium answer and "Found" only for a high one', () => {
    expect(summaryOf(engine.triage('Passwrd is emtpy for the data source'))).toBe('Likely: Password is empty for the data source.');
    expect(summaryOf(engine.triage('Password is empty for the data source'))).toBe('Found: Password is empty for the data source.');
    expect(isAnswer({ confidence: 'medium' })).toBe(true);
    expect(isAnswer({ confidence: 'low' })).toBe(false);
  });
});

describe('long exports are skimmed with the index itself', () => {
  /** A rule whose message has none of the old fixed list of error words. */
  const CONSENT =
    "AADSTS65001: The user or administrator has not consented to use the application with ID 'a7d3f0c9-2e58-4b16-9c04-e1b6d8a2f735' named 'IPP Connector'.";
  const CONSENT_NO_CODE =
    "The user or administrator has not consented to use the application with ID 'a7d3f0c9-2e58-4b16-9c04-e1b6d8a2f735' named 'IPP Connector'.";

  it.each([
    ['with its code', CONSENT],
    ['message alone', CONSENT_NO_CODE],
  ])('a message without error words (%s) is found in a 61-record export as in a 2-record paste', (_name, message) => {
    const short = engine.triage(`${routineRecord(0)}\n${stamp(1)} Datasource 'HR': ${message}`);
    expect(confident(short)).toEqual(['consent-not-granted']);
    const lines = Array.from({ length: 61 }, (_, i) => (i === 40 ? `${stamp(i)} Datasource 'HR': ${message}` : routineRecord(i)));
    const long = engine.triage(lines.join('\n'));
    expect(confident(long)).toEqual(['consent-not-granted']);
    expect(lineOf(long, 'consent-not-granted')).toBe(41);
  });
});
