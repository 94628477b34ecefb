/**
 * Segmenting: a paste may be one message (with its stack trace or JSON body)
 * or a whole audit-log export. This splits it into records, each diagnosed on
 * its own, without ever splitting a multi-line JSON body or stack trace that
 * belongs to one record.
 */
export interface RecordSpan {
  start: number;
  end: number;
  /** 1-based first and last line. */
  lines: [number, number];
}

/** A line that starts a log record: it begins with a date or time stamp. */
const RECORD_START = /^\s{0,4}[[("']?(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}\/\d{2}\/\d{2}|\d{1,2}:\d{2}:\d{2}|[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2})/;

/**
 * A line that continues the previous record when a long paste is read line by
 * line: indented lines, stack frames, JSON punctuation, and the
 * Trace/Correlation/Timestamp lines Entra appends to its messages.
 */
const CONTINUATION = /^(?:\s|at |---|[}\])]|\+ |"?(?:trace id|correlation id|timestamp|error_codes|error_uri|inner ?exception|caused by)\b)/i;

/** Up to this size, a paste without time stamps is read as a single message. */
const SINGLE_RECORD_MAX_LINES = 60;
const SINGLE_RECORD_MAX_CHARS = 20_000;

interface Line { start: number; end: number }

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
function group(text: string, lines: Line[], startsRecord: (line: Line, index: number) => boolean): RecordSpan[] {
  const records: RecordSpan[] = [];
  let current: RecordSpan | null = null;
  lines.forEach((line, index) => {
    if (isBlank(text, line)) return;
    if (current === null || startsRecord(line, index)) {
      current = { start: line.start, end: line.end, lines: [index + 1, index + 1] };
      records.push(current);
    } else {
      current.end = line.end;
      current.lines[1] = index + 1;
    }
  });
  return records;
}

export function segment(text: string): RecordSpan[] {
  const lines = splitLines(text);
  const lineText = (line: Line) => text.slice(line.start, Math.min(line.end, line.start + 64));

  const starts = lines.filter((line) => RECORD_START.test(lineText(line))).length;
  if (starts >= 2) {
    return group(text, lines, (line) => RECORD_START.test(lineText(line)));
  }
  if (lines.length <= SINGLE_RECORD_MAX_LINES && text.length <= SINGLE_RECORD_MAX_CHARS) {
    return group(text, lines, () => false);
  }
  return group(text, lines, (line) => !CONTINUATION.test(lineText(line)));
}
