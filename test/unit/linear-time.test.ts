/**
 * The hostile shapes of test/support/hostile-shapes.ts at their large sizes:
 * triage finishes (no backtracking regular expression, no "Set maximum size
 * exceeded") and still answers what the noise hides. How the time grows with
 * the size is printed by `npm run bench` (test/bench/linear.ts): a timing
 * assertion would fail whenever another job shares the machine.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/triage/index/build.ts';
import { createEngine, type TriageEngine } from '../../src/triage/engine.ts';
import { normalise } from '../../src/triage/text/normalise.ts';
import type { RuleInput } from '../../src/triage/types.ts';
import { MAX_EVIDENCE } from '../../src/triage/decide/candidate.ts';
import { engine as realEngine } from '../support/kb.ts';
import { HOSTILE_SHAPES, REFRESH_SENTENCE, everyRunFailed, pathologicalTemplatesEngine, readerOf, repeat, runsKeyedById } from '../support/hostile-shapes.ts';

const triage = (text: string) => realEngine.triage(text);

describe('pathological templates', () => {
  const engine = pathologicalTemplatesEngine();

  it('200 words with placeholders between, against a paste repeating the first word, is found', () => {
    expect(engine.triage(repeat('refresh', 500)).matches.map((m) => m.id)).toContain('spaced');
  });

  it('one word 200 times, against 200,000 repetitions of it: no crash, the template found', () => {
    const huge = engine.triage(repeat('token', 200_000));
    expect(huge.matches[0]).toMatchObject({ id: 'repeated', confidence: 'high' });
  }, 60_000);

  it('templates are never compiled to regular expressions, so regex syntax in one is just text', () => {
    const calls: unknown[] = [];
    const Original = globalThis.RegExp;
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args) {
        calls.push(args[0]);
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        calls.push(args[0]);
        return Reflect.apply(target, self, args);
      },
    });
    let nasty: TriageEngine;
    try {
      const rule: RuleInput = {
        id: 'nasty',
        title: 'nasty',
        fix: 'fix',
        resolution: 'Resolve it',
        categories: ['c'],
        messages: ['(a+)+$ {x} (.*a){20} [^]*? widget failed'],
        codes: [],
      };
      nasty = createEngine(buildIndex([rule]));
      nasty.triage(`${'a'.repeat(5_000)}! (a+)+$ x widget failed`);
    } finally {
      globalThis.RegExp = Original;
    }
    expect(calls).toEqual([]);
    expect(nasty!.triage('a a widget failed').matches.map((m) => m.id)).toEqual(['nasty']);
  });
});

describe('pathological pastes against the real rules', () => {
  it('every hostile shape at four times its benchmark size is read to the end', () => {
    const templates = pathologicalTemplatesEngine();
    for (const shape of HOSTILE_SHAPES) {
      const text = shape.make(4 * shape.n);
      expect(() => readerOf(shape, realEngine, templates)(text), shape.label).not.toThrow();
    }
  }, 120_000);

  it('a code at the end of a 1,000,000-character line is found', () => {
    expect(triage(`${'x'.repeat(999_950)} AADSTS700082`).matches[0]?.id).toBe('refresh-token-expired');
  });

  it('escapes are decoded without eating what follows them', () => {
    expect(normalise('\\\\\\x').text).toBe('\\\\\\x');
  });

  it('a real message repeated 20,000 times in one record is still that message', () => {
    expect(triage(REFRESH_SENTENCE.repeat(20_000)).matches[0]?.id).toBe('refresh-token-expired');
  }, 60_000);

  it('one record repeating a known code 77,000 times: the answer, with bounded evidence and a small result', () => {
    const result = triage('AADSTS700082 '.repeat(77_000)); // 1,001,000 characters
    expect(result.matches[0]).toMatchObject({ id: 'refresh-token-expired', confidence: 'high' });
    expect(result.matches[0]!.evidence.length).toBeLessThanOrEqual(MAX_EVIDENCE);
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  }, 60_000);

  it('a JSON export of runs keyed by id: each run a record, every tenth one recognised', () => {
    const runs = Math.floor(600_000 / 190);
    const result = triage(runsKeyedById(600_000));
    expect(result.stats.records).toBe(runs);
    expect(result.stats.recognised).toBe(Math.ceil(runs / 10));
  }, 60_000);

  it('an export where every run failed alike: every record recognised, and the result stays small', () => {
    const result = triage(everyRunFailed(1_000_000));
    expect(result.stats.recognised).toBe(result.stats.records);
    expect(result.matches[0]).toMatchObject({ id: 'refresh-token-expired', records: result.stats.records });
    expect(JSON.stringify(result).length).toBeLessThan(500_000);
  }, 60_000);
});
