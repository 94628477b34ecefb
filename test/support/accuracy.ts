/**
 * Scoring a triage against labelled pastes, for the accuracy test and the
 * benchmark report: ours, and plain fuse.js over the seed's messages as the
 * baseline a naive setup would get.
 */
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import type { TriageEngine } from '../../src/triage/engine.ts';
import { satisfiesLabel, type LabelledCase } from './kb.ts';

export function readCases(path: string): LabelledCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledCase);
}

export interface Verdict {
  case: LabelledCase;
  /** Best match's fix guide, or undefined. */
  fix?: string;
  confidence?: string;
  right: boolean;
}

/** Right: the best match satisfies the label (its fix guide, or one of its codes); for `none`, no high or medium match. */
export function judgeEngine(engine: TriageEngine, cases: LabelledCase[]): Verdict[] {
  return cases.map((item) => {
    const matches = engine.triage(item.text).matches;
    const best = matches[0];
    const right = item.expect === 'none' ? !matches.some((match) => match.confidence !== 'low') : best !== undefined && satisfiesLabel(item.expect, best);
    return { case: item, fix: best?.fix, confidence: best?.confidence, right };
  });
}

/**
 * Plain fuse.js with its defaults over the same rules' messages, the raw
 * paste as the pattern: what a naive setup with the same content would get.
 * Any hit counts as a claim (Fuse has no notion of confidence).
 */
export function judgePlainFuse(cases: LabelledCase[], rules: ReadonlyArray<{ messages: readonly string[]; fix: string; codes: readonly string[] }>): Verdict[] {
  const entries = rules.flatMap((rule) => rule.messages.map((message) => ({ message, fix: rule.fix, codes: rule.codes })));
  const fuse = new Fuse(entries, { keys: ['message'], includeScore: true });
  return cases.map((item) => {
    const [best] = fuse.search(item.text);
    const right = item.expect === 'none' ? best === undefined : best !== undefined && satisfiesLabel(item.expect, best.item);
    return { case: item, fix: best?.item.fix, right };
  });
}

/** The cases of some labelled sets, without those that are a rule's own example word for word (the self-test checks those). */
export function unseen(sets: ReadonlyArray<{ cases: LabelledCase[] }>, rules: ReadonlyArray<{ examples: readonly string[] }>) {
  const examples = new Set(rules.flatMap((rule) => rule.examples.map((example) => example.trim())));
  const all = sets.flatMap((item) => item.cases);
  const fresh = all.filter((item) => !examples.has(item.text.trim()));
  return { fresh, examples: all.length - fresh.length };
}

/** One line of figures: positives right and answered, look-alikes left unclaimed. */
export function figures(label: string, verdicts: Verdict[]): string {
  const summary = summarise(verdicts);
  const answered = verdicts.filter(
    (verdict) => verdict.case.expect !== 'none' && verdict.right && verdict.confidence !== undefined && verdict.confidence !== 'low',
  ).length;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  return `  ${label}: positives right ${summary.rightPositives}/${summary.positives} (${percent(summary.positiveRate)}), answered with confidence ${answered}/${summary.positives}, look-alikes unclaimed ${summary.rightNegatives}/${summary.negatives}`;
}

export function summarise(verdicts: Verdict[]) {
  const positives = verdicts.filter((verdict) => verdict.case.expect !== 'none');
  const negatives = verdicts.filter((verdict) => verdict.case.expect === 'none');
  const rightPositives = positives.filter((verdict) => verdict.right).length;
  const rightNegatives = negatives.filter((verdict) => verdict.right).length;
  return {
    positives: positives.length,
    rightPositives,
    positiveRate: positives.length ? rightPositives / positives.length : 1,
    negatives: negatives.length,
    rightNegatives,
    overall: (rightPositives + rightNegatives) / Math.max(1, verdicts.length),
  };
}
