/**
 * Ranking across a whole paste: each distinct error once, best first, with
 * where it was found. Tallied record by record as the engine reads them, so
 * records left out of the listing still count.
 */
import { spanLength } from '../match/evidence.ts';
import { compareTitles } from './arbitration.ts';
import { CONFIDENCE_RANK } from './calibration.ts';
import type { Match, TopMatch } from '../types.ts';

/** How strongly one reading supports its error: confidence first, then score. */
export const strength = (match: Pick<Match, 'confidence' | 'score'>) => CONFIDENCE_RANK[match.confidence] * 10 + match.score;

/**
 * The order errors are listed in: confidence, score, records found in, the
 * evidence (characters of the paste it explains), then title; the id, which a
 * rename changes, only between two rules of the same title.
 */
export function compareTopMatches(a: TopMatch, b: TopMatch): number {
  return (
    CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] ||
    b.score - a.score ||
    b.records - a.records ||
    spanLength(b.evidence) - spanLength(a.evidence) ||
    compareTitles(a.title, b.title) ||
    compareTitles(a.id, b.id)
  );
}
const isConfident = (match: Match) => CONFIDENCE_RANK[match.confidence] > CONFIDENCE_RANK.low;

interface Tally {
  best: Match;
  /** Listed records (indexes into segments) where it is an answer / where it appears at all. */
  answeredIn: number[];
  appearsIn: number[];
  answered: number;
  appears: number;
}

export class ErrorTally {
  private readonly byRule = new Map<string, Tally>();

  /** One record's matches; `segment` is its index in the listing, or undefined when it is not listed. */
  add(matches: readonly Match[], segment: number | undefined): void {
    for (const match of matches) {
      let tally = this.byRule.get(match.id);
      if (!tally) {
        tally = { best: match, answeredIn: [], appearsIn: [], answered: 0, appears: 0 };
        this.byRule.set(match.id, tally);
      } else if (strength(match) > strength(tally.best)) {
        tally.best = match;
      }
      tally.appears++;
      if (segment !== undefined) tally.appearsIn.push(segment);
      if (isConfident(match)) {
        tally.answered++;
        if (segment !== undefined) tally.answeredIn.push(segment);
      }
    }
  }

  /**
   * Each error once, best first: its strongest reading from any record, and
   * where it was found. An error that is an answer somewhere is placed only
   * where it is one (a faint reading of it elsewhere is not "found on" that line).
   */
  ranked(): TopMatch[] {
    const ranked = [...this.byRule.values()].map(({ best, answeredIn, appearsIn, answered, appears }): TopMatch =>
      answered > 0 ? { ...best, segments: answeredIn, records: answered } : { ...best, segments: appearsIn, records: appears },
    );
    return ranked.sort(compareTopMatches);
  }
}
