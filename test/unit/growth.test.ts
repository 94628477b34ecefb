/**
 * Answers that hold as the knowledge base grows: confidence is a property of
 * the paste and the message (and of rules that say the very same words),
 * never of how many rules there are. Adding 1,000 generated rules of
 * realistic shape — messages made of the words real ones share ("token",
 * "password", "account", "policy", "has expired", "is disabled"), each its
 * own error with its own code and fix — must change no answer and no
 * confidence: not of any rule's own examples, counterexamples, or labelled
 * pastes. (`npm run bench` prints the same count.)
 */
import { describe, expect, it } from 'vitest';
import { toTriageRules } from '../../src/content/triage-rules.ts';
import { buildIndex } from '../../src/triage/index/build.ts';
import { createEngine } from '../../src/triage/engine.ts';
import { readCases } from '../support/accuracy.ts';
import { engine, kb, ROOT } from '../support/kb.ts';
import { realisticRules } from '../support/synthetic-rules.ts';

const live = toTriageRules(kb.rules, 'internal');
const pastes = [
  ...kb.rules.flatMap((rule) => [...rule.data.examples, ...rule.data.counterexamples]),
  ...['realworld-public', 'coverage-public', 'hard-cases'].flatMap((set) => readCases(`${ROOT}/test/fixtures/${set}.jsonl`).map((item) => item.text)),
];

/**
 * What a customer reads of a paste: the best match with its confidence, and
 * every answer (high or medium). Suggestions may change: a new article can
 * be a new suggestion, never a new or lost answer.
 */
const answer = (result: ReturnType<typeof engine.triage>) => {
  const [best] = result.matches;
  const answers = result.matches.filter((match) => match.confidence !== 'low').map((match) => `${match.id} (${match.confidence})`);
  return `best: ${best && best.confidence !== 'low' ? `${best.id} (${best.confidence})` : 'no answer'}; answers: ${answers.join(', ') || 'none'}`;
};

describe('adding 1,000 generated rules of realistic shape', () => {
  const grown = createEngine(buildIndex([...live, ...realisticRules(1_000)]));

  it(`changes the answer and confidence of none of the ${pastes.length} examples, counterexamples and labelled pastes`, () => {
    const changed = pastes.flatMap((paste) => {
      const before = answer(engine.triage(paste));
      const after = answer(grown.triage(paste));
      return before === after ? [] : [`${before} → ${after}: ${paste.slice(0, 100)}`];
    });
    expect(changed).toEqual([]);
  });
});
