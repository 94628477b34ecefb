/**
 * `npm run bench:bulk [-- LOG_MB [JSONL_MB]]`: the CLI on bulk input, as a support
 * team runs it. Prints:
 *
 * - throughput of `kb triage --jsonl` on 100,000 generated tickets
 *   (test/support/tickets.ts), with 1 and with 2 worker threads;
 * - `kb gaps` on the same tickets: its time and its report;
 * - peak memory (the process's VmHWM: main thread and workers together) of
 *   `kb triage` on a large plain-text audit log (LOG_MB, default 1024) and of
 *   `kb triage --jsonl` on a large JSON Lines export (JSONL_MB, default 256:
 *   every line is a ticket to triage, so it takes longer per megabyte),
 *   written to disk first and triaged to /dev/null.
 *
 * Figures, not assertions: this machine is shared, so times vary; memory
 * must stay flat whatever the size (the goal: well under 500 MB for 1 GB).
 * Not part of `npm test` (the large exports take minutes).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTickets, ticketsJsonl, Variation } from '../support/tickets.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KB = join(ROOT, 'src/cli/kb.ts');
const LOG_MB = Number(process.argv[2] ?? 1024);
const JSONL_MB = Number(process.argv[3] ?? 256);
const TICKETS = 100_000;

interface Measured {
  seconds: number;
  peakMb: number;
  stdout: string;
  stderr: string;
}

/** Peak resident memory of a process so far, from /proc (Linux); 0 elsewhere. */
function peakOf(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs kb with ARGS on FILE, keeping stdout only when `keep`; samples peak memory until it ends. */
function measure(args: string[], keep: boolean): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [KB, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KB_CACHE_DIR: join(scratch, 'cache') } });
    let stdout = '';
    let stderr = '';
    let peakMb = 0;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      if (keep) stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, peakOf(child.pid!))), 50);
    child.on('close', (status) => {
      clearInterval(sampler);
      if (status !== 0) reject(new Error(`kb ${args.join(' ')} exited ${status}: ${stderr}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMb, stdout, stderr });
    });
  });
}

/** Writes about `megabytes` of lines made by `line(i)` to `path`, streaming. */
async function writeExport(path: string, megabytes: number, line: (i: number) => string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let i = 0;
  while (bytes < megabytes * 1024 * 1024) {
    const text = `${line(i++)}\n`;
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return i;
}

const scratch = mkdtempSync(join(tmpdir(), 'kb-bench-bulk-'));
try {
  console.log(`Bulk CLI benchmark (Node ${process.version}; figures from one run on a shared machine)`);
  const tickets = join(scratch, 'tickets.jsonl');
  writeFileSync(tickets, ticketsJsonl(generateTickets(TICKETS)));
  await measure(['triage', '--jsonl', '--jobs', '1', '-'], false).catch(() => undefined); // compiles and caches the index
  for (const jobs of [1, 2]) {
    const run = await measure(['triage', '--jsonl', '--jobs', String(jobs), tickets], false);
    console.log(
      `kb triage --jsonl --jobs ${jobs}: ${TICKETS.toLocaleString('en')} tickets in ${run.seconds.toFixed(1)} s = ${Math.round(TICKETS / run.seconds).toLocaleString('en')} tickets/s, peak ${run.peakMb.toFixed(0)} MB`,
    );
  }
  const gaps = await measure(['gaps', '--top', '10', tickets], true);
  console.log(`kb gaps: ${TICKETS.toLocaleString('en')} tickets in ${gaps.seconds.toFixed(1)} s, peak ${gaps.peakMb.toFixed(0)} MB. Its report:\n`);
  console.log(gaps.stdout);

  const variation = new Variation(9);
  const sample = generateTickets(5_000, 13);
  const jsonl = join(scratch, 'export.jsonl');
  const lines = await writeExport(jsonl, JSONL_MB, (i) => JSON.stringify({ id: `T-${i}`, channel: 'portal', text: sample[i % sample.length]!.text }));
  const jsonlRun = await measure(['triage', '--jsonl', jsonl], false);
  console.log(
    `kb triage --jsonl on a ${(statSync(jsonl).size / 2 ** 20).toFixed(0)} MB export (${lines.toLocaleString('en')} tickets): ${jsonlRun.seconds.toFixed(0)} s, peak ${jsonlRun.peakMb.toFixed(0)} MB`,
  );
  rmSync(jsonl);

  const log = join(scratch, 'export.log');
  const records = await writeExport(log, LOG_MB, (i) =>
    i % 50 === 0
      ? `${variation.stamp()} ERROR Datasource 'D${i % 97}': ${sample[i % sample.length]!.text.replace(/\s+/g, ' ')}`
      : `${variation.stamp()} INFO Datasource 'D${i % 97}' preserved ${i % 5000} items: Success`,
  );
  const logRun = await measure(['triage', '--json', log], false);
  console.log(
    `kb triage on a ${(statSync(log).size / 2 ** 20).toFixed(0)} MB plain-text audit log (${records.toLocaleString('en')} records): ${logRun.seconds.toFixed(0)} s, peak ${logRun.peakMb.toFixed(0)} MB`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
