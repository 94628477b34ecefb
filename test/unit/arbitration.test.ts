/**
 * The arbitration steps, tested one situation per row on synthetic
 * candidates: what each named step decides, in the order the policy runs
 * them (src/triage/decide/arbitration.ts).
 */
import { describe, expect, it } from 'vitest';
import { ARBITRATION, arbitrate, type RecordFacts } from '../../src/triage/decide/arbitration.ts';
import type { Candidate, TemplateEvidence } from '../../src/triage/decide/candidate.ts';
import type { Confidence, Evidence } from '../../src/triage/types.ts';

const RULES: RecordFacts['rules'] = [
  { title: 'Password is empty', fix: 'check-password' }, // 0
  { title: 'Username is empty', fix: 'check-username' }, // 1
  { title: 'Refresh token inactive', fix: 'new-refresh-token' }, // 2
  { title: 'Refresh token max lifetime', fix: 'new-refresh-token' }, // 3
  { title: 'Identity Provider wrapper', fix: 'mfa-private-key', wrapper: true }, // 4
  { title: 'Request missing the password', fix: 'check-password' }, // 5
  { title: 'Name not resolved', fix: 'check-ipp-network', needsIppContext: true }, // 6
];

const INPUT = 'line one with words\nline two with words\nline three with words';
const span = (start: number, end: number, kind: Evidence['kind'] = 'message'): Evidence => ({ start, end, text: INPUT.slice(start, end), kind });
const LINE_1 = span(0, 19);
const LINE_2 = span(20, 39);

function template(measures: Partial<TemplateEvidence> & { words?: number; rivalRules?: number } = {}): TemplateEvidence {
  const { words = 4, rivalRules = 1, ...rest } = measures;
  return {
    score: { message: 0, templateCoverage: 0.8, recordCoverage: 0.8, significantWords: words, found: [], sentences: [], runs: [[0, 3]] },
    template: 'a message',
    rivals: { rules: rivalRules, otherFixes: 0 },
    tellingWords: words,
    distinctiveWords: 0,
    sentences: [],
    confidence: 'high',
    strength: 0.8,
    corrections: [],
    explained: [0, 1, 2, 3],
    runs: [[0, 3]],
    corrected: [],
    ...rest,
  };
}

function candidate(rule: number, confidence: Confidence, extra: Partial<Candidate> = {}): Candidate {
  return { rule, confidence, score: 0.8, evidence: [LINE_1], reason: 'Matched.', template: template({ confidence }), ...extra };
}

const facts = (extra: Partial<RecordFacts> = {}): RecordFacts => ({ rules: RULES, unknownCodes: [], codeSpans: [], input: INPUT, ippContext: false, ...extra });

/** Runs the whole policy and returns each candidate's confidence by rule, and the notes added. */
function decide(candidates: Candidate[], recordFacts = facts()) {
  const decided = arbitrate(candidates, recordFacts);
  return Object.fromEntries(decided.map((c) => [c.rule, c.confidence]));
}

describe('arbitration steps', () => {
  it('run in the documented order', () => {
    expect(ARBITRATION.map((step) => step.name)).toEqual([
      'needs-ipp-context',
      'contradicted',
      'shared-code',
      'foreign-code',
      'code-outranks-message',
      'wrapper-yields',
      'generic-phrase',
      'closer-reading',
      'rival-fixes',
    ]);
    for (const step of ARBITRATION) expect(step.rule.length, step.name).toBeGreaterThan(40);
  });

  const ROWS: Array<[string, Candidate[], RecordFacts, Record<number, Confidence>]> = [
    ['needs-ipp-context: a failure any program meets, with nothing of IPP in the paste, is a suggestion', [candidate(6, 'high')], facts(), { 6: 'low' }],
    ['needs-ipp-context: with a sign of IPP (its audit log, its PowerShell) it stands', [candidate(6, 'high')], facts({ ippContext: true }), { 6: 'high' }],
    ['needs-ipp-context: other errors need no such sign', [candidate(0, 'high')], facts(), { 0: 'high' }],
    [
      'contradicted: a phrase followed by another word is another error',
      [candidate(5, 'high', { template: template({ contradiction: { said: 'client_id', expected: 'password' } }) })],
      facts(),
      { 5: 'low' },
    ],
    [
      'contradicted: a code of the rule itself is not contradicted by its words',
      [candidate(5, 'high', { code: 'AADSTS90014', template: template({ contradiction: { said: 'x', expected: 'y' } }) })],
      facts(),
      { 5: 'high' },
    ],
    [
      "shared-code: with the rule's own message the shared code makes it certain",
      [candidate(5, 'medium', { sharedCode: 'AADSTS900144' })],
      facts(),
      { 5: 'high' },
    ],
    ['shared-code: alone it is only a suggestion', [candidate(5, 'low', { sharedCode: 'AADSTS900144', template: undefined })], facts(), { 5: 'low' }],
    [
      'shared-code: a contradicted message does not confirm it',
      [candidate(5, 'high', { sharedCode: 'AADSTS900144', template: template({ contradiction: { said: 'client_id', expected: 'password' } }) })],
      facts(),
      { 5: 'low' },
    ],
    [
      'foreign-code: a code no rule knows makes look-alikes suggestions',
      [candidate(0, 'high')],
      facts({ unknownCodes: ['AADSTS50011'], codeSpans: [span(0, 4, 'code')] }),
      { 0: 'low' },
    ],
    [
      'foreign-code: unless the match is certain and on lines of its own',
      [candidate(0, 'high', { evidence: [LINE_2] })],
      facts({ unknownCodes: ['AADSTS50011'], codeSpans: [span(0, 4, 'code')] }),
      { 0: 'high' },
    ],
    [
      "code-outranks-message: a code for one rule outranks another rule's words",
      [candidate(2, 'high', { code: 'AADSTS700082', template: undefined, score: 1 }), candidate(0, 'medium')],
      facts({ codeSpans: [span(0, 4, 'code')] }),
      { 2: 'high', 0: 'low' },
    ],
    [
      'code-outranks-message: a certain match on its own lines stands beside the code',
      [candidate(2, 'high', { code: 'AADSTS700082', template: undefined, score: 1 }), candidate(0, 'high', { evidence: [LINE_2] })],
      facts({ codeSpans: [span(0, 4, 'code')] }),
      { 2: 'high', 0: 'high' },
    ],
    [
      'wrapper-yields: the generic wrapper yields to a specific error',
      [candidate(4, 'high', { evidence: [LINE_2], template: template({ explained: [9] }) }), candidate(2, 'medium')],
      facts(),
      { 4: 'low', 2: 'medium' },
    ],
    ['wrapper-yields: alone, the wrapper stands', [candidate(4, 'medium')], facts(), { 4: 'medium' }],
    [
      'generic-phrase: the same words read by rules with other fixes are not an answer',
      [candidate(0, 'high'), candidate(1, 'high')],
      facts(),
      { 0: 'low', 1: 'low' },
    ],
    [
      'generic-phrase: the same short, generic words are not an answer even for one fix',
      [
        candidate(2, 'high', { template: template({ words: 3, rivalRules: 4 }) }),
        candidate(3, 'medium', { template: template({ words: 3, rivalRules: 4, confidence: 'medium' }) }),
      ],
      facts(),
      { 2: 'low', 3: 'low' },
    ],
    [
      'generic-phrase: longer telling words with one fix: the first reading stands',
      [candidate(2, 'high', { score: 0.9 }), candidate(3, 'high', { score: 0.8 })],
      facts(),
      { 2: 'high', 3: 'low' },
    ],
    [
      'closer-reading: a closer match of the same words demotes the weaker',
      [
        candidate(1, 'high', { score: 0.9, evidence: [span(0, 19)], template: template({ explained: [0, 1, 2, 3, 4] }) }),
        candidate(0, 'high', { score: 0.7, evidence: [span(5, 19)], template: template({ explained: [1, 2, 3, 4] }) }),
      ],
      facts(),
      { 1: 'high', 0: 'low' },
    ],
    [
      'rival-fixes: two fixes about as good over shared words are both demoted',
      [
        candidate(0, 'high', { score: 0.8, evidence: [span(0, 12)], template: template({ explained: [0, 1] }) }),
        candidate(1, 'high', { score: 0.75, evidence: [span(6, 19)], template: template({ explained: [1, 2] }) }),
      ],
      facts(),
      { 0: 'medium', 1: 'medium' },
    ],
    [
      'rival-fixes: two errors side by side on their own words both stand',
      [
        candidate(0, 'high', { evidence: [LINE_1], template: template({ explained: [0, 1] }) }),
        candidate(1, 'high', { evidence: [LINE_2], template: template({ explained: [5, 6] }) }),
      ],
      facts(),
      { 0: 'high', 1: 'high' },
    ],
  ];

  it.each(ROWS)('%s', (_name, candidates, recordFacts, expected) => {
    expect(decide(candidates, recordFacts)).toEqual(expected);
  });

  it('says why in the reason of each candidate it changes', () => {
    const [decided] = arbitrate([candidate(5, 'high', { template: template({ contradiction: { said: 'client_id', expected: 'password' } }) })], facts());
    expect(decided!.reason).toBe('Matched. But the paste says "client_id" where the message says "password", so it is probably another error.');
  });
});
