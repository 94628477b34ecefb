/**
 * The work kb does on a batch of input, the same in a worker thread and in
 * the main thread (`--jobs 1`): a batch of JSON Lines tickets or a window of
 * a plain-text export, triaged, and turned into output lines (`kb triage`)
 * or gap summaries (`kb gaps`).
 */
import type { TriageEngine } from '../../triage/engine.ts';
import type { TriageResult } from '../../triage/types.ts';
import { answersOf } from '../../triage/present/present.ts';
import { type Gap, observe } from '../gaps/clusters.ts';
import type { Line } from '../input.ts';
import { parseTicket, triageText, triageTicketLine, type TicketStatus } from './tickets.ts';
import type { Window } from './windows.ts';

export interface TaskContext {
  engine: TriageEngine;
  base: URL | undefined;
}

export type Task =
  | { kind: 'triage-lines'; lines: Line[] }
  | { kind: 'triage-window'; window: Window }
  | { kind: 'gaps-lines'; lines: Line[] }
  | { kind: 'gaps-window'; window: Window };

export type TicketCounts = Record<TicketStatus, number>;

export const noTickets = (): TicketCounts => ({ answered: 0, unanswered: 0, invalid: 0, 'too-large': 0 });

export type TaskOutput =
  | { kind: 'triage-lines'; output: string; counts: TicketCounts }
  | { kind: 'triage-window'; result: TriageResult; window: Omit<Window, 'text'> }
  | {
      kind: 'gaps';
      gaps: Gap[];
      counts: TicketCounts;
      /** Tickets triaged (JSON Lines), or failed records found (plain text): the denominator of shares. */
      units: number;
      /** Of those, how many had a failure no rule answers. */
      unanswered: number;
      problems: string[];
    };

/** At most this many problem lines are reported per batch (the count is always exact). */
const MAX_PROBLEMS = 20;

/** Characters a task handles: what the memory keeper counts. */
export function taskSize(task: Task): number {
  return 'lines' in task ? task.lines.reduce((total, line) => total + line.length, 0) : task.window.text.length;
}

export function runTask(context: TaskContext, task: Task): TaskOutput {
  const { engine, base } = context;
  switch (task.kind) {
    case 'triage-lines': {
      const counts = noTickets();
      const output = task.lines.map((line) => {
        const ticket = triageTicketLine(engine, line, base);
        counts[ticket.status]++;
        return `${ticket.output}\n`;
      });
      return { kind: 'triage-lines', output: output.join(''), counts };
    }
    case 'triage-window': {
      const { text, records, ...window } = task.window;
      return { kind: 'triage-window', result: engine.triage(text, records), window };
    }
    case 'gaps-lines': {
      const gaps = new Map<string, Gap>();
      const counts = noTickets();
      const problems: string[] = [];
      let unanswered = 0;
      for (const line of task.lines) {
        const ticket = parseTicket(line);
        const result = ticket.text === undefined ? undefined : triageText(engine, ticket.text);
        if (result === undefined || result instanceof Error) {
          const status = result instanceof Error ? 'too-large' : ticket.status!;
          counts[status]++;
          if (problems.length < MAX_PROBLEMS) problems.push(`line ${line.number}: ${result instanceof Error ? result.message : ticket.problem}`);
          continue;
        }
        counts[answersOf(result).length > 0 ? 'answered' : 'unanswered']++;
        if (observe(result, () => line.number, gaps, true) > 0) unanswered++;
      }
      return { kind: 'gaps', gaps: [...gaps.values()], counts, units: counts.answered + counts.unanswered, unanswered, problems };
    }
    case 'gaps-window': {
      const gaps = new Map<string, Gap>();
      const result = engine.triage(task.window.text, task.window.records);
      const unanswered = observe(result, (line) => line + task.window.lines, gaps, false);
      const failures = result.stats.recognised + result.stats.unrecognised;
      return { kind: 'gaps', gaps: [...gaps.values()], counts: noTickets(), units: failures, unanswered, problems: [] };
    }
  }
}
