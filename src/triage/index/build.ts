/**
 * Builds the triage index from rule entries. Runs at build time (the site's
 * `/triage-index.json`), in the CLI and in tests, so that all of them answer
 * from the very same data.
 */
import { normalise } from '../text/normalise.ts';
import { tokenise } from '../text/tokenise.ts';
import type { CompiledMessage, RuleInput, TriageIndex } from '../types.ts';
import { templateParts } from './template.ts';

export { codeKey } from './template.ts';

/** A sentence ends at . ! or ? followed by white space. */
const SENTENCE_END = /(?<=[.!?])\s+/;

/**
 * Compiles a template to its literal chunks (the text between placeholders
 * and sentence ends), each a list of token keys, with the sentence of each.
 */
export function compileTemplate(template: string): Pick<CompiledMessage, 'chunks' | 'sentences'> {
  const chunks: string[][] = [];
  const sentences: number[] = [];
  template.split(SENTENCE_END).forEach((sentence, index) => {
    for (const part of templateParts(sentence)) {
      if (part.kind === 'placeholder') continue;
      const keys = tokenise(normalise(part.text).text).map((token) => token.key);
      if (keys.length === 0) continue;
      chunks.push(keys);
      sentences.push(index);
    }
  });
  return { chunks, sentences };
}

export function buildIndex(rules: RuleInput[], errorsPath = '/errors/'): TriageIndex {
  const messages: CompiledMessage[] = [];
  rules.forEach((rule, ruleIndex) => {
    for (const text of rule.messages) {
      messages.push({ rule: ruleIndex, text, ...compileTemplate(text) });
    }
  });
  return {
    version: 1,
    errorsPath,
    rules: rules.map(({ messages: _messages, summary = '', sharedCodes = [], steps = [], ...rest }) => ({
      ...rest,
      summary,
      sharedCodes,
      steps,
      url: `${errorsPath}${rest.id}/`,
    })),
    messages,
  };
}
