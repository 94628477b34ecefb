/**
 * `kb triage [FILE|-]`: a readable diagnosis (or `--json`) of one paste, a
 * whole export or a screenshot, or (`--jsonl`) one result line per ticket,
 * joined back to it. The OCR (../screenshots.ts) is loaded only for an image.
 */
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { knownEntraCodes } from '../../ocr/repair.ts';
import { ResultCombiner } from '../../triage/decide/combine.ts';
import { createEngine } from '../../triage/engine.ts';
import type { TriageResult } from '../../triage/types.ts';
import { withArticleUrls } from '../base-url.ts';
import { EXIT, UsageError, type ExitStatus } from '../exit.ts';
import { inputName, openInput, readLines, type Line } from '../input.ts';
import type { ScreenshotReaders } from '../screenshots.ts';
import { TaskPool, runInOrder } from '../bulk/pool.ts';
import { Progress, ticketSummary } from '../bulk/progress.ts';
import { noTickets, type Task } from '../bulk/tasks.ts';
import { IMAGE_FIELD, MAX_LINE_CHARS } from '../bulk/tickets.ts';
import { readWindows } from '../bulk/windows.ts';
import { onOutputClosed, write } from '../output.ts';
import { formatReport } from '../report.ts';
import { baseOf, batches, COMMON_OPTIONS, loadTriageIndex, jobsOf } from './common.ts';

export async function triageCommand(args: string[]): Promise<ExitStatus | 'help'> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      'show-text': { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const [file, extra] = positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (values.json && values.jsonl) throw new UsageError('--json and --jsonl cannot be combined');
  const base = baseOf(values);
  const jobs = jobsOf(values);
  const index = loadTriageIndex(values);

  const input = await openInput(file);

  if (values.jsonl) {
    if (input.kind === 'image')
      throw new UsageError(`${inputName(file)} is an image; --jsonl reads JSON Lines tickets (a ticket names its screenshot in "${IMAGE_FIELD}")`);
    const pool = new TaskPool(index, base, jobs);
    // Screenshots named by tickets are read before their batch is triaged; the OCR starts on the first one.
    const folder = file === undefined || file === '-' ? process.cwd() : dirname(resolve(file));
    let screenshots: Promise<ScreenshotReaders> | undefined;
    const withImages = async (lines: Line[]) => {
      if (!lines.some((line) => !line.tooLong && line.text.includes(`"${IMAGE_FIELD}"`))) return lines;
      screenshots ??= import('../screenshots.ts').then(({ ScreenshotReaders }) => new ScreenshotReaders(jobs, knownEntraCodes(index)));
      const { withTicketImages } = await import('../screenshots.ts');
      return withTicketImages(lines, folder, await screenshots);
    };
    const closeAll = () => Promise.all([pool.close(), screenshots?.then((readers) => readers.close())]);
    onOutputClosed(() => void closeAll());
    const counts = noTickets();
    const progress = new Progress('tickets');
    async function* tasks(): AsyncGenerator<Task> {
      if (input.kind !== 'text') return;
      for await (const lines of batches(readLines(input.chunks, MAX_LINE_CHARS))) yield { kind: 'triage-lines', lines: await withImages(lines) };
    }
    try {
      await runInOrder(pool, tasks(), async (output) => {
        if (output.kind !== 'triage-lines') return;
        for (const status of Object.keys(counts) as Array<keyof typeof counts>) counts[status] += output.counts[status];
        progress.advance(output.output.split('\n').length - 1);
        await write(output.output);
      });
    } finally {
      await closeAll();
    }
    progress.finish(ticketSummary(progress, counts, pool.jobs));
    if (counts.invalid > 0) return EXIT.USAGE;
    return counts['too-large'] > 0 ? EXIT.TOO_LARGE : EXIT.OK;
  }

  if (input.kind === 'image') {
    const { readScreenshot, screenshotPreface } = await import('../screenshots.ts');
    const read = await readScreenshot(input.bytes, inputName(file), knownEntraCodes(index));
    const result = createEngine(index).triage(read.text);
    await write(
      values.json
        ? `${JSON.stringify({ source: 'image', text: read.text, repairs: read.repairs, ...withArticleUrls(result, base) }, null, 2)}\n`
        : `${screenshotPreface(inputName(file), read, values['show-text'])}${formatReport(result, base)}`,
    );
    return EXIT.OK;
  }

  // One paste or one export: triaged whole when it fits, else window by window.
  const { chunks } = input;
  const pool = new TaskPool(index, base, jobs);
  onOutputClosed(() => void pool.close());
  const combiner = new ResultCombiner();
  let whole: TriageResult | undefined;
  async function* tasks(): AsyncGenerator<Task> {
    for await (const window of readWindows(chunks)) yield { kind: 'triage-window', window };
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
