/**
 * Segmenting: a paste may be one message (with its stack trace or JSON body)
 * or a whole export of many runs. This splits it into records, each
 * diagnosed on its own, by the structure the paste has:
 *
 * 1. a JSON export: an array of log objects, an object wrapping one
 *    (`{"value": […]}`) or runs keyed by id (text/json-records.ts): each run
 *    is a record;
 * 2. JSON Lines: each line that starts an object;
 * 3. an audit-log export: each time-stamped line;
 * 4. a numbered or bulleted list (runs or datasources listed by hand);
 * 5. rows copied from a table (tab-separated, `| … |`) or a CSV export;
 * 6. otherwise a short paste is one message, and a long one is read line by
 *    line, keeping stack frames and Trace/Correlation lines with their line.
 *
 * Lines that do not start a record continue the one before, so a console-
 * wrapped message, a JSON body or a stack trace is never split. Linear: each
 * line is tested against a few bounded patterns, and JSON is scanned once.
 */
import { jsonRecords } from './json-records.ts';

export interface RecordSpan {
  start: number;
  end: number;
  /** 1-based first and last line. */
  lines: [number, number];
}

/** A line that starts a log record: it begins with a date or time stamp. */
const TIME_STAMPED =
  /^\s{0,4}[[("']?(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}\/\d{2}\/\d{2}|\d{1,2}:\d{2}:\d{2}|[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2})/;

/** "1. …", "2) …", "- …", "* …", "• …". */
const LIST_ITEM = /^\s{0,6}(?:[-*•‣◦]|\d{1,4}[.)])\s+\S/;

/** A JSON Lines record starts like this (and its line ends with `}`). */
const JSON_LINE_START = /^\s{0,4}\{/;

/** A Markdown table row (separator rows `|---|---|` excluded). */
const TABLE_ROW = /^\s{0,4}\|(?!\s*:?-{3,})/;

/**
 * A line that continues the previous record when a long paste is read line by
 * line: indented lines, stack frames, JSON punctuation, and the
 * Trace/Correlation/Timestamp lines Entra appends to its messages.
 */
const CONTINUATION = /^(?:\s|at |---|[}\])]|\+ |"?(?:trace id|correlation id|timestamp|error_codes|error_uri|inner ?exception|caused by)\b)/i;

/** Up to this size, a paste without structure is read as a single message. */
const SINGLE_RECORD_MAX_LINES = 60;
const SINGLE_RECORD_MAX_CHARS = 20_000;
/** Only this much of each line is looked at to classify it. */
const LINE_HEAD = 64;

interface Line {
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}

function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false;
  }
  return true;
}

/** Groups lines into records; a line for which `startsRecord` is true opens a new one. */
function group(text: string, lines: Line[], startsRecord: (index: number) => boolean): RecordSpan[] {
  const records: RecordSpan[] = [];
  let current: RecordSpan | null = null;
  lines.forEach((line, index) => {
    if (isBlank(text, line)) return;
    if (current === null || startsRecord(index)) {
      current = { start: line.start, end: line.end, lines: [index + 1, index + 1] };
      records.push(current);
    } else {
      current.end = line.end;
      current.lines[1] = index + 1;
    }
  });
  return records;
}

/** Counts `char` in a line outside double-quoted parts (CSV quoting). */
function countOutsideQuotes(text: string, line: Line, char: string): number {
  let count = 0;
  let quoted = false;
  for (let i = line.start; i < line.end; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === char && !quoted) count++;
  }
  return count;
}

/**
 * Rows of a table export: the delimiter count of most lines, when at least
 * `minRows` lines share it (and, for commas, the first line is a header with
 * the same count). Lines with another count continue the row above (a cell
 * wrapped onto two lines).
 */
function tableRows(text: string, lines: Line[], filled: number[], delimiter: string, minCount: number, minRows: number): ((index: number) => boolean) | null {
  const counts = new Map<number, number>();
  const countOf = new Map<number, number>();
  for (const index of filled) {
    const count = countOutsideQuotes(text, lines[index]!, delimiter);
    countOf.set(index, count);
    if (count >= minCount) counts.set(count, (counts.get(count) ?? 0) + 1);
  }
  let best = 0;
  let rows = 0;
  for (const [count, seen] of counts) if (seen > rows) [best, rows] = [count, seen];
  if (rows < minRows || rows < filled.length * 0.5) return null;
  if (delimiter === ',' && countOf.get(filled[0]!) !== best) return null;
  return (index) => countOf.get(index) === best;
}

/** Line numbers of offsets, for records found by offset rather than by line. */
function lineNumbers(lines: Line[]): (offset: number) => number {
  let at = 0;
  // Offsets are asked in increasing order, so one forward walk serves them all.
  return (offset) => {
    while (at < lines.length - 1 && lines[at]!.end < offset) at++;
    return at + 1;
  };
}

export function segment(text: string): RecordSpan[] {
  const lines = splitLines(text);
  const head = (index: number) => text.slice(lines[index]!.start, Math.min(lines[index]!.end, lines[index]!.start + LINE_HEAD));
  const filled = lines.flatMap((line, index) => (isBlank(text, line) ? [] : [index]));
  if (filled.length === 0) return [];
  const count = (pattern: RegExp) => filled.reduce((sum, index) => sum + (pattern.test(head(index)) ? 1 : 0), 0);

  const elements = jsonRecords(text);
  if (elements) {
    const lineOf = lineNumbers(lines);
    return elements.map(([start, end]) => ({ start, end, lines: [lineOf(start), lineOf(end - 1)] }));
  }
  const byPattern = (pattern: RegExp) => group(text, lines, (index) => pattern.test(head(index)));
  const isJsonLine = (index: number) => JSON_LINE_START.test(head(index)) && text.slice(lines[index]!.start, lines[index]!.end).trimEnd().endsWith('}');
  if (filled.filter(isJsonLine).length >= 2) return group(text, lines, isJsonLine);
  if (count(TIME_STAMPED) >= 2) return byPattern(TIME_STAMPED);
  if (count(LIST_ITEM) >= 2) return byPattern(LIST_ITEM);
  if (count(TABLE_ROW) >= 2) return byPattern(TABLE_ROW);
  const rows = tableRows(text, lines, filled, '\t', 1, 2) ?? tableRows(text, lines, filled, ',', 2, 3);
  if (rows) return group(text, lines, rows);
  if (lines.length <= SINGLE_RECORD_MAX_LINES && text.length <= SINGLE_RECORD_MAX_CHARS) {
    return group(text, lines, () => false);
  }
  return group(text, lines, (index) => !CONTINUATION.test(head(index)));
}
