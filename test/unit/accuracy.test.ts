/**
 * Accuracy on real and hard pastes. The two public sets are development sets
 * from shared/eval (real pastes, labelled); hard-cases.jsonl are our own
 * (audit-log exports, typos, escaping, truncation, look-alikes). The figures
 * are printed next to plain fuse.js over the same rules, measured in the same
 * run. A paste is right when its best match satisfies its label, and answered
 * when that match is also confident (high or medium).
 */
import { describe, expect, it } from 'vitest';
import { judgeEngine, judgePlainFuse, readCases, summarise } from '../support/accuracy.ts';
import { engine, isKnownLabel, kb, ROOT } from '../support/kb.ts';

const realWorld = readCases(`${ROOT}/test/fixtures/realworld-public.jsonl`);
const coverage = readCases(`${ROOT}/test/fixtures/coverage-public.jsonl`);
const hardCases = readCases(`${ROOT}/test/fixtures/hard-cases.jsonl`);
const signinNetwork = readCases(`${ROOT}/test/fixtures/signin-network-public.jsonl`);
const rules = kb.rules.map((rule) => rule.data);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

describe('accuracy', () => {
  it('knows every label used by the fixtures', () => {
    const unknown = [...realWorld, ...coverage, ...hardCases, ...signinNetwork].map((item) => item.expect).filter((label) => !isKnownLabel(label));
    expect(unknown).toEqual([]);
  });

  it.each([['real-world', realWorld], ['coverage', coverage]] as const)('answers every %s public paste, with high confidence for every error and none for a look-alike', (_name, cases) => {
    const verdicts = judgeEngine(engine, cases);
    const wrong = verdicts.filter(
      (verdict) => !verdict.right || (verdict.case.expect !== 'none' && verdict.confidence !== 'high'),
    );
    expect(wrong.map((verdict) => `${verdict.case.expect} ← ${verdict.fix ?? 'nothing'} (${verdict.confidence ?? '-'}): ${verdict.case.text.slice(0, 80)}`)).toEqual([]);
  });

  it('links at least 95% of all positive cases to the right fix and claims no negative', () => {
    const all = [...realWorld, ...coverage, ...hardCases, ...signinNetwork];
    const ours = summarise(judgeEngine(engine, all));
    const naive = summarise(judgePlainFuse(all, rules));
    console.log(
      [
        `Accuracy over ${all.length} labelled pastes (${realWorld.length} real-world, ${coverage.length} coverage, ${hardCases.length} hard cases, ${signinNetwork.length} sign-in and network), ${rules.length} rules:`,
        `  IPP Help triage:  positives ${ours.rightPositives}/${ours.positives} (${percent(ours.positiveRate)}), negatives unclaimed ${ours.rightNegatives}/${ours.negatives}, overall ${percent(ours.overall)}`,
        `  plain fuse.js:    positives ${naive.rightPositives}/${naive.positives} (${percent(naive.positiveRate)}), negatives unclaimed ${naive.rightNegatives}/${naive.negatives}, overall ${percent(naive.overall)}`,
      ].join('\n'),
    );
    expect(ours.positiveRate).toBeGreaterThanOrEqual(0.95);
    expect(ours.rightNegatives).toBe(ours.negatives);
  });
});
