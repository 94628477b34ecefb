/**
 * Routine means routine: a log record that reports success — even in words
 * that name failures, counted as none or negated — is not a failure; one
 * that counts failures is. Real log shapes, one per row.
 */
import { describe, expect, it } from 'vitest';
import { saysFailure } from '../../src/triage/text/outcome.ts';

const ROUTINE = [
  "2026-11-30 02:05:40 INFO Datasource 'Finance US': Preservation run completed: 388 mailboxes, 0 failures",
  "2026-11-30 02:05:41 INFO Datasource 'HR': Completed with no errors",
  "2026-11-30 02:05:42 INFO Datasource 'Legal': 0 errors, 0 warnings",
  "2026-11-30 02:05:43 INFO Datasource 'Board': Run succeeded. Failed: 0, Succeeded: 12",
  'Preservation finished without any errors.',
  'Sync complete: 1,204 items, zero failures',
  '{"time":"2026-11-30T02:05:46Z","datasource":"X","status":"Succeeded","errors":0,"error_codes":[]}',
  '{"status":"Completed","failures":[],"itemsPreserved":12}',
  'errors=0 warnings=2 items=388',
  "2026-11-30 02:05:47 INFO Datasource 'Sales': preserved 12 items: Success",
];

const FAILURES = [
  "2026-11-30 02:05:44 INFO Datasource 'Ops': Preservation run completed: 388 mailboxes, 3 failures",
  "2026-11-30 02:05:45 ERROR Datasource 'Ops': Job failed: the export could not be written",
  'Completed with errors: 2 mailboxes could not be preserved',
  'Failed: 2, Succeeded: 10',
  'errors=0.5% of runs', // a rate, not a zero count
  '{"status":"Failed","errors":3}',
  'Token refresh failed, retrying in 30 s',
  'The operation has timed out.',
];

describe('what a record says of itself', () => {
  it.each(ROUTINE)('routine: %s', (line) => {
    expect(saysFailure(line)).toBe(false);
  });

  it.each(FAILURES)('failure: %s', (line) => {
    expect(saysFailure(line)).toBe(true);
  });
});
