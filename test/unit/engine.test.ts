import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/triage/index/build.ts';
import { createEngine, InputTooLargeError, MAX_INPUT_CHARS } from '../../src/triage/engine.ts';
import { engine } from '../support/kb.ts';

const best = (text: string) => engine.triage(text).matches[0];

describe('tiers', () => {
  it('an error code alone identifies its rule, with or without the AADSTS prefix', () => {
    for (const text of ['AADSTS700082', '700082', 'error 700082', 'aadsts700082']) {
      expect(best(text), text).toMatchObject({ id: 'refresh-token-expired', confidence: 'high' });
    }
    expect(best('error 50173')).toMatchObject({ id: 'grant-revoked', confidence: 'high' });
  });

  it('a bare number in running text is not taken for a code', () => {
    expect(engine.triage('retried 700082 times').matches.filter((m) => m.confidence !== 'low')).toEqual([]);
  });

  it('finds a code inside error_codes arrays and msal-node prefixes', () => {
    expect(best('{"error":"invalid_client","error_codes":[700027]}')).toMatchObject({ id: 'client-assertion-invalid-signature' });
    expect(best('invalid_client: 700027 - [2021-06-10 22:21:00Z]')).toMatchObject({ id: 'client-assertion-invalid-signature' });
  });

  it('matches message templates whatever fills the placeholders', () => {
    const text =
      "The service principal for resource 'https://outlook.office365.com' is disabled. This indicate that a subscription within the tenant has lapsed";
    expect(best(text)).toMatchObject({ id: 'service-principal-disabled', confidence: 'high' });
  });

  it('a specific code beats the generic Identity Provider wrapper in the same record', () => {
    const text =
      'The Identity Provider returned an error. Trace ID: 637875b9-2be6-4629-a209-fd0f8384dcda AADSTS50173: The provided grant has expired due to it being revoked';
    const result = engine.triage(text);
    expect(result.matches[0]).toMatchObject({ id: 'grant-revoked', confidence: 'high' });
    expect(result.matches.find((m) => m.id === 'identity-provider-error')?.confidence ?? 'low').toBe('low');
  });

  it('an unknown AADSTS code turns template look-alikes into suggestions only, and is reported', () => {
    // A code no rule knows, with the whole message of AADSTS50034 (user-not-found), word for word.
    const result = engine.triage(
      'AADSTS9999991: The user account ipp-service@contoso.com does not exist in the 72b1c4e0-9d3a-4f65-b8e2-0a6c5d91f3b7 directory. To sign into this application, the account must be added to the directory.',
    );
    expect(result.matches.filter((m) => m.confidence !== 'low')).toEqual([]);
    expect(result.matches.map((m) => m.id)).toContain('user-not-found');
    expect(result.segments[0]!.unknownCodes).toEqual(['AADSTS9999991']);
  });

  it('tolerates typos and cut-off words, with less confidence than an exact match', () => {
    const typo = best('The provded grant has expird due to it being revokd');
    expect(typo).toMatchObject({ id: 'grant-revoked' });
    expect(typo!.confidence).not.toBe('high');
    expect(typo!.reason).toContain('"revokd" read as "revoked"');
    expect(best('presented multi-factor authentication has expired due to polic')).toMatchObject({ id: 'mfa-expired' });
  });

  it('takes a telling fragment as the answer, but not one that fits many messages', () => {
    expect(best('username is empty')).toMatchObject({ id: 'username-empty', confidence: 'high' });
    expect(best('password is empty')).toMatchObject({ id: 'password-empty', confidence: 'high' });
    for (const vague of ['token expired', 'refresh token']) {
      expect(
        engine.triage(vague).matches.filter((m) => m.confidence === 'high'),
        vague,
      ).toEqual([]);
    }
  });

  it('a shared phrase followed by another word is another error, not this one', () => {
    const result = engine.triage("The request body must contain the following parameter: 'client_id'.");
    expect(result.matches.filter((m) => m.confidence !== 'low')).toEqual([]);
    expect(result.matches[0]!.reason).toContain('the paste says "client_id" where the message says "password"');
    expect(best("The request body must contain the following parameter: 'password'.")).toMatchObject({ id: 'request-missing-password', confidence: 'high' });
  });

  it('reports two errors pasted side by side, both with confidence', () => {
    const matches = engine.triage('Username is empty for the data source\nPassword is empty for the data source').matches;
    expect(
      matches
        .filter((m) => m.confidence === 'high')
        .map((m) => m.id)
        .sort(),
    ).toEqual(['password-empty', 'username-empty']);
  });

  it('does not give one confident answer when two fixes explain a paste equally', () => {
    const matches = engine.triage('is empty for the data source').matches;
    expect(matches.filter((m) => m.confidence === 'high')).toEqual([]);
  });
});

describe('evidence and explanation', () => {
  it('points at the spans of the user own text, with offsets into the input', () => {
    const input = 'Job failed:\r\n  AADSTS700082: The refresh token has expired due to inactivity.';
    const result = engine.triage(input);
    const [match] = result.matches;
    expect(match!.evidence.length).toBeGreaterThan(0);
    for (const span of match!.evidence) expect(input.slice(span.start, span.end)).toBe(span.text);
    expect(match!.evidence.map((span) => span.text)).toContain('AADSTS700082');
    expect(match!.reason).toMatch(/AADSTS700082/);
  });

  it('highlights words even when the paste is HTML-escaped or JSON-escaped', () => {
    const input = 'The&nbsp;refresh&nbsp;token has expired due to inactivity. The token was issued on\\r\\nTrace ID: x';
    const [match] = engine.triage(input).matches;
    expect(match!.id).toBe('refresh-token-expired');
    expect(match!.evidence[0]!.text).toMatch(/^The&nbsp;refresh&nbsp;token has expired/);
  });

  it('lists the variable parts it ignored', () => {
    const [segment] = engine.triage('AADSTS700082 Trace ID: dc41b3fa-a25b-4280-b500-cd8b8788a601').segments;
    expect(segment!.ignored).toEqual([{ kind: 'guid', text: 'dc41b3fa-a25b-4280-b500-cd8b8788a601' }]);
  });
});

describe('multi-record pastes', () => {
  const log = [
    '2024-05-02 10:14:03 INFO Datasource HR: completed successfully',
    '2024-05-02 10:15:03 ERROR Datasource Legal: Username is empty for the data source',
    '2024-05-02 10:16:03 ERROR Datasource Sales: AADSTS700082: The refresh token has expired due to inactivity.',
    '2024-05-02 10:17:03 ERROR Datasource Finance: AADSTS700082: The refresh token has expired due to inactivity.',
    '2024-05-02 10:18:03 ERROR Datasource Ops: disk quota reached',
  ].join('\n');

  it('diagnoses each record, skips successes and reports each distinct error once with its lines', () => {
    const result = engine.triage(log);
    expect(result.stats).toMatchObject({ records: 5, skipped: 1 });
    expect(result.matches.filter((m) => m.confidence === 'high').map((m) => [m.id, m.segments.map((i) => result.segments[i]!.lines[0])])).toEqual([
      ['refresh-token-expired', [3, 4]],
      ['username-empty', [2]],
    ]);
    expect(result.segments.find((s) => s.lines[0] === 5)!.matches.filter((m) => m.confidence !== 'low')).toEqual([]);
  });
});

describe('limits and robustness', () => {
  it('refuses a paste over the limit with a clear error', () => {
    expect(() => engine.triage('x'.repeat(MAX_INPUT_CHARS + 1))).toThrow(InputTooLargeError);
  });

  it('answers empty and meaningless input with no match', () => {
    expect(engine.triage('')).toMatchObject({ matches: [], segments: [] });
    expect(engine.triage('   \n\t ').matches).toEqual([]);
    expect(engine.triage('hello world').matches).toEqual([]);
  });

  it('works on any index, including one with no rules', () => {
    expect(createEngine(buildIndex([])).triage('AADSTS700082').matches).toEqual([]);
  });
});

describe('messages of several sentences', () => {
  it('one whole, telling sentence of a longer message is enough, even among other lines', () => {
    const [match] = engine.triage('The refresh token has expired due to maximum lifetime\ninfo\ninfo info').matches;
    expect(match).toMatchObject({ id: 'refresh-token-max-lifetime', confidence: 'high' });
  });

  it('a generic sentence shared by several messages is not', () => {
    const matches = engine.triage('The token was issued on 2021-01-01T00:00:00Z').matches;
    expect(matches.filter((m) => m.confidence !== 'low')).toEqual([]);
  });
});
