/**
 * One JSON Lines ticket → one output line that joins back to it.
 *
 * The output object is `{"line": N, …every input field but "text"…,
 * …the triage result…}`: `line` is the 1-based input line, and the ticket's
 * own fields (`id`, `subject`, anything) are passed through unchanged, so
 * `jq` or a spreadsheet can join results to tickets by either. Every
 * non-blank input line gets exactly one output line, in input order; a line
 * that cannot be triaged gets `{"line": N, …fields…, "error": "…"}`.
 *
 * A ticket may name a screenshot in `"image"` (read beforehand by
 * src/cli/screenshots.ts): its text is triaged after the ticket's own `text`
 * (if any, then a blank line), and the output adds `"screenshot": {"text",
 * "repairs"}`, the text read and the codes the OCR misread with what they
 * were read as. One field, so a ticket's own `source` or `text` never clashes.
 */
import { answersOf } from '../../triage/present/present.ts';
import { InputTooLargeError, MAX_INPUT_CHARS, type TriageEngine } from '../../triage/engine.ts';
import type { TriageResult } from '../../triage/types.ts';
import { withArticleUrls } from '../base-url.ts';
import type { Repair } from '../../ocr/repair.ts';
import type { Line } from '../input.ts';

/** Names the output uses itself: an input field with one of them cannot be passed through. */
export const RESULT_FIELDS = ['line', 'error', 'matches', 'segments', 'unknownCodes', 'stats', 'datasources', 'timeOrder'] as const;
/** The field that names a ticket's screenshot: a path, relative to the JSON Lines file's folder. */
export const IMAGE_FIELD = 'image';

/** What a ticket's screenshot gave (src/cli/screenshots.ts reads it): its text, or why it could not be read. */
export type TicketImage = { text: string; repairs: Repair[] } | { error: string };

/** The result field of a ticket with a screenshot: what was read from it. */
export const SCREENSHOT_FIELD = 'screenshot';

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
  /** For a ticket with a screenshot: what was read from it. */
  screenshot?: { text: string; repairs: Repair[] };
  /** Why the line is not a ticket. */
  problem?: string;
  status?: 'invalid' | 'too-large';
}

/** Reads one non-blank line as a ticket; problems are reported, never thrown. */
export function parseTicket(line: Line): ParsedTicket {
  if (line.tooLong) {
    return {
      fields: {},
      status: 'too-large',
      problem: `the line has ${line.length.toLocaleString('en')} characters; the limit is ${MAX_LINE_CHARS.toLocaleString('en')}`,
    };
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
  const clash = [...RESULT_FIELDS, ...(line.image ? [SCREENSHOT_FIELD] : [])].find((name) => Object.hasOwn(fields, name));
  if (clash) return { fields, status: 'invalid', problem: `the input field "${clash}" has the name of a result field; rename it` };
  if (line.image) return withImage(fields, text, line.image);
  if (typeof text !== 'string') {
    const problem = Object.hasOwn(fields, IMAGE_FIELD)
      ? `this ticket has an "${IMAGE_FIELD}" but no "text": screenshots are read by kb triage --jsonl only`
      : 'expected a JSON object with a "text" string';
    return { fields, status: 'invalid', problem };
  }
  if (text.length > MAX_INPUT_CHARS) return { fields, status: 'too-large', problem: new InputTooLargeError(text.length).message };
  return { fields, text };
}

/** A ticket with a screenshot: the ticket's own text (if any), then the screenshot's. */
function withImage(fields: Record<string, unknown>, text: unknown, image: TicketImage): ParsedTicket {
  if ('error' in image) return { fields, status: 'invalid', problem: image.error };
  if (text !== undefined && typeof text !== 'string') return { fields, status: 'invalid', problem: 'the "text" field must be a string' };
  const own = text?.trim() ? text : undefined;
  const combined = own ? `${own}\n\n${image.text}` : image.text;
  if (combined.length > MAX_INPUT_CHARS) return { fields, status: 'too-large', problem: new InputTooLargeError(combined.length).message };
  return { fields, text: combined, screenshot: image };
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
  const head = { line: line.number, ...ticket.fields, ...(ticket.screenshot ? { [SCREENSHOT_FIELD]: ticket.screenshot } : {}) };
  if (ticket.text === undefined) return { output: JSON.stringify({ ...head, error: ticket.problem }), status: ticket.status! };
  const result = triageText(engine, ticket.text);
  if (result instanceof InputTooLargeError) return { output: JSON.stringify({ ...head, error: result.message }), status: 'too-large' };
  return {
    output: JSON.stringify({ ...head, ...withArticleUrls(result, base) }),
    status: answersOf(result).length > 0 ? 'answered' : 'unanswered',
  };
}
