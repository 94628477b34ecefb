/**
 * An input of any size, read record by record in constant memory.
 *
 * Up to the engine's input limit, the input is triaged whole, exactly as the
 * page would. Past it (a month's audit-log export), it is cut into windows of
 * about WINDOW_CHARS, each a run of whole records, so no record is split;
 * each window is triaged on its own and the results are combined
 * (src/triage/decide/combine.ts) into what the whole input would have given.
 * Where records are cut depends on the input's shape:
 *
 * - a JSON export (an array of runs, an object wrapping one, runs keyed by
 *   id): the JSON is scanned as it streams (src/triage/text/json-records.ts)
 *   and each window carries its records, found exactly as the engine finds
 *   them in a whole export;
 * - JSON Lines, a time-stamped log, any other text: a window ends where a
 *   record starts, as the engine's own segmentation says.
 */
import { MAX_INPUT_CHARS } from '../../triage/limits.ts';
import { JsonRecordScanner, jsonLayout, type RecordOffsets } from '../../triage/text/json-records.ts';
import { type RecordSpan, segment } from '../../triage/text/segment.ts';
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
  /** The window's records (offsets and lines within the window), when the reader found them: a JSON export. */
  records?: RecordSpan[];
}

function lineTooLong(line: number): CliError {
  return new CliError(
    `line ${line} alone has more than ${MAX_INPUT_CHARS.toLocaleString('en')} characters, the most one record may have; it was not triaged`,
    EXIT.TOO_LARGE,
  );
}

function recordTooLong(line: number): CliError {
  return new CliError(
    `the JSON record starting on line ${line} has more than ${MAX_INPUT_CHARS.toLocaleString('en')} characters, the most one record may have; it was not triaged`,
    EXIT.TOO_LARGE,
  );
}

function newlines(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
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

/** The input's windows, in order. A single record over the engine's limit cannot be triaged (exit 3). */
export async function* readWindows(
  chunks: AsyncIterable<string>,
  { size = WINDOW_CHARS, wholeUpTo = MAX_INPUT_CHARS }: WindowOptions = {},
): AsyncGenerator<Window> {
  const iterator = chunks[Symbol.asyncIterator]();
  let buffer = '';
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      yield { text: buffer, characters: 0, lines: 0, whole: true };
      return;
    }
    buffer += next.value;
    if (buffer.length > wholeUpTo) break;
  }
  // The rest of the input, after what is already in the buffer.
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
  const layout = jsonLayout(buffer);
  if (layout) yield* jsonWindows(buffer, rest, new JsonRecordScanner(layout), size);
  else yield* textWindows(buffer, rest, size);
}

/** Windows of a text input, each ending where a record starts. */
async function* textWindows(start: string, chunks: AsyncIterable<string>, size: number, characters = 0, lines = 0): AsyncGenerator<Window> {
  let buffer = start;
  const cutWindows = function* (): Generator<Window> {
    while (buffer.length >= size) {
      // No line ends within `size`: the window is the first (long) line, once it has ended.
      const cut = cutPoint(buffer, size) ?? buffer.indexOf('\n') + 1;
      if (cut === 0) {
        if (buffer.length > MAX_INPUT_CHARS) throw lineTooLong(lines + 1);
        return; // a long line: wait for its end
      }
      const text = buffer.slice(0, cut);
      yield { text, characters, lines, whole: false };
      characters += text.length;
      lines += newlines(text);
      buffer = buffer.slice(cut);
    }
  };
  yield* cutWindows();
  for await (const chunk of chunks) {
    buffer += chunk;
    yield* cutWindows();
  }
  if (buffer.length > MAX_INPUT_CHARS) throw lineTooLong(lines + 1);
  if (buffer) yield { text: buffer, characters, lines, whole: false };
}

/**
 * Windows of a JSON export, each a run of whole records found by `scanner`.
 * Should the JSON stop being an export of runs part-way (a record that is not
 * an object), the rest is read as text, so nothing is lost.
 */
async function* jsonWindows(start: string, chunks: AsyncIterable<string>, scanner: JsonRecordScanner, size: number): AsyncGenerator<Window> {
  let buffer = ''; // the input from `base` on
  let base = 0; // offset in the input of buffer[0]
  let lines = 0; // lines of the input before `base`
  let pending: RecordOffsets[] = []; // records found and not yet in a window (input offsets)

  /** A window of the first `count` pending records, from `base` (`toEnd`: and all the buffer after them). */
  const take = (count: number, toEnd = false): Window => {
    const end = toEnd ? base + buffer.length : pending[count - 1]![1];
    const text = buffer.slice(0, end - base);
    const records: RecordSpan[] = [];
    let line = 1;
    let counted = 0;
    for (const [from, to] of pending.slice(0, count)) {
      line += newlines(text, counted, from - base);
      const first = line;
      line += newlines(text, from - base, to - base);
      counted = to - base;
      records.push({ start: from - base, end: to - base, lines: [first, line] });
    }
    const window: Window = { text, characters: base, lines, whole: false, records };
    lines += newlines(text);
    buffer = buffer.slice(end - base);
    base = end;
    pending = pending.slice(count);
    return window;
  };

  const feed = function* (chunk: string): Generator<Window> {
    buffer += chunk;
    for (const record of scanner.push(chunk)) pending.push(record);
    // Cut once the records found reach the window size, keeping them whole.
    while (pending.length > 0 && pending.at(-1)![1] - base >= size) {
      let count = 1;
      while (count < pending.length && pending[count - 1]![1] - base < size) count++;
      yield take(count);
    }
    const open = pending.length > 0 ? pending.at(-1)![1] : base;
    if (buffer.length - (open - base) > MAX_INPUT_CHARS) throw recordTooLong(lines + newlines(buffer, 0, open - base) + 1);
  };

  /** Not an export of runs after all: what has not gone into a window is read as text. */
  const asText = async function* (): AsyncGenerator<Window> {
    if (pending.length > 0) yield take(pending.length);
    yield* textWindows(buffer, { [Symbol.asyncIterator]: () => iterator }, size, base, lines);
  };

  yield* feed(start);
  // Read by hand, not with for await: leaving that loop early would close the input that asText goes on reading.
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    if (scanner.broken) return yield* asText();
    const next = await iterator.next();
    if (next.done) break;
    yield* feed(next.value);
  }
  // The last records, and what closes the export (its brackets count as characters read).
  if (pending.length > 0 || /\S/.test(buffer)) yield take(pending.length, true);
}
