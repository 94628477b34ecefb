/** Public surface of the triage engine. */
export { buildIndex, compileTemplate } from './index/build.ts';
export { createEngine, InputTooLargeError, MAX_INPUT_CHARS, TriageEngine } from './engine.ts';
export type * from './types.ts';
