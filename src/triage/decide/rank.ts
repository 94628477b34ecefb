/** Ranking across a whole paste: each distinct error once, best first. */
import { CONFIDENCE_RANK } from './calibration.ts';
import type { Match, Segment, TopMatch } from '../types.ts';

/** Records an error was found in, as an answer and at all (counted over every record, listed or not). */
export interface FoundIn {
  answered: number;
  any: number;
}

/**
 * One entry per distinct error across the whole input, best first: the
 * strongest reading of it from any record, and where it was found. An error
 * that is an answer somewhere is placed only where it is one (a faint reading
 * of it elsewhere is not "found on" that line).
 */
export function rankAcrossSegments(segments: Segment[], foundIn: ReadonlyMap<string, FoundIn> = new Map()): TopMatch[] {
  const byRule = new Map<string, { best: Match; answered: number[]; any: number[] }>();
  segments.forEach((segment, segmentIndex) => {
    for (const match of segment.matches) {
      const entry = byRule.get(match.id) ?? { best: match, answered: [], any: [] };
      byRule.set(match.id, entry);
      entry.any.push(segmentIndex);
      if (CONFIDENCE_RANK[match.confidence] > CONFIDENCE_RANK.low) entry.answered.push(segmentIndex);
      const rankNew = CONFIDENCE_RANK[match.confidence] * 10 + match.score;
      const rankOld = CONFIDENCE_RANK[entry.best.confidence] * 10 + entry.best.score;
      if (rankNew > rankOld) entry.best = match;
    }
  });
  const ranked = [...byRule.values()].map(({ best, answered, any }): TopMatch => {
    const counts = foundIn.get(best.id);
    return answered.length > 0
      ? { ...best, segments: answered, records: counts?.answered ?? answered.length }
      : { ...best, segments: any, records: counts?.any ?? any.length };
  });
  return ranked.sort(
    (a, b) =>
      CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] ||
      b.score - a.score ||
      b.records - a.records ||
      a.id.localeCompare(b.id),
  );
}
