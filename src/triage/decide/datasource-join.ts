/**
 * The datasources of an export triaged window by window (an export over the
 * engine's input limit, read by the CLI in constant memory), joined into
 * what one tally of the whole would have said: see DatasourceJoiner.
 */
import type { DatasourceSummary, RecordRef, TimelinePoint, TimeOrder } from '../types.ts';
import { boundTimeline, type Ends, inTimeOrder, MAX_CODES, MAX_DATASOURCES, MAX_ERRORS, selectListed, summary } from './datasource-tally.ts';

/** What one window's result says of its datasources. */
type WindowDatasources = { datasources: DatasourceSummary[]; timeOrder: TimeOrder; stats: { datasources: number } };

/** A datasource met in one or more windows: its counts, and its ends in log order. */
interface Joined {
  counts: Pick<DatasourceSummary, 'failed' | 'routine' | 'errors' | 'unrecognised' | 'timeline'>;
  ends: Ends;
}

/** Distinct datasources joined across windows; any beyond are only counted (bounded memory on any export). */
const MAX_JOINED = MAX_DATASOURCES * 10;

/**
 * The datasources of consecutive windows of one export, joined as one tally
 * would have counted them: counts summed, errors and codes merged, timelines
 * joined, the first and last failure and run taken from the first and last
 * window that has them (each window's read back into log order by its own
 * time order), and the whole read in the export's time order. Exact while
 * each window lists all it names (at most MAX_DATASOURCES); those a window
 * leaves out are only counted.
 */
export class DatasourceJoiner {
  private readonly byName = new Map<string, Joined>();
  private readonly orders: Record<TimeOrder, number> = { 'oldest-first': 0, 'newest-first': 0, unknown: 0 };
  private unjoined = 0;

  /** A window's result; `lines` is the number of lines before the window. Windows come in log order. */
  add(result: WindowDatasources, lines: number): void {
    this.orders[result.timeOrder] += result.datasources.length;
    this.unjoined += result.stats.datasources - result.datasources.length;
    const shift = <T extends RecordRef | undefined>(ref: T): T => (ref ? { ...ref, line: ref.line + lines } : ref);
    for (const listed of result.datasources) {
      // In log order again (reading a newest-first window's ends backwards gives them in log order).
      const ends = inTimeOrder(
        { firstFailure: shift(listed.firstFailure), lastFailure: shift(listed.lastFailure), first: shift(listed.first), last: shift(listed.last) },
        result.timeOrder,
      );
      const timeline = listed.timeline.map((point): TimelinePoint => ({
        ...point,
        lines: [point.lines[0] + lines, point.lines[1] + lines],
        errors: [...point.errors],
      }));
      const joined = this.byName.get(listed.name);
      if (!joined) {
        if (this.byName.size >= MAX_JOINED) {
          this.unjoined++;
          continue;
        }
        const counts = {
          failed: listed.failed,
          routine: listed.routine,
          errors: listed.errors.map((error) => ({ ...error })),
          unrecognised: { records: listed.unrecognised.records, codes: [...listed.unrecognised.codes] },
          timeline,
        };
        this.byName.set(listed.name, { counts, ends });
        continue;
      }
      const { counts } = joined;
      counts.failed += listed.failed;
      counts.routine += listed.routine;
      for (const error of listed.errors) {
        const known = counts.errors.find((candidate) => candidate.id === error.id);
        if (known) known.records += error.records;
        else if (counts.errors.length < MAX_ERRORS) counts.errors.push({ ...error });
      }
      counts.unrecognised.records += listed.unrecognised.records;
      for (const code of listed.unrecognised.codes) {
        if (counts.unrecognised.codes.length < MAX_CODES && !counts.unrecognised.codes.includes(code)) counts.unrecognised.codes.push(code);
      }
      counts.timeline = boundTimeline([...counts.timeline, ...timeline]);
      joined.ends.last = ends.last;
      joined.ends.firstFailure ??= ends.firstFailure;
      if (ends.lastFailure) joined.ends.lastFailure = ends.lastFailure;
    }
  }

  /** The order most windows' datasource records ran in. */
  get timeOrder(): TimeOrder {
    const { 'oldest-first': oldest, 'newest-first': newest } = this.orders;
    return oldest > newest ? 'oldest-first' : newest > oldest ? 'newest-first' : 'unknown';
  }

  /** Distinct datasources named across the windows (past the bound, one met in several windows counts more than once). */
  get count(): number {
    return this.byName.size + this.unjoined;
  }

  summaries(): DatasourceSummary[] {
    const order = this.timeOrder;
    return selectListed([...this.byName].map(([name, joined]) => summary(name, joined.counts, inTimeOrder(joined.ends, order), order)));
  }
}
