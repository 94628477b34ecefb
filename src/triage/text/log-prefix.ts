/**
 * The prefix an audit-log line puts before its message: a time stamp, a
 * level, the datasource clause (`2025-03-04 02:00:09 ERROR Datasource 'HR':
 * …`). Read once here, so the datasource table can say when each run
 * happened and an unrecognised line can be shown as its message alone, the
 * prefix set aside, rather than as its first hundred characters.
 *
 * Only the head of a record is looked at, with bounded patterns: linear
 * whatever the record holds.
 */
import { datasourceClause } from './datasource.ts';

/** A time stamp as the log wrote it, and what can be compared of it. */
export interface TimeStamp {
  /** As written (`2025-03-04 02:00:09`, `2025-03-04T02:00:09.123Z`, `Mar  4 02:00:09`). */
  text: string;
  /**
   * Milliseconds since 1970 for a stamp with a full date (year first: no
   * day/month guessing), read as UTC when it names no offset. Comparable
   * within one export, whose stamps share a zone.
   */
  instant?: number;
  /** Seconds since midnight, for any stamp with a time of day: the order of a log that gives only times. */
  secondOfDay?: number;
}

export interface LogPrefix {
  time?: TimeStamp;
  /** The level word as written (`ERROR`, `Warning`), without brackets. */
  level?: string;
  /** The datasource clause's name (`HR Mailboxes`). */
  datasource?: string;
  /** Offset in the record where the message starts, after the prefix and its separators. */
  messageStart: number;
}

/** Only this much of a record is read for its prefix (a datasource clause is looked for in its first 400 characters). */
const HEAD_CHARS = 400;

/**
 * The stamp formats, each after up to four spaces and an opening bracket or
 * quote, its text in group 1. Sticky (`y`): tried exactly where a record
 * starts in the whole input, never on a copy of it.
 */
const LEAD = String.raw`[ \t]{0,4}[[("']?`;
const YEAR_FIRST = new RegExp(
  String.raw`${LEAD}((\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?: ?(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)(?![\d:])`,
  'iy',
);
const DAY_FIRST_OR_US = new RegExp(
  String.raw`${LEAD}(\d{1,2}\/\d{1,2}\/\d{2,4},? (\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?: ?([AP]M))?)(?![\d:])`,
  'iy',
);
const SYSLOG = new RegExp(String.raw`${LEAD}([A-Z][a-z]{2} {1,2}\d{1,2} (\d{2}):(\d{2}):(\d{2}))(?![\d:])`, 'y');
const TIME_ONLY = new RegExp(String.raw`${LEAD}((\d{1,2}):(\d{2}):(\d{2})(?:[.,]\d{1,9})?(?: ?([AP]M))?)(?![\d:])`, 'iy');

/** A record that is a JSON object gives its time as a field: `"time": "2025-03-04T02:00:09Z"`, `"createdDateTime": …`. */
const JSON_TIME_FIELD = /"[A-Za-z_]{0,24}(?:time|Time|date|Date|timestamp|Timestamp)[A-Za-z_]{0,24}"\s*:\s*"(\d{4}-\d{2}-\d{2}[^"\n]{0,40})"/;

const LEVEL = /^[[(]?(error|err|warning|warn|info|information|notice|debug|trace|verbose|fatal|critical|severe)[\])]?(?![\p{L}\p{N}])/iu;
/** What separates the parts of a prefix: spaces, brackets, colons, dashes, bars. */
const SEPARATORS = /^[\s:|>\-–—\])]*/;

function secondOf(hours: string | undefined, minutes: string | undefined, seconds: string | undefined, meridiem?: string): number | undefined {
  if (hours === undefined || minutes === undefined) return undefined;
  let hour = Number(hours);
  if (meridiem) hour = (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  return hour * 3600 + Number(minutes) * 60 + Number(seconds ?? 0);
}

function offsetMinutes(zone: string | undefined): number {
  const sign = zone && /^[+-]/.exec(zone)?.[0];
  if (!zone || !sign) return 0;
  const digits = zone.replace(/\D/g, '');
  return (sign === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function execAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** The time stamp that `text` starts with at offset `at` (after an opening bracket or quote), and where it ends. */
export function leadingTimeStamp(text: string, at = 0): { stamp: TimeStamp; end: number } | undefined {
  let match = execAt(YEAR_FIRST, text, at);
  if (match) {
    const [, written, year, month, day, hours, minutes, seconds, fraction, zone] = match;
    const millis = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
    const instant = Date.UTC(+year!, +month! - 1, +day!, +(hours ?? 0), +(minutes ?? 0), +(seconds ?? 0), millis) - offsetMinutes(zone) * 60_000;
    const stamp: TimeStamp = { text: written! };
    if (Number.isFinite(instant)) stamp.instant = instant;
    const secondOfDay = secondOf(hours, minutes, seconds);
    if (secondOfDay !== undefined) stamp.secondOfDay = secondOfDay;
    return { stamp, end: at + match[0].length };
  }
  match = execAt(DAY_FIRST_OR_US, text, at) ?? execAt(SYSLOG, text, at) ?? execAt(TIME_ONLY, text, at);
  if (!match) return undefined;
  return { stamp: { text: match[1]!, secondOfDay: secondOf(match[2], match[3], match[4], match[5])! }, end: at + match[0].length };
}

/** The time stamp of the record at `start`–`end` of `input`: the one it starts with, or a JSON record's time field. */
export function timeStampAt(input: string, start: number, end: number): TimeStamp | undefined {
  const leading = leadingTimeStamp(input, start);
  if (leading) return leading.stamp;
  if (!/^\s*\{/.test(input.slice(start, Math.min(end, start + 16)))) return undefined;
  const field = JSON_TIME_FIELD.exec(input.slice(start, Math.min(end, start + HEAD_CHARS)));
  return field ? leadingTimeStamp(field[1]!)?.stamp : undefined;
}

/** A record's time stamp (see timeStampAt). */
export function timeStampOf(record: string): TimeStamp | undefined {
  return timeStampAt(record, 0, record.length);
}

/**
 * The prefix of a log line: its leading time stamp, level and datasource
 * clause (each optional, in the order logs write them), and where its
 * message starts. A record without such a prefix starts its message at 0.
 */
export function readLogPrefix(record: string): LogPrefix {
  const head = record.slice(0, HEAD_CHARS);
  const prefix: LogPrefix = { messageStart: 0 };
  let at = 0;
  const skipSeparators = () => (at += SEPARATORS.exec(head.slice(at))![0].length);
  const leading = leadingTimeStamp(head);
  if (leading) {
    prefix.time = leading.stamp;
    at = leading.end;
    skipSeparators();
  }
  const level = LEVEL.exec(head.slice(at));
  if (level) {
    prefix.level = level[1];
    at += level[0].length;
    skipSeparators();
  }
  const clause = datasourceClause(head);
  // Only a clause that opens the message is prefix; one further on is part of what the message says.
  if (clause && clause.start === at) {
    prefix.datasource = clause.name;
    at = clause.end;
    skipSeparators();
  } else if (clause) {
    prefix.datasource = clause.name;
  }
  if (at > 0 && at < record.length) prefix.messageStart = at;
  return prefix;
}
