/**
 * `kb gaps [FILE|-]`: what to write next. Triages a month of tickets (JSON
 * Lines, one `{"text": …}` per ticket) or a plain-text export, and ranks the
 * failures that no rule answers, grouped by masked message and codes.
 */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type ExitStatus } from '../exit.ts';
import { readLines, readText } from '../input.ts';
import { onOutputClosed, write } from '../output.ts';
import { runInOrder, TaskPool } from '../bulk/pool.ts';
import { Progress } from '../bulk/progress.ts';
import { plural } from '../../triage/present/present.ts';
import { noTickets, type Task } from '../bulk/tasks.ts';
import { MAX_LINE_CHARS } from '../bulk/tickets.ts';
import { readWindows } from '../bulk/windows.ts';
import { GapTable } from '../gaps/clusters.ts';
import { formatJson, formatMarkdown, formatText, type GapReport } from '../gaps/format.ts';
import { batches, COMMON_OPTIONS, loadTriageIndex, jobsOf } from './common.ts';

/** A plain-text export is read in windows this size: small enough that every failed record of one is listed. */
const TEXT_WINDOW_CHARS = 256 * 1024;
const DEFAULT_TOP = 20;

/** The input's chunks, and whether it is JSON Lines (its first non-blank character is "{"). */
async function detect(chunks: AsyncGenerator<string>): Promise<{ jsonl: boolean; chunks: AsyncGenerator<string> }> {
  const seen: string[] = [];
  let jsonl = false;
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    seen.push(next.value);
    const start = next.value.search(/\S/);
    if (start >= 0) {
      jsonl = next.value[start] === '{';
      break;
    }
  }
  async function* replay(): AsyncGenerator<string> {
    yield* seen;
    yield* chunks;
  }
  return { jsonl, chunks: replay() };
}

export async function gapsCommand(args: string[]): Promise<ExitStatus | 'help'> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      top: { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const [file, extra] = positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (values.json && values.markdown) throw new UsageError('--json and --markdown cannot be combined');
  if (values.top !== undefined && !/^\d{1,6}$/.test(values.top)) throw new UsageError(`--top must be a whole number (0 for all), not "${values.top}"`);
  const top = values.top === undefined ? DEFAULT_TOP : Number(values.top) || Infinity;
  const jobs = jobsOf(values);
  const index = loadTriageIndex(values);

  const input = await detect(readText(file));
  const pool = new TaskPool(index, undefined, jobs);
  onOutputClosed(() => void pool.close());
  const table = new GapTable();
  const counts = noTickets();
  const problems: string[] = [];
  let units = 0;
  let unanswered = 0;
  const progress = new Progress(input.jsonl ? 'tickets' : 'failed records');
  async function* tasks(): AsyncGenerator<Task> {
    if (input.jsonl) {
      for await (const lines of batches(readLines(input.chunks, MAX_LINE_CHARS))) yield { kind: 'gaps-lines', lines };
    } else {
      for await (const window of readWindows(input.chunks, { size: TEXT_WINDOW_CHARS, wholeUpTo: TEXT_WINDOW_CHARS })) yield { kind: 'gaps-window', window };
    }
  }
  try {
    await runInOrder(pool, tasks(), (output) => {
      if (output.kind !== 'gaps') return;
      table.add(output.gaps);
      for (const status of Object.keys(counts) as Array<keyof typeof counts>) counts[status] += output.counts[status];
      units += output.units;
      unanswered += output.unanswered;
      problems.push(...output.problems.slice(0, Math.max(0, 20 - problems.length)));
      progress.advance(output.units);
    });
  } finally {
    await pool.close();
  }

  const report: GapReport = { unit: input.jsonl ? 'tickets' : 'failed records', total: units, unanswered, gaps: table.ranked() };
  await write(values.json ? formatJson(report, top) : values.markdown ? formatMarkdown(report, top, index) : formatText(report, top, index));
  for (const problem of problems) process.stderr.write(`kb: ${problem}\n`);
  const skipped = counts.invalid + counts['too-large'];
  progress.finish(
    `${plural(units, input.jsonl ? 'ticket' : 'failed record')} in ${progress.seconds().toFixed(1)} s (${Math.round(units / Math.max(progress.seconds(), 1e-3)).toLocaleString('en')} a second, ${plural(pool.jobs, 'job')}): ${plural(report.gaps.length, 'gap')}${skipped > 0 ? `; ${counts.invalid} invalid and ${counts['too-large']} too large line(s) left out` : ''}`,
  );
  if (counts.invalid > 0) return EXIT.USAGE;
  return counts['too-large'] > 0 ? EXIT.TOO_LARGE : EXIT.OK;
}
