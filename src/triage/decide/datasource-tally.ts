/**
 * Datasources at a glance: for a paste whose records name datasources
 * (`Datasource 'HR Mailboxes': …`), each datasource once, with its state,
 * its failed and routine runs, when it first and last failed, the errors
 * found in its records and a small timeline. Decided here, once, in the
 * engine's result, so the page, the CLI, the JSON and the embed say the same
 * (their wording is in present/datasources.ts). Like decide/rank.ts for
 * errors, it tallies record by record, so records left out of the listing
 * still count; decide/datasource-join.ts joins the tallies of an export's
 * windows for decide/combine.ts.
 *
 * The engine calls `DatasourceTally.add` for every record it reads, routine
 * ones included, with its own decision of whether the record failed and what
 * answers it (this module never re-reads a record's words to judge it). A
 * record is a "run" of the datasource it names; records that name none are
 * not counted here.
 *
 * States, from the log order and the time stamps:
 * - the time order of the paste is read from consecutive time stamps of
 *   its datasource records (in a long export, of those it reads anyway: the
 *   failures and the first record of each timeline point): full dates when
 *   they give any step, else times of day; more steps forward than back is
 *   oldest first, more back than forward newest first, otherwise unknown;
 * - a datasource's latest run is its last record in that order;
 * - `failing`: its latest run failed (or every run did); `recovered`: some
 *   run failed and its latest run is routine; `succeeded`: no run failed;
 *   `unknown`: some runs failed and some did not, and the time order is
 *   unknown (a hand-made list without time stamps says nothing of which
 *   came last).
 *
 * The result stays small: at most MAX_DATASOURCES listed (failing ones
 * first when there are more, shown in log order; `stats.datasources` counts
 * them all) and MAX_TIMELINE_POINTS per timeline (in a long export a point
 * stands for consecutive records, with their counts).
 */
import { timeStampAt, type TimeStamp } from '../text/log-prefix.ts';
import type { DatasourceState, DatasourceSummary, Match, RecordRef, TimelinePoint, TimeOrder } from '../types.ts';

export const MAX_DATASOURCES = 50;
/** Even, so that halving a full timeline leaves every point with as many records. */
export const MAX_TIMELINE_POINTS = 48;
export const MAX_ERRORS = 8;
export const MAX_CODES = 10;
const MAX_POINT_ERRORS = 3;

/** What the engine knows of one record when it has read it. */
export interface RecordOutcome {
  /** The datasource the record names (text/datasource.ts), if any. */
  datasource: string | undefined;
  /** The engine counted it as a failure, answered or not; otherwise it is routine. */
  failed: boolean;
  /** Its answers (high or medium matches): the errors found in it. */
  answers: readonly Match[];
  /** Codes in it that no rule explains. */
  unknownCodes: readonly string[];
}

/** `state` from the counts, the latest run and the time order (see the module comment). */
export function stateOf(failed: number, routine: number, last: { failed: boolean }, order: TimeOrder): DatasourceState {
  if (failed === 0) return 'succeeded';
  if (routine === 0) return 'failing';
  if (order === 'unknown') return 'unknown';
  return last.failed ? 'failing' : 'recovered';
}

/** How pressing a state is: which datasources are listed first when there are too many. */
const PRESSING: Record<DatasourceState, number> = { failing: 0, unknown: 1, recovered: 2, succeeded: 3 };

/** At most MAX_DATASOURCES of `items`, the most pressing states kept, in log order (the order of their first records). */
function choose<T>(items: T[], stateOfItem: (item: T) => DatasourceState, firstLine: (item: T) => number): T[] {
  const kept =
    items.length <= MAX_DATASOURCES
      ? items
      : items
          .map((item) => ({ item, pressing: PRESSING[stateOfItem(item)], line: firstLine(item) }))
          .sort((a, b) => a.pressing - b.pressing || a.line - b.line)
          .slice(0, MAX_DATASOURCES)
          .map(({ item }) => item);
  return [...kept].sort((a, b) => firstLine(a) - firstLine(b));
}

/** The summaries to list (see `choose`). */
export function selectListed(summaries: DatasourceSummary[]): DatasourceSummary[] {
  return choose(
    summaries,
    (summary) => summary.state,
    (summary) => summary.timeline[0]?.lines[0] ?? 0,
  );
}

/** Counts of steps forward and back between consecutive time stamps. */
class Steps {
  forward = 0;
  back = 0;

  step(from: number | undefined, to: number | undefined): void {
    if (from === undefined || to === undefined) return;
    if (to > from) this.forward++;
    else if (to < from) this.back++;
  }
}

/** The time order the steps say: full dates when they say anything, else times of day. */
export function orderOf(instants: { forward: number; back: number }, seconds: { forward: number; back: number }): TimeOrder {
  const steps = instants.forward + instants.back > 0 ? instants : seconds;
  if (steps.forward > steps.back) return 'oldest-first';
  if (steps.back > steps.forward) return 'newest-first';
  return 'unknown';
}

/** Folds `point` (the records that follow it) into `into`. */
function absorb(into: TimelinePoint, point: TimelinePoint): void {
  into.lines = [into.lines[0], point.lines[1]];
  into.failed += point.failed;
  into.routine += point.routine;
  into.unrecognised += point.unrecognised;
  for (const error of point.errors) if (into.errors.length < MAX_POINT_ERRORS && !into.errors.includes(error)) into.errors.push(error);
}

/** Neighbouring points merged two by two. */
function halve(points: readonly TimelinePoint[]): TimelinePoint[] {
  const halved: TimelinePoint[] = [];
  for (let i = 0; i < points.length; i += 2) {
    const point = { ...points[i]!, lines: [...points[i]!.lines] as [number, number], errors: [...points[i]!.errors] };
    if (i + 1 < points.length) absorb(point, points[i + 1]!);
    halved.push(point);
  }
  return halved;
}

/** A timeline within MAX_TIMELINE_POINTS (the combiner joins windows' timelines with it). */
export function boundTimeline(points: TimelinePoint[]): TimelinePoint[] {
  let bounded = points;
  while (bounded.length > MAX_TIMELINE_POINTS) bounded = halve(bounded);
  return bounded;
}

/**
 * A timeline built record by record in bounded memory: when it is full,
 * neighbours are merged two by two and each point holds twice as many
 * records from then on, so every point stands for the same number of
 * records (the last one for fewer).
 */
class Timeline {
  points: TimelinePoint[] = [];
  private perPoint = 1;
  private inLast = 0;

  /** The next record starts a point of its own (and so needs its time stamp). */
  get opensPoint(): boolean {
    return this.points.length === 0 || this.inLast >= this.perPoint;
  }

  add(line: number, failed: boolean, errors: readonly string[], unrecognised: boolean, time: string | undefined): void {
    if (!this.opensPoint) {
      const last = this.points.at(-1)!;
      last.lines[1] = line;
      if (failed) last.failed++;
      else last.routine++;
      if (unrecognised) last.unrecognised++;
      for (const error of errors) if (last.errors.length < MAX_POINT_ERRORS && !last.errors.includes(error)) last.errors.push(error);
      this.inLast++;
      return;
    }
    if (this.points.length === MAX_TIMELINE_POINTS) {
      this.points = halve(this.points);
      this.perPoint *= 2;
    }
    const point: TimelinePoint = {
      lines: [line, line],
      failed: failed ? 1 : 0,
      routine: failed ? 0 : 1,
      errors: errors.slice(0, MAX_POINT_ERRORS),
      unrecognised: unrecognised ? 1 : 0,
    };
    if (time !== undefined) point.time = time;
    this.points.push(point);
    this.inLast = 1;
  }
}

export type Ref = RecordRef & { failed: boolean };

const NO_ERRORS: readonly string[] = [];

/** The facts of a summary that depend on the time order: which failure was first and last, which run latest. */
export interface Ends {
  firstFailure: RecordRef | undefined;
  lastFailure: RecordRef | undefined;
  first: Ref;
  last: Ref;
}

/** Ends in log order, read in time order: a newest-first paste is read from its end. */
export function inTimeOrder(ends: Ends, order: TimeOrder): Ends {
  return order === 'newest-first' ? { firstFailure: ends.lastFailure, lastFailure: ends.firstFailure, first: ends.last, last: ends.first } : ends;
}

/** A summary, its fields always in the same order; its state from its counts, its latest run and the order. */
export function summary(
  name: string,
  counts: Pick<DatasourceSummary, 'failed' | 'routine' | 'errors' | 'unrecognised' | 'timeline'>,
  ends: Ends,
  order: TimeOrder,
): DatasourceSummary {
  return {
    name,
    state: stateOf(counts.failed, counts.routine, ends.last, order),
    failed: counts.failed,
    routine: counts.routine,
    ...(ends.firstFailure ? { firstFailure: ends.firstFailure } : {}),
    ...(ends.lastFailure ? { lastFailure: ends.lastFailure } : {}),
    first: ends.first,
    last: ends.last,
    errors: counts.errors.slice(0, MAX_ERRORS),
    unrecognised: counts.unrecognised,
    timeline: counts.timeline,
  };
}

interface RecordPlace {
  start: number;
  end: number;
  lines: [number, number];
}

/** Everything counted of one datasource while the records are read. */
class Runs {
  failed = 0;
  routine = 0;
  firstFailure: RecordRef | undefined;
  lastFailure: RecordRef | undefined;
  readonly first: Ref;
  /** Its last record so far, and whether it failed: its time stamp is read only once it is known to be the last. */
  last: RecordPlace;
  lastFailed = false;
  readonly errors: Array<DatasourceSummary['errors'][number]> = [];
  unrecognised = 0;
  readonly codes: string[] = [];
  readonly timeline = new Timeline();

  constructor(first: Ref, place: RecordPlace) {
    this.first = first;
    this.last = place;
  }
}

function refOf(line: number, stamp: TimeStamp | undefined): RecordRef {
  return stamp ? { line, time: stamp.text } : { line };
}

/** A datasource name as one key: spaces collapsed. A "name" without a letter or digit is not one (`"datasource": "…"` misread). */
function nameKey(name: string): string | undefined {
  const key = name.replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(key) ? key : undefined;
}

/** The datasources of one input, counted record by record as the engine reads them. */
export class DatasourceTally {
  private readonly input: string;
  private readonly byName = new Map<string, Runs>();
  /** Names as the records write them → their key (a few distinct spellings, met thousands of times). */
  private readonly keys = new Map<string, string | undefined>();
  private readonly instants = new Steps();
  private readonly seconds = new Steps();
  /** The last time stamp read: consecutive ones give the time order. */
  private previous: TimeStamp | undefined;

  constructor(input: string) {
    this.input = input;
  }

  private stampOf(record: RecordPlace): TimeStamp | undefined {
    return timeStampAt(this.input, record.start, record.end);
  }

  /** One record of the input, as the engine decided it; records are added in input order. */
  add(record: RecordPlace, outcome: RecordOutcome): void {
    const written = outcome.datasource;
    if (written === undefined) return;
    let name = this.keys.get(written);
    if (name === undefined && !this.keys.has(written)) this.keys.set(written, (name = nameKey(written)));
    if (name === undefined) return;
    const line = record.lines[0];
    const { failed } = outcome;
    let runs = this.byName.get(name);
    // A time stamp is read only where it is shown or compared: a new timeline point, a failure.
    const opens = !runs || runs.timeline.opensPoint;
    const stamp = opens || failed ? this.stampOf(record) : undefined;
    if (stamp) {
      this.instants.step(this.previous?.instant, stamp.instant);
      this.seconds.step(this.previous?.secondOfDay, stamp.secondOfDay);
      this.previous = stamp;
    }
    if (!runs) {
      runs = new Runs({ ...refOf(line, stamp), failed }, record);
      this.byName.set(name, runs);
    }
    runs.last = record;
    runs.lastFailed = failed;
    if (!failed) {
      runs.routine++;
      runs.timeline.add(line, false, NO_ERRORS, false, opens ? stamp?.text : undefined);
      return;
    }
    const { answers } = outcome;
    const ref = refOf(line, stamp);
    runs.failed++;
    runs.firstFailure ??= ref;
    runs.lastFailure = ref;
    for (const match of answers) {
      const error = runs.errors.find((known) => known.id === match.id);
      if (error) error.records++;
      else runs.errors.push({ id: match.id, title: match.title, url: match.url, records: 1 });
    }
    if (answers.length === 0) {
      runs.unrecognised++;
      for (const code of outcome.unknownCodes) if (runs.codes.length < MAX_CODES && !runs.codes.includes(code)) runs.codes.push(code);
    }
    runs.timeline.add(
      line,
      true,
      answers.map((match) => match.id),
      answers.length === 0,
      opens ? stamp?.text : undefined,
    );
  }

  get timeOrder(): TimeOrder {
    return orderOf(this.instants, this.seconds);
  }

  /** How many distinct datasources were named. */
  get count(): number {
    return this.byName.size;
  }

  /** The datasources to list, in log order, each summed up in time order. */
  summaries(): DatasourceSummary[] {
    const order = this.timeOrder;
    const latestFailed = (runs: Runs) => (order === 'newest-first' ? runs.first.failed : runs.lastFailed);
    // Chosen before they are summed up: an export may name fifty thousand datasources.
    const chosen = choose(
      [...this.byName],
      ([, runs]) => stateOf(runs.failed, runs.routine, { failed: latestFailed(runs) }, order),
      ([, runs]) => runs.first.line,
    );
    return chosen.map(([name, runs]) => {
      const last = { ...refOf(runs.last.lines[0], this.stampOf(runs.last)), failed: runs.lastFailed };
      const counts = {
        failed: runs.failed,
        routine: runs.routine,
        errors: runs.errors,
        unrecognised: { records: runs.unrecognised, codes: runs.codes },
        timeline: runs.timeline.points,
      };
      return summary(name, counts, inTimeOrder({ firstFailure: runs.firstFailure, lastFailure: runs.lastFailure, first: runs.first, last }, order), order);
    });
  }
}
