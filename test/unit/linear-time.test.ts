/**
 * No paste and no rule template can make triage backtrack or go quadratic.
 * Templates are compiled to word lists, never to regular expressions; the
 * tokeniser's one regular expression has bounded quantifiers only. Proved by
 * timing: the same hostile shape at size N and 4N, median CPU time of five interleaved runs each,
 * must take well under the 16× a quadratic algorithm would (we allow < 8×).
 *
 * Each case here was quadratic or crashed before the fix that came with this
 * test: a long run of backslashes (normalise rescanned the run from every
 * backslash: 80,000 took 25 s), a word repeated 200,000 times against a
 * template repeating it (a Set of every (token, position) pair overflowed:
 * "Set maximum size exceeded"), and overlapping evidence compared pair by pair.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/triage/index/build.ts';
import { createEngine, type TriageEngine } from '../../src/triage/engine.ts';
import { normalise } from '../../src/triage/text/normalise.ts';
import { tokenise } from '../../src/triage/text/tokenise.ts';
import type { RuleInput } from '../../src/triage/types.ts';
import { MAX_EVIDENCE } from '../../src/triage/decide/candidate.ts';
import { stamp } from '../support/exports.ts';
import { engine as realEngine } from '../support/kb.ts';

const MAX_RATIO = 8;

function rule(id: string, messages: string[]): RuleInput {
  return { id, title: id, fix: 'fix', resolution: 'Resolve it', categories: ['c'], messages, codes: [] };
}

/** CPU milliseconds of this process: other programs loading the machine do not inflate it as they do wall time. */
function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Times `run(make(n))` and `run(make(4n))`, five rounds interleaved (so a busy
 * spell hits both sizes alike), and returns the ratio of the medians.
 */
function growth(label: string, n: number, make: (size: number) => string, run: (input: string) => unknown): number {
  const small = make(n);
  const large = make(4 * n);
  run(small); // warm-up
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < 5; round++) {
    a.push(cpuMs(() => run(small)));
    b.push(cpuMs(() => run(large)));
  }
  // Below a few milliseconds the ratio is noise: compare against a floor.
  const ratio = median(b) / Math.max(median(a), 2);
  console.log(`${label}: ${small.length.toLocaleString('en')} chars ${median(a).toFixed(1)} ms, ${large.length.toLocaleString('en')} chars ${median(b).toFixed(1)} ms (CPU, medians of 5), ratio ${ratio.toFixed(2)}`);
  return ratio;
}

const repeat = (word: string, times: number, separator = ' ') => Array.from({ length: times }, () => word).join(separator);

describe('pathological templates', () => {
  // 200 words with placeholders between: 200 one-word chunks, each found everywhere.
  const spaced = Array.from({ length: 200 }, (_, i) => `refresh {p${i}}`).join(' ');
  // 200 repetitions of one word in one chunk: 200 positions for every matching record word.
  const repeated = repeat('token', 200);
  const engine: TriageEngine = createEngine(buildIndex([rule('spaced', [spaced]), rule('repeated', [repeated]), rule('plain', ['Keyset does not exist'])]));

  it('200 words with placeholders between, against a paste repeating the first word: linear', () => {
    const ratio = growth('template "refresh {p} refresh {p} …" × paste "refresh …"', 5_000, (n) => repeat('refresh', n), (text) => engine.triage(text));
    expect(ratio).toBeLessThan(MAX_RATIO);
    expect(engine.triage(repeat('refresh', 500)).matches.map((m) => m.id)).toContain('spaced');
  });

  it('one word 200 times, against a paste repeating it: linear, and 200,000 repetitions do not crash', () => {
    const ratio = growth('template "token token …" × paste "token …"', 10_000, (n) => repeat('token', n), (text) => engine.triage(text));
    expect(ratio).toBeLessThan(MAX_RATIO);
    const huge = engine.triage(repeat('token', 200_000));
    expect(huge.matches[0]).toMatchObject({ id: 'repeated', confidence: 'high' });
  }, 60_000);

  it('templates are never compiled to regular expressions, so regex syntax in one is just text', () => {
    const calls: unknown[] = [];
    const Original = globalThis.RegExp;
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args) { calls.push(args[0]); return Reflect.construct(target, args); },
      apply(target, self, args) { calls.push(args[0]); return Reflect.apply(target, self, args); },
    });
    let nasty: TriageEngine;
    try {
      nasty = createEngine(buildIndex([rule('nasty', ['(a+)+$ {x} (.*a){20} [^]*? widget failed'])]));
      nasty.triage(`${'a'.repeat(5_000)}! (a+)+$ x widget failed`);
    } finally {
      globalThis.RegExp = Original;
    }
    expect(calls).toEqual([]);
    expect(nasty!.triage('a a widget failed').matches.map((m) => m.id)).toEqual(['nasty']);
  });
});

describe('pathological pastes against the real rules', () => {
  const triage = (text: string) => realEngine.triage(text);

  it('a line of "a.a.a.…" (an e-mail or URL pattern would backtrack here): linear', () => {
    expect(growth('"a." × n, one line', 62_500, (n) => repeat('a.', n, ''), triage)).toBeLessThan(MAX_RATIO);
  });

  it('a line of "aaaa…@" and of "a@a@a@…": linear', () => {
    expect(growth('"a" × n then "@", one line', 250_000, (n) => `${'a'.repeat(n)}@`, triage)).toBeLessThan(MAX_RATIO);
    expect(growth('"a@" × n, one line', 62_500, (n) => repeat('a@', n, ''), triage)).toBeLessThan(MAX_RATIO);
  });

  it('a hex run too long to mask, digits and dots, and 1,000,000 characters in one line: linear', () => {
    expect(growth('hex digits, one line', 125_000, (n) => 'deadbeef'.repeat(n / 8), triage)).toBeLessThan(MAX_RATIO);
    expect(growth('"1." × n (IP-like)', 62_500, (n) => repeat('1.', n, ''), triage)).toBeLessThan(MAX_RATIO);
    const result = triage(`${'x'.repeat(999_950)} AADSTS700082`);
    expect(result.matches[0]?.id).toBe('refresh-token-expired');
  });

  it('runs of backslashes and of "&" (escape and entity decoding): linear', () => {
    expect(growth('"\\" × n', 100_000, (n) => '\\'.repeat(n), (text) => normalise(text))).toBeLessThan(MAX_RATIO);
    expect(growth('"&" × n', 100_000, (n) => '&'.repeat(n), (text) => normalise(text))).toBeLessThan(MAX_RATIO);
    expect(growth('"\\\\u" and "&#" × n', 25_000, (n) => repeat('\\\\u&#', n, ''), triage)).toBeLessThan(MAX_RATIO);
    expect(normalise('\\\\\\x').text).toBe('\\\\\\x');
  });

  it('the tokeniser on 200,000 repetitions of a template word and of a placeholder: linear', () => {
    expect(growth('"refresh " × n, tokenise', 50_000, (n) => repeat('refresh', n), (text) => tokenise(text))).toBeLessThan(MAX_RATIO);
    expect(growth('"<guid>" × n, tokenise', 50_000, (n) => repeat('<guid>', n, ''), (text) => tokenise(text))).toBeLessThan(MAX_RATIO);
  });

  it('a real message repeated thousands of times in one record (many overlapping readings): linear', () => {
    const message = 'The refresh token has expired due to inactivity. ';
    expect(growth('real message × n, one line', 1_000, (n) => message.repeat(n), triage)).toBeLessThan(MAX_RATIO);
    // AADSTS700082's first sentence, word for word.
    expect(triage(message.repeat(20_000)).matches[0]?.id).toBe('refresh-token-expired');
  }, 60_000);

  it('one record repeating a known code (each code found used to be merged into the evidence by copying and re-sorting it): linear, and bounded', () => {
    const code = 'AADSTS700082 ';
    expect(growth('"AADSTS700082 " × n, one record', 20_000, (n) => code.repeat(n), triage)).toBeLessThan(MAX_RATIO);
    const result = triage(code.repeat(77_000)); // 1,001,000 characters
    expect(result.matches[0]).toMatchObject({ id: 'refresh-token-expired', confidence: 'high' });
    expect(result.matches[0]!.evidence.length).toBeLessThanOrEqual(MAX_EVIDENCE);
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  }, 60_000);

  it('a JSON export of runs keyed by id (an object of run objects, each run a record): linear', () => {
    const record = (i: number) => ({ time: `2025-03-04T02:${String(i % 60).padStart(2, '0')}:00Z`, datasource: `DS ${i}`, status: i % 10 ? 'Success' : 'Failed', message: i % 10 ? 'Preserved 12 items' : 'AADSTS700082: The refresh token has expired due to inactivity.' });
    const make = (size: number) => JSON.stringify({ runs: Object.fromEntries(Array.from({ length: Math.floor(size / 190) }, (_, i) => [`run${i}`, record(i)])) }, null, 2);
    expect(growth('pretty JSON object of runs keyed by id', 150_000, make, triage)).toBeLessThan(MAX_RATIO);
    const runs = Math.floor(600_000 / 190);
    const result = triage(make(600_000));
    expect(result.stats.records).toBe(runs);
    expect(result.stats.recognised).toBe(Math.ceil(runs / 10)); // every tenth run failed, with AADSTS700082
  }, 60_000);

  it('many records of one error (an export where every run failed alike): linear, and the result stays small', () => {
    const make = (size: number) => Array.from({ length: Math.floor(size / 110) }, (_, i) => `${stamp(i)} ERROR Datasource 'D${i}': AADSTS700082: The refresh token has expired due to inactivity.`).join('\n');
    expect(growth('one error in every record', 100_000, make, triage)).toBeLessThan(MAX_RATIO);
    const result = triage(make(1_000_000));
    expect(result.stats.recognised).toBe(result.stats.records);
    expect(result.matches[0]).toMatchObject({ id: 'refresh-token-expired', records: result.stats.records });
    expect(JSON.stringify(result).length).toBeLessThan(500_000);
  }, 60_000);
});
