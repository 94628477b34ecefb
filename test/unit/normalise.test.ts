import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/triage/text/normalise.ts';
import { tokenise } from '../../src/triage/text/tokenise.ts';
import { random } from '../support/synthetic-rules.ts';

const keys = (text: string) => tokenise(normalise(text).text).map((token) => token.key);

describe('normalise', () => {
  it('decodes HTML entities, JSON escapes (once or twice) and folds case and white space', () => {
    expect(normalise('Request&nbsp;is&#32;MALFORMED&amp;invalid').text).toBe('request is malformed&invalid');
    expect(normalise('line one\\r\\nTrace ID:\\"x\\"').text).toBe('line one trace id:"x"');
    expect(normalise('double \\\\r\\\\n escaped \\\\"quoted\\\\"').text).toBe('double escaped "quoted"');
    expect(normalise('caf\\u00e9').text).toBe('café');
  });

  it('drops terminal colour codes', () => {
    expect(normalise('\u001b[31mAADSTS700082\u001b[0m: The refresh token').text).toBe('aadsts700082: the refresh token');
  });

  it('keeps literal backslashes that are not escapes (Windows paths)', () => {
    expect(normalise('C:\\Users\\svc').text).toBe('c:\\users\\svc');
  });

  it('drops zero-width, bidi-override and control characters and folds full-width forms', () => {
    expect(normalise('Ref\u200bresh\u202e tok\u0000en').text).toBe('refresh token');
    expect(normalise('ＡＡＤＳＴＳ７０００８２').text).toBe('aadsts700082');
  });

  it('reads plain ASCII (its shortcut) exactly as the character-by-character pass does', () => {
    // A trailing tab sends the same text down the full pass, which trims it: only the end of the map differs.
    const next = random(7);
    const alphabet = 'aZ0 :-\'"./_@[]{}=,Tx';
    for (let n = 0; n < 2000; n++) {
      const line = Array.from({ length: 1 + Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const plain = normalise(line);
      const full = normalise(`${line}\t`);
      expect(plain.text).toBe(full.text);
      expect([...plain.map.subarray(0, plain.text.length)]).toEqual([...full.map.subarray(0, full.text.length)]);
      expect(plain.map[plain.text.length]).toBe(line.length);
    }
  });

  it('maps every normalised character back to the original text', () => {
    const input = 'A&amp;B\\r\\n  C';
    const { text, map } = normalise(input);
    expect(text).toBe('a&b c');
    expect([...text].map((_, i) => input[map[i]!])).toEqual(['A', '&', 'B', '\\', 'C']);
    expect(map[text.length]).toBe(input.length);
  });
});

describe('tokenise and mask', () => {
  it('masks GUIDs, timestamps, durations, e-mail addresses, thumbprints, IPs and numbers', () => {
    expect(
      keys(
        'Trace ID: dc41b3fa-a25b-4280-b500-cd8b8788a601 at 2021-05-26 10:35:28Z for megan.bowen@contoso.com ' +
          "from 10.0.0.12, inactive for 90.00:00:00, key '1C74D736BEA6C95459FD38D02D0A2514A52FC9E9', retry 3",
      ),
    ).toEqual([
      'trace',
      'id',
      '<guid>',
      'at',
      '<timestamp>',
      'for',
      '<email>',
      'from',
      '<ip>',
      'inactive',
      'for',
      '<duration>',
      'key',
      '<hex>',
      'retry',
      '<number>',
    ]);
  });

  it('keeps Entra codes as codes and splits URLs into their words', () => {
    const tokens = tokenise(normalise("AADSTS700082: resource 'https://ps.compliance.protection.outlook.com'").text);
    expect(tokens[0]).toMatchObject({ key: 'aadsts700082', code: true });
    expect(tokens.slice(2).map((token) => token.key)).toEqual(['https', 'ps', 'compliance', 'protection', 'outlook', 'com']);
  });

  it('gives two pastes of the same error the same keys', () => {
    const a = 'Trace ID: 3f0e1c2a-7b5d-4e1f-9a8b-0c1d2e3f4a5b Timestamp: 2024-06-01 08:00:12Z';
    const b = 'Trace ID: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d Timestamp: 2021-01-05 23:59:59Z';
    expect(keys(a)).toEqual(keys(b));
  });

  it('is idempotent: masking masked text changes nothing', () => {
    const once = keys('issued on 2021-02-20T02:58:17.0350262Z, id dc41b3fa-a25b-4280-b500-cd8b8788a601');
    expect(keys(once.join(' '))).toEqual(once);
  });
});
