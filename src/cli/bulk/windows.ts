/**
 * A plain-text input of any size, read record by record in constant memory.
 *
 * Up to the engine's input limit, the input is triaged whole, exactly as the
 * page would. Past it (a month's audit-log export), it is cut into windows of
 * about WINDOW_CHARS, each ending where a record starts (the engine's own
 * segmentation says where), so no record is split; each window is triaged on
 * its own and the results are combined (src/triage/decide/combine.ts).
 */
import { MAX_INPUT_CHARS } from '../../triage/engine.ts';
import { segment } from '../../triage/text/segment.ts';
import { CliError, EXIT } from '../exit.ts';

/** Size of a window once an input is too large to triage whole. */
export const WINDOW_CHARS = 256 * 1024;

export interface Window {
  text: string;
  /** Characters and lines of the input before this window. */
  characters: number;
  lines: number;
  /** The whole input is this one window (the input was within the limit). */
  whole: boolean;
}

function lineTooLong(line: number): CliError {
  return new CliError(`line ${line} alone has more than ${MAX_INPUT_CHARS.toLocaleString('en')} characters, the most one record may have; it was not triaged`, EXIT.TOO_LARGE);
}

function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Where to end the window that starts `buffer`: at the start of its last
 * record (which may go on past the buffer), else after its last whole line.
 * Undefined when no line ends within `size`.
 */
function cutPoint(buffer: string, size: number): number | undefined {
  const lineEnd = buffer.lastIndexOf('\n', size);
  if (lineEnd < 0) return undefined;
  const head = buffer.slice(0, lineEnd + 1);
  const records = segment(head);
  const last = records.at(-1);
  return records.length >= 2 && last && last.start > 0 ? last.start : lineEnd + 1;
}

export interface WindowOptions {
  /** Size of a window (default WINDOW_CHARS). */
  size?: number;
  /** An input up to this size is one window, triaged whole (default: the engine's limit). */
  wholeUpTo?: number;
}

/** The input's windows, in order. A single line over the engine's limit cannot be triaged (exit 3). */
export async function* readWindows(chunks: AsyncIterable<string>, { size = WINDOW_CHARS, wholeUpTo = MAX_INPUT_CHARS }: WindowOptions = {}): AsyncGenerator<Window> {
  let buffer = '';
  let characters = 0;
  let lines = 0;
  let windowed = false;
  for await (const chunk of chunks) {
    buffer += chunk;
    if (!windowed && buffer.length <= wholeUpTo) continue;
    windowed = true;
    while (buffer.length >= size) {
      // No line ends within `size`: the window is the first (long) line, once it has ended.
      const cut = cutPoint(buffer, size) ?? buffer.indexOf('\n') + 1;
      if (cut === 0) {
        if (buffer.length > MAX_INPUT_CHARS) throw lineTooLong(lines + 1);
        break; // a long line: wait for its end
      }
      const text = buffer.slice(0, cut);
      yield { text, characters, lines, whole: false };
      characters += text.length;
      lines += newlines(text);
      buffer = buffer.slice(cut);
    }
  }
  if (!windowed) {
    yield { text: buffer, characters: 0, lines: 0, whole: true };
    return;
  }
  if (buffer.length > MAX_INPUT_CHARS) throw lineTooLong(lines + 1);
  if (buffer) yield { text: buffer, characters, lines, whole: false };
}
