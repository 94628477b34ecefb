/**
 * The errors content checks raise. Every problem names the file and the
 * field, as an author needs to fix it; a whole check raises them together, so
 * one build lists every problem instead of the first.
 */
import { plural } from '../triage/text/wording.ts';

/** One problem in one file: `rules/x/y.mdx: field "messages.0": …`. */
export class ContentError extends Error {
  readonly file: string;
  readonly field: string;

  constructor(file: string, field: string, detail: string) {
    super(`${file}: ${field ? `field "${field}": ` : ''}${detail}`);
    this.name = 'ContentError';
    this.file = file;
    this.field = field;
  }
}

/** Every problem a check found, one per line. */
export class InvalidContentError extends Error {
  readonly problems: readonly ContentError[];

  constructor(problems: readonly ContentError[]) {
    super(`Invalid content (${plural(problems.length, 'problem')}):\n- ${problems.map((problem) => problem.message).join('\n- ')}`);
    this.name = 'InvalidContentError';
    this.problems = problems;
  }
}
