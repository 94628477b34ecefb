/**
 * How an export is shown, decided once for the page, the CLI and the embed:
 * whether the datasource table leads the result, the words for each state,
 * the one-line summary, a timeline's text alternative and axis, and
 * unrecognised lines as their message with the log prefix set aside. The
 * facts themselves (states, runs, timelines) are the engine's
 * (`result.datasources`, decide/datasource-tally.ts); this only words them.
 */
import { readLogPrefix, timeStampOf } from '../text/log-prefix.ts';
import type { DatasourceState, DatasourceSummary, RecordRef, TimelinePoint, TriageResult } from '../types.ts';
import { plural, unrecognisedOf, type UnrecognisedRecord } from './present.ts';

export const STATE_LABEL: Record<DatasourceState, string> = {
  failing: 'Failing now',
  recovered: 'Recovered',
  succeeded: 'Succeeded',
  unknown: 'Unknown',
};

/** What each state means, in the words of the note under the page's table. */
export const STATE_MEANING: Record<DatasourceState, string> = {
  failing: 'its latest run failed',
  recovered: 'it failed before, and its latest run succeeded',
  succeeded: 'no run failed',
  unknown: 'some runs failed and some did not, and the paste has no time stamps to tell which came last',
};

/** The datasource table leads a result when the paste is an export (more than one record) naming datasources. */
export function showsDatasources(result: Pick<TriageResult, 'datasources' | 'stats'>): boolean {
  return result.stats.records > 1 && result.datasources.length > 0;
}

/** How many datasources the paste names but the result does not list. */
export function unlistedDatasources(result: Pick<TriageResult, 'datasources' | 'stats'>): number {
  return Math.max(0, result.stats.datasources - result.datasources.length);
}

const STATES_IN_ORDER: DatasourceState[] = ['failing', 'unknown', 'recovered', 'succeeded'];
const NAMES_IN_SENTENCE = 3;

/**
 * "4 datasources: 2 failing now (Legal, Board), 1 recovered (Finance), 1 succeeded."
 * The most pressing states first; names for all but the succeeded ones.
 */
export function datasourceSentence(result: Pick<TriageResult, 'datasources' | 'stats'>): string {
  const parts = STATES_IN_ORDER.flatMap((state) => {
    const named = result.datasources.filter((datasource) => datasource.state === state);
    if (named.length === 0) return [];
    const label = `${named.length.toLocaleString('en')} ${STATE_LABEL[state].toLowerCase()}`;
    if (state === 'succeeded') return [label];
    const names = named.slice(0, NAMES_IN_SENTENCE).map((datasource) => datasource.name);
    const more = named.length - names.length;
    return [`${label} (${names.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en')} more` : ''})`];
  });
  const unlisted = unlistedDatasources(result);
  const total = plural(result.stats.datasources, 'datasource');
  return `${total}: ${parts.join(', ')}${unlisted > 0 ? `; ${unlisted.toLocaleString('en')} more not listed` : ''}.`;
}

/** Where a record is: its time stamp as written, else its line. */
export function whenOf(ref: RecordRef): string {
  return ref.time ?? `line ${ref.line.toLocaleString('en')}`;
}

/** An unrecognised line with its log prefix set aside: the message itself, whole, and when it ran. */
export interface UnrecognisedLine extends UnrecognisedRecord {
  /** The record's text after its time stamp, level and datasource clause (as listed: at most 1,000 characters). */
  message: string;
  time?: string;
  level?: string;
  /** The message was cut where the listed text ends (`start`/`end` of the segment give all of it). */
  cut: boolean;
}

/** Every listed failed record no rule answers, in log order, as its message without the log prefix. */
export function unrecognisedLines(result: TriageResult): UnrecognisedLine[] {
  return unrecognisedOf(result).map((record) => {
    const segment = result.segments[record.segment]!;
    const prefix = readLogPrefix(segment.text);
    const message = segment.text.slice(prefix.messageStart).trim();
    return {
      ...record,
      message: message || segment.text.trim(),
      ...(prefix.time ? { time: prefix.time.text } : {}),
      ...(prefix.level ? { level: prefix.level } : {}),
      cut: segment.end - segment.start > segment.text.length,
    };
  });
}

/**
 * What a message to support carries: for an export with failed lines no rule
 * answers, those lines as pasted (support needs them, not the routine lines
 * around them); otherwise the paste.
 */
export function supportText(result: TriageResult | null, paste: string): string {
  if (!result || result.stats.records <= 1) return paste;
  const lines = unrecognisedOf(result).map((record) => result.segments[record.segment]!.text.trim());
  return lines.length > 0 ? lines.join('\n') : paste;
}

/** How a timeline is laid out along its axis: by time when every point has a full date, else by line. */
export interface TimelineAxis {
  by: 'time' | 'line';
  /** Where a point sits, from 0 (the paste's first) to 1 (its last). */
  position: (point: TimelinePoint) => number;
  /** Where the axis starts and ends, in words (the earliest and latest time stamp as written, or lines). */
  from: string;
  to: string;
}

/** One axis for every listed timeline, so the rows line up: the same moment is the same place in each. */
export function timelineAxis(datasources: readonly DatasourceSummary[]): TimelineAxis {
  const points = datasources.flatMap((datasource) => datasource.timeline);
  const instants = points.map((point) => (point.time === undefined ? undefined : timeStampOf(point.time)?.instant));
  const byTime = instants.length > 0 && instants.every((instant) => instant !== undefined);
  const values = byTime ? (instants as number[]) : points.map((point) => point.lines[0]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const label = (value: number) => (byTime ? points[values.indexOf(value)]!.time! : `line ${value.toLocaleString('en')}`);
  const valueOf = (point: TimelinePoint) => (byTime ? timeStampOf(point.time!)!.instant! : point.lines[0]);
  return {
    by: byTime ? 'time' : 'line',
    position: (point) => (max > min ? (valueOf(point) - min) / (max - min) : 0.5),
    from: points.length > 0 ? label(min) : '',
    to: points.length > 0 ? label(max) : '',
  };
}

/** Why a point's (or a stretch's) runs failed: "Refresh token expired, not recognised". */
export function failureCauses(point: Pick<TimelinePoint, 'errors' | 'unrecognised'>, titleOf: (id: string) => string): string {
  return [...point.errors.map(titleOf), ...(point.unrecognised > 0 ? ['not recognised'] : [])].join(', ');
}

/** What a stretch of consecutive points says: routine runs, or failures of one kind. */
function kindOf(point: TimelinePoint): string {
  if (point.failed === 0) return 'routine';
  return point.unrecognised === point.failed ? 'unrecognised' : `error:${point.errors.join('+')}`;
}

/**
 * A timeline in words, for screen readers (and the CLI): consecutive points
 * of the same kind told as one stretch, "2025-03-04 02:00:09 to 03:00:09:
 * 2 failed (Refresh token expired); 2025-03-04 03:10:00: 1 routine."
 */
export function timelineText(datasource: DatasourceSummary, titleOf: (id: string) => string): string {
  const stretches: Array<{ from: TimelinePoint; to: TimelinePoint; failed: number; routine: number; errors: string[]; unrecognised: number }> = [];
  for (const point of datasource.timeline) {
    const last = stretches.at(-1);
    if (last && kindOf(last.to) === kindOf(point)) {
      last.to = point;
      last.failed += point.failed;
      last.routine += point.routine;
      last.unrecognised += point.unrecognised;
      continue;
    }
    stretches.push({ from: point, to: point, failed: point.failed, routine: point.routine, errors: point.errors, unrecognised: point.unrecognised });
  }
  const when = (point: TimelinePoint) => whenOf({ line: point.lines[0], ...(point.time !== undefined ? { time: point.time } : {}) });
  const sentences = stretches.map((stretch) => {
    const span = stretch.from === stretch.to ? when(stretch.from) : `${when(stretch.from)} to ${when(stretch.to)}`;
    if (stretch.failed === 0) return `${span}: ${stretch.routine.toLocaleString('en')} routine`;
    const routine = stretch.routine > 0 ? `, ${stretch.routine.toLocaleString('en')} routine` : '';
    return `${span}: ${stretch.failed.toLocaleString('en')} failed (${failureCauses(stretch, titleOf)})${routine}`;
  });
  return `${datasource.name}, ${STATE_LABEL[datasource.state].toLowerCase()}: ${sentences.join('; ')}.`;
}

/** The errors of the listed datasources, once each, in log order: the page colours them in this order. */
export function datasourceErrors(datasources: readonly DatasourceSummary[]): Array<DatasourceSummary['errors'][number]> {
  const seen = new Map<string, DatasourceSummary['errors'][number]>();
  const firstLine = new Map<string, number>();
  for (const datasource of datasources) {
    for (const point of datasource.timeline) {
      for (const id of point.errors) if (!firstLine.has(id) || firstLine.get(id)! > point.lines[0]) firstLine.set(id, point.lines[0]);
    }
    for (const error of datasource.errors) if (!seen.has(error.id)) seen.set(error.id, error);
  }
  return [...seen.values()].sort((a, b) => (firstLine.get(a.id) ?? Infinity) - (firstLine.get(b.id) ?? Infinity));
}
