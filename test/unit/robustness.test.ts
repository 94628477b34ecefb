/**
 * The real-world pastes, disguised the ways customers disguise them: case,
 * HTML escaping, JSON escaping once or twice, a stack trace or a log line or
 * a ticket around them, console wrapping, invisible characters, CRLF, and
 * truncation. The fix must survive every disguise (never as a mere
 * suggestion), and no look-alike may become a confident match.
 */
import { describe, expect, it } from 'vitest';
import { readCases } from '../support/accuracy.ts';
import { engine, ROOT, satisfiesLabel } from '../support/kb.ts';

const cases = readCases(`${ROOT}/test/fixtures/realworld-public.jsonl`);

const DISGUISES: Record<string, (text: string) => string> = {
  'lower case': (text) => text.toLowerCase(),
  'upper case': (text) => text.toUpperCase(),
  'HTML-escaped': (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/ /g, '&nbsp;'),
  'JSON-escaped': (text) => JSON.stringify(text).slice(1, -1),
  'JSON-escaped twice': (text) => JSON.stringify(JSON.stringify(text)).slice(1, -1),
  'in a stack trace': (text) => `Microsoft.Identity.Client.MsalServiceException: ${text}\n   at Foo.Bar()\n   at Baz.Qux(String x)`,
  'console-wrapped at 80 columns': (text) => text.replace(/(.{80})/g, '$1\n'),
  'in an audit-log line': (text) => `2025-01-02 03:04:05 ERROR Datasource 'Legal': ${text.replace(/\n/g, ' ')}`,
  'in a ticket': (text) => `Hi team,\n\nour IPP failed again last night. The audit log says:\n\n${text}\n\nCan you help?\nThanks, Megan`,
  'zero-width spaces': (text) => text.replace(/ /g, ' \u200b'),
  'CRLF line ends': (text) => text.replace(/\n/g, '\r\n'),
};

function verdict(text: string, expect: string): string | null {
  const matches = engine.triage(text).matches;
  if (expect === 'none') {
    const claimed = matches.find((match) => match.confidence !== 'low');
    return claimed ? `claimed by ${claimed.id} (${claimed.confidence})` : null;
  }
  const best = matches[0];
  if (!best) return 'no match';
  if (!satisfiesLabel(expect, best)) return `wrong fix: ${best.id}`;
  return best.confidence === 'low' ? `only a suggestion: ${best.id}` : null;
}

describe.each(Object.entries(DISGUISES))('real-world pastes %s', (_name, disguise) => {
  it('keep their fix, and look-alikes stay unclaimed', () => {
    const wrong = cases
      .map((item) => ({ item, problem: verdict(disguise(item.text), item.expect) }))
      .filter(({ problem }) => problem !== null)
      .map(({ item, problem }) => `${item.expect}: ${problem} ← ${disguise(item.text).slice(0, 80)}`);
    expect(wrong).toEqual([]);
  });
});

it('real-world pastes cut to 70% of their length mostly keep their fix', () => {
  // A cut can remove the whole error ("ClientCertificateCredential authentication
  // failed: " is all that is left of one), or the very words that tell two
  // errors apart ("AADSTS90014: The request body must contain the followin",
  // cut before 'password' or 'client_secret': a code two rules share, with
  // different fixes, so only a suggestion), so this one is a rate, not a rule.
  const positives = cases.filter((item) => item.expect !== 'none');
  const right = positives.filter((item) => verdict(item.text.slice(0, Math.max(25, Math.floor(item.text.length * 0.7))), item.expect) === null);
  expect(right.length / positives.length).toBeGreaterThanOrEqual(0.9);
});
