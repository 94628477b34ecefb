/**
 * Content gaps: the failures no rule answers, grouped by message so that an
 * author sees what to write next. A failure is grouped by its masked
 * template (src/triage/text/template-of.ts: ids, dates, names, numbers
 * masked; its codes kept), so a thousand pastes of one unknown error with a
 * thousand different ids are one gap with a count of a thousand.
 *
 * `observe` runs where the triage runs (a worker thread), on a batch of
 * tickets, and returns a small summary per template; `GapTable` merges the
 * batches' summaries in the main thread.
 */
import { redact } from '../../triage/text/redact.ts';
import { templateOf } from '../../triage/text/template-of.ts';
import { firstWords, unrecognisedOf } from '../../triage/present/present.ts';
import { messageOf } from '../paste/message.ts';
import type { TriageResult } from '../../triage/types.ts';

/** Template keys are cut to this many tokens: a stack trace's tail does not make another gap. */
const KEY_TOKENS = 80;
/** A redacted example is cut at this length for the table. */
const EXAMPLE_CHARS = 160;
const TEMPLATE_CHARS = 200;
/** Text looked at before redacting an example (redaction is linear, but a 5 MB record need not be read). */
const EXAMPLE_SOURCE_CHARS = 1_000;

export interface Gap {
  key: string;
  /** The message with its variable parts as placeholders, from the first failure seen. */
  template: string;
  /** Codes no rule explains, as the failures carry them. */
  codes: string[];
  /** Tickets (or failed records, for a plain-text export) with this failure. */
  count: number;
  /** Failed records with it (a ticket may repeat a failure). */
  records: number;
  /** The first failure seen, redacted (no ids, addresses, tokens or secrets). */
  example: string;
  /** The 1-based input line of that example. */
  line: number;
  /** The closest rule (a suggestion only) and its score, best across the failures. */
  nearest?: { id: string; score: number };
}

/** Adds every unrecognised failure of one ticket's (or window's) result to `into`; returns how many it had. */
export function observe(result: TriageResult, line: (recordLine: number) => number, into: Map<string, Gap>, perTicket: boolean): number {
  const seenInTicket = new Set<string>();
  const unrecognised = unrecognisedOf(result);
  for (const record of unrecognised) {
    const segment = result.segments[record.segment]!;
    // Grouped by the message, not the record: a log prefix or a customer's words around it make no other gap.
    const shape = templateOf(messageOf(segment.text).message);
    const key = shape.key.split(' ').slice(0, KEY_TOKENS).join(' ');
    const best = segment.matches[0];
    let gap = into.get(key);
    if (!gap) {
      gap = {
        key,
        template: firstWords(shape.template, TEMPLATE_CHARS),
        codes: record.codes.map((code) => code.code),
        count: 0,
        records: 0,
        example: firstWords(redact(segment.text.slice(0, EXAMPLE_SOURCE_CHARS)), EXAMPLE_CHARS),
        line: line(record.lines[0]),
      };
      into.set(key, gap);
    }
    gap.records++;
    if (!perTicket || !seenInTicket.has(key)) gap.count++;
    seenInTicket.add(key);
    if (best && (!gap.nearest || best.score > gap.nearest.score)) gap.nearest = { id: best.id, score: best.score };
  }
  return unrecognised.length;
}

/** Merges batch summaries, in input order, into the ranked list of gaps. */
export class GapTable {
  private readonly gaps = new Map<string, Gap>();

  add(batch: Iterable<Gap>): void {
    for (const gap of batch) {
      const current = this.gaps.get(gap.key);
      if (!current) {
        this.gaps.set(gap.key, { ...gap });
        continue;
      }
      current.count += gap.count;
      current.records += gap.records;
      if (gap.nearest && (!current.nearest || gap.nearest.score > current.nearest.score)) current.nearest = gap.nearest;
    }
  }

  /** Most frequent first; ties by first appearance in the input. */
  ranked(): Gap[] {
    return [...this.gaps.values()].sort((a, b) => b.count - a.count || b.records - a.records || a.line - b.line);
  }
}
