/**
 * One result from the results of consecutive windows of one input.
 *
 * An audit-log export larger than the engine's input limit is triaged window
 * by window (each window a run of whole records, cut where a record starts),
 * so that any size is read in constant memory. This joins the windows'
 * results into the result the engine would have given for the whole input:
 * offsets and line numbers made relative to the whole input, each distinct
 * error once with every record it was found in, best first, counts summed.
 */
import { MAX_SEGMENTS } from '../limits.ts';
import type { TopMatch, TriageResult, UnknownCode } from '../types.ts';
import { DatasourceJoiner } from './datasource-join.ts';
import { compareTopMatches, strength } from './rank.ts';

/** Records listed in the combined result, as in one result; the rest are counted in `stats.omitted`. */
export const MAX_LISTED_SEGMENTS = MAX_SEGMENTS;

/** Where a window starts in the whole input. */
export interface WindowOffset {
  /** Characters before the window. */
  characters: number;
  /** Lines before the window. */
  lines: number;
}

export class ResultCombiner {
  private readonly segments: TriageResult['segments'] = [];
  private readonly matches = new Map<string, TopMatch>();
  private readonly unknown = new Map<string, UnknownCode>();
  private readonly stats: TriageResult['stats'] = { records: 0, skipped: 0, recognised: 0, unrecognised: 0, omitted: 0, characters: 0, datasources: 0 };
  private readonly datasources = new DatasourceJoiner();

  /** Adds the result of the window starting at `offset`; windows must be added in input order. */
  add(result: TriageResult, offset: WindowOffset): void {
    const shift = <T extends { start: number; end: number }>(span: T): T => ({
      ...span,
      start: span.start + offset.characters,
      end: span.end + offset.characters,
    });
    // Segment i of the window becomes segment listed[i] of the whole (or is omitted).
    const listed: Array<number | undefined> = result.segments.map((segment) => {
      if (this.segments.length >= MAX_LISTED_SEGMENTS) return undefined;
      this.segments.push({
        ...shift(segment),
        lines: [segment.lines[0] + offset.lines, segment.lines[1] + offset.lines],
        matches: segment.matches.map((match) => ({ ...match, evidence: match.evidence.map(shift) })),
      });
      return this.segments.length - 1;
    });
    for (const match of result.matches) {
      const places = match.segments.map((index) => listed[index]).filter((index): index is number => index !== undefined);
      const current = this.matches.get(match.id);
      const shifted = { ...match, evidence: match.evidence.map(shift), segments: places };
      if (!current) this.matches.set(match.id, shifted);
      else if (strength(match) > strength(current))
        this.matches.set(match.id, { ...shifted, segments: [...current.segments, ...places], records: current.records + match.records });
      else {
        current.segments.push(...places);
        current.records += match.records;
      }
    }
    for (const code of result.unknownCodes) {
      const seen = this.unknown.get(code.code);
      if (seen) seen.count += code.count;
      else this.unknown.set(code.code, { ...code, line: code.line + offset.lines });
    }
    const unlisted = result.segments.length - listed.filter((index) => index !== undefined).length;
    this.stats.records += result.stats.records;
    this.stats.skipped += result.stats.skipped;
    this.stats.recognised += result.stats.recognised;
    this.stats.unrecognised += result.stats.unrecognised;
    this.stats.omitted += result.stats.omitted + unlisted;
    this.stats.characters += result.stats.characters;
    this.datasources.add(result, offset.lines);
  }

  /** The combined result: each distinct error once, best first (as the engine ranks them). */
  result(): TriageResult {
    const matches = [...this.matches.values()].sort(compareTopMatches);
    const datasources = { datasources: this.datasources.summaries(), timeOrder: this.datasources.timeOrder };
    return {
      matches,
      segments: this.segments,
      unknownCodes: [...this.unknown.values()],
      stats: { ...this.stats, datasources: this.datasources.count },
      ...datasources,
    };
  }
}
