/**
 * `npm run bench` (fourth part): typo candidates. For one- and two-slip typos
 * of every word of the knowledge base's vocabulary, how many of the words the
 * edit-distance check accepts each generator finds, and how fast:
 * - the engine's exact scan (src/triage/index/word-index.ts: only the word
 *   lengths the slips allow, each compared with the check itself);
 * - fuse.js over the same words (the engine's generator before issue 15),
 *   its best hit kept when the check accepts it.
 * This is why the engine no longer uses fuse.js: it missed typos the check
 * accepts and was slower.
 */
import Fuse from 'fuse.js';
import { loadKnowledgeBase } from '../../src/content/load.ts';
import { toTriageRules } from '../../src/content/triage-rules.ts';
import { buildIndex } from '../../src/triage/index/build.ts';
import { PreparedIndex } from '../../src/triage/index/prepare.ts';
import { allowedSlips, editDistance } from '../../src/triage/match/edit-distance.ts';
import { median } from './measure.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const MIN_WORD = 4;

const prepared = new PreparedIndex(buildIndex(toTriageRules(loadKnowledgeBase(ROOT).rules)));
const vocabulary = [...prepared.vocabulary].filter((word) => word.length >= MIN_WORD && !/\d/.test(word));

/** A fixed pseudo-random sequence, so every run measures the same typos. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}
const next = random(15);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** One slip: a letter dropped, doubled, swapped with the next or replaced. */
function slip(word: string): string {
  const at = Math.floor(next() * word.length);
  switch (Math.floor(next() * 4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 2:
      return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, -1);
    default:
      return word.slice(0, at) + LETTERS[Math.floor(next() * 26)] + word.slice(at + 1);
  }
}
const typos = [...new Set(vocabulary.flatMap((word) => [slip(word), slip(slip(word))]))].filter(
  (typo) => typo.length >= MIN_WORD && !prepared.vocabulary.has(typo),
);

/** The fewest slips from `typo` to any vocabulary word, if within what the check allows. */
function fewest(typo: string): number | null {
  const slips = allowedSlips(typo.length);
  let best = slips + 1;
  for (const word of vocabulary) best = Math.min(best, editDistance(typo, word, slips));
  return best <= slips ? best : null;
}
const accepted = typos.filter((typo) => fewest(typo) !== null);

const fuse = new Fuse(vocabulary, { includeScore: true, threshold: 0.4, ignoreLocation: true, minMatchCharLength: 2 });
const generators: Record<string, (typo: string) => string | undefined> = {
  'exact scan by length (engine)': (typo) => {
    const slips = allowedSlips(typo.length);
    let best: string | undefined;
    let bestDistance = slips + 1;
    for (const word of prepared.words.ofLengths(typo.length - slips, typo.length + slips)) {
      if (word.length < MIN_WORD) continue;
      const distance = editDistance(typo, word, Math.min(slips, bestDistance));
      if (distance < bestDistance) [best, bestDistance] = [word, distance];
    }
    return bestDistance <= slips ? best : undefined;
  },
  'fuse.js, best hit the check accepts': (typo) => {
    const slips = allowedSlips(typo.length);
    return fuse
      .search(typo, { limit: 5 })
      .map((hit) => hit.item)
      .find((word) => editDistance(typo, word, slips) <= slips);
  },
};

console.log(`Typo candidates: ${typos.length} typos of ${vocabulary.length} vocabulary words, ${accepted.length} within the slips the check accepts`);
const closestSlips = new Map(accepted.map((typo) => [typo, fewest(typo)]));
for (const [label, find] of Object.entries(generators)) {
  let words: Array<string | undefined> = [];
  const times = Array.from({ length: 5 }, () => {
    const started = performance.now();
    words = accepted.map(find);
    return performance.now() - started;
  });
  const found = words.filter(Boolean).length;
  const closest = words.filter(
    (word, index) => word && editDistance(accepted[index]!, word, allowedSlips(accepted[index]!.length)) === closestSlips.get(accepted[index]!),
  ).length;
  const perTypo = (median(times) / accepted.length) * 1000;
  console.log(
    `${label.padEnd(40)} found ${String(found).padStart(4)}/${accepted.length} (missed ${accepted.length - found}), at the fewest slips ${closest}; ${perTypo.toFixed(1).padStart(7)} µs per typo (median of 5)`,
  );
}
