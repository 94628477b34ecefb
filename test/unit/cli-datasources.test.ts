/**
 * The datasources of an export from the command line: the table of the
 * readable report, and `datasources` in --json and in each --jsonl line,
 * the very facts the page shows (the engine's, on the live rules).
 */
import { describe, expect, it } from 'vitest';
import { engine } from '../support/kb.ts';
import { kb } from '../support/cli.ts';
import { DATASOURCE_EXPORT, REFRESH_EXPIRED as REFRESH, UNKNOWN_CODE as UNKNOWN } from '../support/exports.ts';

const EXPORT = DATASOURCE_EXPORT.join('\n');

describe('kb triage on an export', () => {
  it('leads the readable report with a table of its datasources, in log order', () => {
    const run = kb(['triage', '-'], EXPORT);
    expect(run.status).toBe(0);
    const table = run.stdout.slice(run.stdout.indexOf('4 datasources:'), run.stdout.indexOf('\n\n', run.stdout.indexOf('4 datasources:')));
    expect(table.split('\n')).toEqual([
      '4 datasources: 3 failing now (Legal, Board, Finance), 1 succeeded.',
      '  Datasource    State        Failed  Routine  First failure        Last failure         Errors',
      '  HR Mailboxes  succeeded         0        2  -                    -                    -',
      '  Legal         failing now       2        0  2025-03-04 02:00:09  2025-03-04 03:00:09  Refresh token expired ×2 [refresh-token-expired]',
      '  Board         failing now       1        0  2025-03-04 02:00:10  2025-03-04 02:00:10  not recognised ×1: AADSTS9999001',
      '  Finance       failing now       1        0  2025-03-04 02:00:12  2025-03-04 02:00:12  Password is empty for the data source ×1 [password-empty]',
    ]);
    // The errors follow in log order, and the unrecognised line shows its whole message with the prefix said apart.
    expect(run.stdout.indexOf('[refresh-token-expired]\n')).toBeLessThan(run.stdout.indexOf('[password-empty]\n'));
    expect(run.stdout).toContain(
      `  - line 3, Datasource Board, 2025-03-04 02:00:10: ${UNKNOWN}  [AADSTS9999001 (https://login.microsoftonline.com/error?code=9999001)]`,
    );
    expect(run.stdout).toContain('No article explains these lines: send them to IPP support.');
  });

  it('--json carries the datasources the page shows, with absolute links under --base-url', () => {
    const run = kb(['triage', '--json', '--base-url', 'https://corp.example/ipp-help/', '-'], EXPORT);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.timeOrder).toBe('oldest-first');
    expect(result.stats.datasources).toBe(4);
    const expected = JSON.parse(JSON.stringify(engine.triage(EXPORT).datasources));
    expected[1].errors[0].url = 'https://corp.example/ipp-help/errors/refresh-token-expired/';
    expected[3].errors[0].url = 'https://corp.example/ipp-help/errors/password-empty/';
    expect(result.datasources).toEqual(expected);
    expect(result.datasources[1]).toEqual({
      name: 'Legal',
      state: 'failing',
      failed: 2,
      routine: 0,
      firstFailure: { line: 2, time: '2025-03-04 02:00:09' },
      lastFailure: { line: 5, time: '2025-03-04 03:00:09' },
      first: { line: 2, time: '2025-03-04 02:00:09', failed: true },
      last: { line: 5, time: '2025-03-04 03:00:09', failed: true },
      errors: [{ id: 'refresh-token-expired', title: 'Refresh token expired', url: 'https://corp.example/ipp-help/errors/refresh-token-expired/', records: 2 }],
      unrecognised: { records: 0, codes: [] },
      timeline: [
        { lines: [2, 2], time: '2025-03-04 02:00:09', failed: 1, routine: 0, errors: ['refresh-token-expired'], unrecognised: 0 },
        { lines: [5, 5], time: '2025-03-04 03:00:09', failed: 1, routine: 0, errors: ['refresh-token-expired'], unrecognised: 0 },
      ],
    });
    expect(result.datasources[2]).toMatchObject({ name: 'Board', state: 'failing', errors: [], unrecognised: { records: 1, codes: ['AADSTS9999001'] } });
  });

  it('--jsonl gives each ticket its own datasources', () => {
    const tickets = [JSON.stringify({ id: 'T-1', text: EXPORT }), JSON.stringify({ id: 'T-2', text: REFRESH })].join('\n');
    const run = kb(['triage', '--jsonl', '-'], tickets);
    expect(run.status).toBe(0);
    const [first, second] = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(first.datasources.map((datasource: { name: string; state: string }) => [datasource.name, datasource.state])).toEqual([
      ['HR Mailboxes', 'succeeded'],
      ['Legal', 'failing'],
      ['Board', 'failing'],
      ['Finance', 'failing'],
    ]);
    expect(second).toMatchObject({ id: 'T-2', datasources: [], timeOrder: 'unknown', stats: { datasources: 0 } });
    // A ticket field named like a result field cannot be passed through.
    const clash = kb(['triage', '--jsonl', '-'], JSON.stringify({ datasources: 'x', text: REFRESH }));
    expect(clash.status).toBe(2);
    expect(JSON.parse(clash.stdout).error).toContain('"datasources"');
  });

  it('a single message has no table', () => {
    const run = kb(['triage', '-'], `2025-03-04 02:00:09 ERROR Datasource 'Legal': ${REFRESH}`);
    expect(run.stdout).toContain('[refresh-token-expired]');
    expect(run.stdout).not.toMatch(/^ {2}Datasource +State/m);
    expect(run.stdout).not.toContain('1 datasource:');
  });
});
