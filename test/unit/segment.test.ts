import { describe, expect, it } from 'vitest';
import { segment } from '../../src/triage/text/segment.ts';

const texts = (input: string) => segment(input).map((record) => input.slice(record.start, record.end));

describe('segment', () => {
  it('reads a single message with its stack trace or pretty-printed JSON as one record', () => {
    const trace = 'MsalUiRequiredException: AADSTS50078: Presented multi-factor authentication has expired\n   at Foo.Bar()\n\n   at Baz.Qux()';
    expect(texts(trace)).toEqual([trace.replace('\n\n', '\n\n')]);
    const json = '{\n\n  "error": "invalid_grant",\n\n  "error_description": "AADSTS9002313: Invalid request."\n}';
    expect(segment(json)).toHaveLength(1);
  });

  it('splits an audit-log export at time-stamped lines and keeps continuation lines with their record', () => {
    const log = [
      '2024-05-02 10:14:03 INFO Datasource HR: Success',
      '2024-05-02 10:15:03 ERROR Datasource Legal: Username is empty for the data source',
      '2024-05-02 10:16:03 ERROR Datasource Sales: {"error":"invalid_grant",',
      '  "error_description":"AADSTS700082: The refresh token has expired due to inactivity."}',
    ].join('\n');
    const records = segment(log);
    expect(records.map((record) => record.lines)).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
  });

  it('reads a long paste without time stamps line by line, joining stack frames', () => {
    const lines = Array.from({ length: 80 }, (_, i) => (i % 2 ? '   at Frame.Method()' : `Error ${i}: Keyset does not exist`));
    expect(segment(lines.join('\n'))).toHaveLength(40);
  });

  it('ignores blank lines and handles empty input', () => {
    expect(segment('')).toEqual([]);
    expect(segment('\n\n  \n')).toEqual([]);
  });
});
