/**
 * `npm run bench` (third part): every hostile shape of
 * test/support/hostile-shapes.ts timed at n and 4n, median CPU time of five
 * interleaved rounds each (so a busy spell hits both sizes alike). A linear
 * algorithm takes about 4×, a quadratic one 16×; the goal is under 8×.
 */
import { loadKnowledgeBase } from '../../src/content/load.ts';
import { toTriageRules } from '../../src/content/triage-rules.ts';
import { buildIndex } from '../../src/triage/index/build.ts';
import { createEngine } from '../../src/triage/engine.ts';
import { HOSTILE_SHAPES, pathologicalTemplatesEngine, readerOf } from '../support/hostile-shapes.ts';
import { median } from './measure.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const MAX_RATIO = 8;
/** Below a few milliseconds a ratio is noise: the smaller size is compared against this floor. */
const FLOOR_MS = 2;

/** CPU milliseconds of this process: other programs loading the machine do not inflate it as they do wall time. */
function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const rules = createEngine(buildIndex(toTriageRules(loadKnowledgeBase(ROOT).rules)));
const templates = pathologicalTemplatesEngine();
console.log('Growth on hostile shapes (CPU ms, medians of 5; size n and 4n; goal: ratio < 8, linear ≈ 4, quadratic ≈ 16)');
let missed = 0;
for (const shape of HOSTILE_SHAPES) {
  const run = readerOf(shape, rules, templates);
  const small = shape.make(shape.n);
  const large = shape.make(4 * shape.n);
  run(small); // warm-up
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < 5; round++) {
    a.push(cpuMs(() => run(small)));
    b.push(cpuMs(() => run(large)));
  }
  const ratio = median(b) / Math.max(median(a), FLOOR_MS);
  if (ratio >= MAX_RATIO) missed++;
  const sizes = `${small.length.toLocaleString('en')} → ${large.length.toLocaleString('en')} chars`;
  console.log(
    `${shape.label.padEnd(62)} ${sizes.padEnd(26)} ${median(a).toFixed(1).padStart(7)} → ${median(b).toFixed(1).padStart(7)} ms  ratio ${ratio.toFixed(2)}${ratio >= MAX_RATIO ? '  (goal < 8: MISSED)' : ''}`,
  );
}
console.log(missed === 0 ? 'Every shape grows linearly.' : `${missed} shape(s) grow faster than linearly.`);
