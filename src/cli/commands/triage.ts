/**
 * `kb triage [FILE|-]`: a readable diagnosis (or `--json`) of one paste or a
 * whole export, or (`--jsonl`) one result line per ticket, joined back to it.
 */
import { parseArgs } from 'node:util';
import { ResultCombiner } from '../../triage/decide/combine.ts';
import type { TriageResult } from '../../triage/types.ts';
import { withArticleUrls } from '../base-url.ts';
import { EXIT, UsageError, type ExitStatus } from '../exit.ts';
import { readLines, readText } from '../input.ts';
import { TaskPool, runInOrder } from '../bulk/pool.ts';
import { Progress, ticketSummary } from '../bulk/progress.ts';
import { noTickets, type Task } from '../bulk/tasks.ts';
import { MAX_LINE_CHARS } from '../bulk/tickets.ts';
import { readWindows } from '../bulk/windows.ts';
import { onOutputClosed, write } from '../output.ts';
import { formatReport } from '../report.ts';
import { baseOf, batches, COMMON_OPTIONS, loadTriageIndex, jobsOf } from './common.ts';

export async function triageCommand(args: string[]): Promise<ExitStatus | 'help'> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...COMMON_OPTIONS, json: { type: 'boolean', default: false }, jsonl: { type: 'boolean', default: false } },
  });
  if (values.help) return 'help';
  const [file, extra] = positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (values.json && values.jsonl) throw new UsageError('--json and --jsonl cannot be combined');
  const base = baseOf(values);
  const jobs = jobsOf(values);
  const index = loadTriageIndex(values);

  if (values.jsonl) {
    const pool = new TaskPool(index, base, jobs);
    onOutputClosed(() => void pool.close());
    const counts = noTickets();
    const progress = new Progress('tickets');
    async function* tasks(): AsyncGenerator<Task> {
      for await (const lines of batches(readLines(readText(file), MAX_LINE_CHARS))) yield { kind: 'triage-lines', lines };
    }
    try {
      await runInOrder(pool, tasks(), async (output) => {
        if (output.kind !== 'triage-lines') return;
        for (const status of Object.keys(counts) as Array<keyof typeof counts>) counts[status] += output.counts[status];
        progress.advance(output.output.split('\n').length - 1);
        await write(output.output);
      });
    } finally {
      await pool.close();
    }
    progress.finish(ticketSummary(progress, counts, pool.jobs));
    if (counts.invalid > 0) return EXIT.USAGE;
    return counts['too-large'] > 0 ? EXIT.TOO_LARGE : EXIT.OK;
  }

  // One paste or one export: triaged whole when it fits, else window by window.
  const pool = new TaskPool(index, base, jobs);
  onOutputClosed(() => void pool.close());
  const combiner = new ResultCombiner();
  let whole: TriageResult | undefined;
  async function* tasks(): AsyncGenerator<Task> {
    for await (const window of readWindows(readText(file))) yield { kind: 'triage-window', window };
  }
  try {
    await runInOrder(pool, tasks(), (output) => {
      if (output.kind !== 'triage-window') return;
      if (output.window.whole) whole = output.result;
      else combiner.add(output.result, output.window);
    });
  } finally {
    await pool.close();
  }
  const result = whole ?? combiner.result();
  await write(values.json ? `${JSON.stringify(withArticleUrls(result, base), null, 2)}\n` : formatReport(result, base));
  return EXIT.OK;
}
