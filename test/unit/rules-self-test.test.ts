/**
 * Rules test themselves: every example must triage to its rule with high
 * confidence, alone and as one record of a long export of routine records;
 * no counterexample may be claimed by it (high or medium).
 */
import { describe, expect, it } from 'vitest';
import { isAnswer } from '../../src/triage/present/present.ts';
import { routineExport } from '../support/exports.ts';
import { engine, kb } from '../support/kb.ts';

describe.each(kb.rules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it.each(rule.data.examples.map((example, i) => [i, example] as const))('example %i triages to it with high confidence', (_i, example) => {
    const [best] = engine.triage(example).matches;
    expect(best, `no match for ${id} example: ${example}`).toBeDefined();
    expect({ id: best!.id, confidence: best!.confidence }, `${id} example: ${example}\nreason: ${best!.reason}`).toEqual({ id, confidence: 'high' });
  });

  it.each(rule.data.examples.map((example, i) => [i, example] as const))('example %i is an answer on its own line of a 200-record export', (_i, example) => {
    const { text, line } = routineExport(example, 200, 137);
    const result = engine.triage(text);
    const found = result.matches.find((match) => match.id === id);
    expect(found && isAnswer(found), `${id} example not answered in an export: ${example}`).toBe(true);
    expect(found!.segments.map((index) => result.segments[index]!.lines[0])).toContain(line);
  });

  it.each(rule.data.counterexamples.map((text, i) => [i, text] as const))('counterexample %i is not claimed', (_i, text) => {
    const claimed = engine.triage(text).matches.filter((match) => match.id === id && match.confidence !== 'low');
    expect(claimed, `${id} claims counterexample: ${text}`).toEqual([]);
  });
});

describe('rule coverage', () => {
  it('every rule has several realistic examples', () => {
    const thin = kb.rules.filter((rule) => rule.data.examples.length < 3).map((rule) => rule.id);
    expect(thin).toEqual([]);
  });
});
