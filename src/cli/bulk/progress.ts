/**
 * Progress and the closing summary of a bulk run, on standard error so they
 * never mix with results. Progress only when standard error is a terminal
 * (a log file gets the summary alone); it redraws one line in place.
 */
import { isatty } from 'node:tty';
import type { TicketCounts } from './tasks.ts';
import { plural } from '../../triage/present/present.ts';

const REDRAW_MS = 250;

export class Progress {
  private readonly started = performance.now();
  private readonly live = isatty(2);
  private lastDrawn = 0;
  private drawn = false;
  done = 0;

  private readonly unit: string;

  constructor(unit: string) {
    this.unit = unit;
  }

  /** Adds `count` finished units and redraws at most four times a second. */
  advance(count: number): void {
    this.done += count;
    if (!this.live) return;
    const now = performance.now();
    if (now - this.lastDrawn < REDRAW_MS) return;
    this.lastDrawn = now;
    this.drawn = true;
    process.stderr.write(`\r\x1b[Kkb: ${this.done.toLocaleString('en')} ${this.unit}, ${Math.round(this.rate()).toLocaleString('en')} a second`);
  }

  seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  rate(): number {
    return this.done / Math.max(this.seconds(), 1e-3);
  }

  /** Clears the progress line and prints the one-line summary. */
  finish(summary: string): void {
    if (this.drawn) process.stderr.write('\r\x1b[K');
    process.stderr.write(`kb: ${summary}\n`);
  }
}

/** "1,000 tickets in 2.1 s (476 a second, 2 jobs): 600 answered, 380 not answered, 20 invalid, 0 too large". */
export function ticketSummary(progress: Progress, counts: TicketCounts, jobs: number): string {
  const total = counts.answered + counts.unanswered + counts.invalid + counts['too-large'];
  const speed = `${progress.seconds().toFixed(1)} s (${Math.round(total / Math.max(progress.seconds(), 1e-3)).toLocaleString('en')} a second, ${plural(jobs, 'job')})`;
  return `${plural(total, 'ticket')} in ${speed}: ${counts.answered.toLocaleString('en')} answered, ${counts.unanswered.toLocaleString('en')} not answered, ${counts.invalid.toLocaleString('en')} invalid, ${counts['too-large'].toLocaleString('en')} too large`;
}
