/**
 * One JSON Lines ticket → one output line that joins back to it.
 *
 * The output object is `{"line": N, …every input field but "text"…,
 * …the triage result…}`: `line` is the 1-based input line, and the ticket's
 * own fields (`id`, `subject`, anything) are passed through unchanged, so
 * `jq` or a spreadsheet can join results to tickets by either. Every
 * non-blank input line gets exactly one output line, in input order; a line
 * that cannot be triaged gets `{"line": N, …fields…, "error": "…"}`.
 */
import { answersOf } from '../../triage/present/present.ts';
import { InputTooLargeError, MAX_INPUT_CHARS, type TriageEngine } from '../../triage/engine.ts';
import type { TriageResult } from '../../triage/types.ts';
import { withArticleUrls } from '../base-url.ts';
import type { Line } from '../input.ts';

/** Names the output uses itself: an input field with one of them cannot be passed through. */
export const RESULT_FIELDS = ['line', 'error', 'matches', 'segments', 'unknownCodes', 'stats', 'datasources', 'timeOrder'] as const;

/**
 * The longest JSON Lines line kept in memory: a ticket's text at the engine's
 * limit, JSON-escaped (each character up to 2 characters, `\n`), plus its
 * other fields. Longer lines are reported, not read.
 */
export const MAX_LINE_CHARS = MAX_INPUT_CHARS * 2 + 64 * 1024;

export type TicketStatus = 'answered' | 'unanswered' | 'invalid' | 'too-large';

export interface ParsedTicket {
  /** The ticket's fields other than `text`, in input order. */
  fields: Record<string, unknown>;
  text?: string;
  /** Why the line is not a ticket. */
  problem?: string;
  status?: 'invalid' | 'too-large';
}

/** Reads one non-blank line as a ticket; problems are reported, never thrown. */
export function parseTicket(line: Line): ParsedTicket {
  if (line.tooLong) {
    return { fields: {}, status: 'too-large', problem: `the line has ${line.length.toLocaleString('en')} characters; the limit is ${MAX_LINE_CHARS.toLocaleString('en')}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    return { fields: {}, status: 'invalid', problem: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { fields: {}, status: 'invalid', problem: 'expected a JSON object with a "text" string' };
  }
  const { text, ...fields } = value as Record<string, unknown>;
  const clash = RESULT_FIELDS.find((name) => Object.hasOwn(fields, name));
  if (clash) return { fields, status: 'invalid', problem: `the input field "${clash}" has the name of a result field; rename it` };
  if (typeof text !== 'string') return { fields, status: 'invalid', problem: 'expected a JSON object with a "text" string' };
  if (text.length > MAX_INPUT_CHARS) return { fields, status: 'too-large', problem: new InputTooLargeError(text.length).message };
  return { fields, text };
}

/** A ticket's text triaged, or the engine's refusal when it is too large. */
export function triageText(engine: TriageEngine, text: string): TriageResult | InputTooLargeError {
  try {
    return engine.triage(text);
  } catch (error) {
    if (error instanceof InputTooLargeError) return error;
    throw error;
  }
}

/** The output line (without its newline) for one input line, and what became of the ticket. */
export function triageTicketLine(engine: TriageEngine, line: Line, base: URL | undefined): { output: string; status: TicketStatus } {
  const ticket = parseTicket(line);
  const head = { line: line.number, ...ticket.fields };
  if (ticket.text === undefined) return { output: JSON.stringify({ ...head, error: ticket.problem }), status: ticket.status! };
  const result = triageText(engine, ticket.text);
  if (result instanceof InputTooLargeError) return { output: JSON.stringify({ ...head, error: result.message }), status: 'too-large' };
  return {
    output: JSON.stringify({ ...head, ...withArticleUrls(result, base) }),
    status: answersOf(result).length > 0 ? 'answered' : 'unanswered',
  };
}
