/**
 * Accuracy on real and hard pastes. The real-world set is the held-out
 * development set from shared/eval; hard-cases.jsonl are our own (audit-log
 * exports, typos, escaping, truncation, look-alikes). The figures are printed
 * next to plain fuse.js over the seed messages, measured in the same run.
 */
import { describe, expect, it } from 'vitest';
import { isKnownLabel, judgeEngine, judgePlainFuse, readCases, summarise } from '../support/accuracy.ts';
import { engine, ROOT } from '../support/kb.ts';

const realWorld = readCases(`${ROOT}/test/fixtures/realworld-public.jsonl`);
const hardCases = readCases(`${ROOT}/test/fixtures/hard-cases.jsonl`);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

describe('accuracy', () => {
  it('knows every label used by the fixtures', () => {
    const unknown = [...realWorld, ...hardCases].map((item) => item.expect).filter((label) => !isKnownLabel(label));
    expect(unknown).toEqual([]);
  });

  it('gets every real-world paste right, with high confidence for every error', () => {
    const verdicts = judgeEngine(engine, realWorld);
    const wrong = verdicts.filter(
      (verdict) => !verdict.right || (verdict.case.expect !== 'none' && verdict.confidence !== 'high'),
    );
    expect(wrong.map((verdict) => `${verdict.case.expect} ← ${verdict.fix ?? 'nothing'} (${verdict.confidence ?? '-'}): ${verdict.case.text.slice(0, 80)}`)).toEqual([]);
  });

  it('links at least 95% of all positive cases to the right fix and claims no negative', () => {
    const all = [...realWorld, ...hardCases];
    const ours = summarise(judgeEngine(engine, all));
    const naive = summarise(judgePlainFuse(all));
    console.log(
      [
        `Accuracy over ${all.length} labelled pastes (${realWorld.length} real-world, ${hardCases.length} hard cases):`,
        `  IPP Help triage:  positives ${ours.rightPositives}/${ours.positives} (${percent(ours.positiveRate)}), negatives unclaimed ${ours.rightNegatives}/${ours.negatives}, overall ${percent(ours.overall)}`,
        `  plain fuse.js:    positives ${naive.rightPositives}/${naive.positives} (${percent(naive.positiveRate)}), negatives unclaimed ${naive.rightNegatives}/${naive.negatives}, overall ${percent(naive.overall)}`,
      ].join('\n'),
    );
    expect(ours.positiveRate).toBeGreaterThanOrEqual(0.95);
    expect(ours.rightNegatives).toBe(ours.negatives);
  });
});
