/** Ranking across a whole paste: each distinct error once, best first. */
import { CONFIDENCE_RANK } from './calibration.ts';
import type { Segment, TopMatch } from '../types.ts';

/** One entry per distinct error across the whole input, best first. */
export function rankAcrossSegments(segments: Segment[]): TopMatch[] {
  const byRule = new Map<string, TopMatch>();
  segments.forEach((segment, segmentIndex) => {
    for (const match of segment.matches) {
      const current = byRule.get(match.id);
      if (!current) {
        byRule.set(match.id, { ...match, segments: [segmentIndex] });
        continue;
      }
      current.segments.push(segmentIndex);
      const rankNew = CONFIDENCE_RANK[match.confidence] * 10 + match.score;
      const rankOld = CONFIDENCE_RANK[current.confidence] * 10 + current.score;
      if (rankNew > rankOld) byRule.set(match.id, { ...match, segments: current.segments });
    }
  });
  return [...byRule.values()].sort(
    (a, b) =>
      CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] ||
      b.score - a.score ||
      b.segments.length - a.segments.length ||
      a.id.localeCompare(b.id),
  );
}

