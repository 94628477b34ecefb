/**
 * The records of a JSON export, found by scanning (never JSON.parse), the
 * same whether the text arrives whole or in pieces cut anywhere — inside a
 * string, after a backslash, between two brackets.
 */
import { describe, expect, it } from 'vitest';
import { JsonRecordScanner, jsonLayout, jsonRecords } from '../../src/triage/text/json-records.ts';

const RUNS = [
  { id: 1, message: 'ok, "quoted" ] } [ {' },
  { id: 2, message: 'a \\ backslash \\" and more' },
  { id: 3, nested: { list: [1, 2, { deep: 'x' }] } },
];

/** The JSON of each record, as found. */
const texts = (text: string, found: Array<[number, number]> | null) => found?.map(([start, end]) => JSON.parse(text.slice(start, end)));

describe('the shapes of a JSON export', () => {
  const SHAPES: Array<[string, string]> = [
    ['an array of runs', JSON.stringify(RUNS, null, 2)],
    ['an array on one line', JSON.stringify(RUNS)],
    ['an object wrapping an array, after other keys', JSON.stringify({ '@odata.context': 'x', count: 3, value: RUNS, next: null })],
    ['runs keyed by id under a key', JSON.stringify({ runs: { a: RUNS[0], b: RUNS[1], c: RUNS[2] } }, null, 2)],
    ['runs keyed by id', JSON.stringify({ a: RUNS[0], b: RUNS[1], c: RUNS[2] })],
  ];

  it.each(SHAPES)('%s: each run is a record', (_name, text) => {
    expect(texts(text, jsonRecords(text))).toEqual(RUNS);
  });

  it.each(SHAPES)('%s: the same records when the text arrives in pieces of any size', (_name, text) => {
    for (const size of [1, 2, 3, 7, 64]) {
      const scanner = new JsonRecordScanner(jsonLayout(text)!);
      const found = [];
      for (let at = 0; at < text.length; at += size) found.push(...scanner.push(text.slice(at, at + size)));
      expect(texts(text, found), `pieces of ${size}`).toEqual(RUNS);
    }
  });

  it('a top-level array of messages: each string is a record', () => {
    const text = JSON.stringify(['AADSTS700082: expired', 'Username is empty']);
    expect(texts(text, jsonRecords(text))).toEqual(['AADSTS700082: expired', 'Username is empty']);
  });
});

describe('what is not an export, and stays one record', () => {
  it.each([
    ['an OAuth error body', '{"error":"invalid_grant","error_description":"AADSTS700082: expired","error_codes":[700082],"timestamp":"2024-01-01"}'],
    ['a Graph error body', '{"error":{"code":"ErrorAccessDenied","message":"Access is denied.","innerError":{"date":"2024-01-01"}}}'],
    ['one run', '[{"id":1}]'],
    ['an array of numbers', '[1, 2, 3]'],
    ['two JSON documents', '{"a":{"x":1},"b":{"y":2}} {"c":{}}'],
    ['plain text', 'Username is empty for the data source'],
    ['cut-off JSON', '[{"id":1},{"id":2'],
  ])('%s', (_name, text) => {
    expect(jsonRecords(text)).toBeNull();
  });
});
