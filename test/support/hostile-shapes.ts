/**
 * The hostile shapes that once made triage backtrack, go quadratic or crash,
 * each with the size it is measured at. `npm run bench` (test/bench/linear.ts)
 * times every shape at n and 4n and prints the ratio: a linear algorithm
 * takes about 4×, a quadratic one 16× (goal: under 8×). The unit test
 * test/unit/linear-time.test.ts checks what the engine answers at the large
 * sizes; timings stay out of the tests, since this machine is shared.
 *
 * Each case was quadratic or crashed before the fix that came with it: a
 * long run of backslashes (normalise rescanned the run from every backslash:
 * 80,000 took 25 s), a word repeated 200,000 times against a template
 * repeating it (a Set of every (token, position) pair overflowed: "Set
 * maximum size exceeded"), and overlapping evidence compared pair by pair.
 */
import { buildIndex } from '../../src/triage/index/build.ts';
import { createEngine, type TriageEngine } from '../../src/triage/engine.ts';
import { normalise } from '../../src/triage/text/normalise.ts';
import { tokenise } from '../../src/triage/text/tokenise.ts';
import type { RuleInput } from '../../src/triage/types.ts';
import { stamp } from './exports.ts';

export const repeat = (word: string, times: number, separator = ' ') => Array.from({ length: times }, () => word).join(separator);

function rule(id: string, messages: string[]): RuleInput {
  return { id, title: id, fix: 'fix', resolution: 'Resolve it', categories: ['c'], messages, codes: [] };
}

/** 200 words with placeholders between (200 one-word chunks, each found everywhere), and one word 200 times (200 positions for every matching word). */
export function pathologicalTemplatesEngine(): TriageEngine {
  const spaced = Array.from({ length: 200 }, (_, i) => `refresh {p${i}}`).join(' ');
  return createEngine(buildIndex([rule('spaced', [spaced]), rule('repeated', [repeat('token', 200)]), rule('plain', ['Keyset does not exist'])]));
}

export interface HostileShape {
  label: string;
  /** The smaller size measured (the larger is 4×). */
  n: number;
  make: (size: number) => string;
  /** Which engine reads it: the pathological templates, the real rules, or one text stage alone. */
  reader: 'templates' | 'rules' | 'normalise' | 'tokenise';
}

const runRecord = (i: number) => ({
  time: `2025-03-04T02:${String(i % 60).padStart(2, '0')}:00Z`,
  datasource: `DS ${i}`,
  status: i % 10 ? 'Success' : 'Failed',
  message: i % 10 ? 'Preserved 12 items' : 'AADSTS700082: The refresh token has expired due to inactivity.',
});
/** A pretty-printed JSON export of runs keyed by id, about `size` characters: every tenth run failed with AADSTS700082. */
export const runsKeyedById = (size: number) =>
  JSON.stringify({ runs: Object.fromEntries(Array.from({ length: Math.floor(size / 190) }, (_, i) => [`run${i}`, runRecord(i)])) }, null, 2);
/** An export of about `size` characters in which every run failed alike. */
export const everyRunFailed = (size: number) =>
  Array.from(
    { length: Math.floor(size / 110) },
    (_, i) => `${stamp(i)} ERROR Datasource 'D${i}': AADSTS700082: The refresh token has expired due to inactivity.`,
  ).join('\n');
export const REFRESH_SENTENCE = 'The refresh token has expired due to inactivity. ';

export const HOSTILE_SHAPES: HostileShape[] = [
  { label: 'template "refresh {p} refresh {p} …" × paste "refresh …"', n: 5_000, make: (n) => repeat('refresh', n), reader: 'templates' },
  { label: 'template "token token …" × paste "token …"', n: 10_000, make: (n) => repeat('token', n), reader: 'templates' },
  { label: '"a." × n, one line (an e-mail or URL pattern would backtrack)', n: 62_500, make: (n) => repeat('a.', n, ''), reader: 'rules' },
  { label: '"a" × n then "@", one line', n: 250_000, make: (n) => `${'a'.repeat(n)}@`, reader: 'rules' },
  { label: '"a@" × n, one line', n: 62_500, make: (n) => repeat('a@', n, ''), reader: 'rules' },
  { label: 'hex digits too long to mask, one line', n: 125_000, make: (n) => 'deadbeef'.repeat(n / 8), reader: 'rules' },
  { label: '"1." × n (IP-like)', n: 62_500, make: (n) => repeat('1.', n, ''), reader: 'rules' },
  { label: '"\\" × n, normalise', n: 100_000, make: (n) => '\\'.repeat(n), reader: 'normalise' },
  { label: '"&" × n, normalise', n: 100_000, make: (n) => '&'.repeat(n), reader: 'normalise' },
  { label: '"\\\\u" and "&#" × n', n: 25_000, make: (n) => repeat('\\\\u&#', n, ''), reader: 'rules' },
  { label: '"refresh " × n, tokenise', n: 50_000, make: (n) => repeat('refresh', n), reader: 'tokenise' },
  { label: '"<guid>" × n, tokenise', n: 50_000, make: (n) => repeat('<guid>', n, ''), reader: 'tokenise' },
  { label: 'a real message × n, one record (overlapping readings)', n: 1_000, make: (n) => REFRESH_SENTENCE.repeat(n), reader: 'rules' },
  { label: '"AADSTS700082 " × n, one record', n: 20_000, make: (n) => 'AADSTS700082 '.repeat(n), reader: 'rules' },
  { label: 'pretty JSON object of runs keyed by id', n: 150_000, make: runsKeyedById, reader: 'rules' },
  { label: 'one error in every record', n: 100_000, make: everyRunFailed, reader: 'rules' },
];

/** The function that reads a shape, given the engine of the real rules. */
export function readerOf(shape: HostileShape, rules: TriageEngine, templates: TriageEngine): (text: string) => unknown {
  switch (shape.reader) {
    case 'templates':
      return (text) => templates.triage(text);
    case 'rules':
      return (text) => rules.triage(text);
    case 'normalise':
      return (text) => normalise(text);
    case 'tokenise':
      return (text) => tokenise(text);
  }
}
