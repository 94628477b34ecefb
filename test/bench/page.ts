/**
 * `npm run bench` (second part): how the triage page holds up under a 5 MB
 * paste, in Debian's Chromium against the built site (dist/, built first
 * when missing). Printed, never asserted: these are timings, and this machine
 * is shared (a browser test that asserted them failed whenever another job
 * ran beside it). The browser tests check what must hold whatever the
 * timing: the engine runs in a worker and the answer arrives.
 *
 * - longest stall: the longest gap between 10 ms timers on the main thread
 *   from the paste to the answer (goal: under 100 ms here, alone);
 * - longest task: the longest main-thread task (PerformanceObserver
 *   "longtask") while the answer to a 5 MB export in which every run failed
 *   is unpacked and drawn (goal: under 100 ms).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from '../support/chromium.ts';
import { median, waitForServer } from './measure.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT_DIR = resolve(ROOT, process.env.KB_OUT_DIR ?? 'dist');
const PORT = Number(process.env.KB_BENCH_PORT ?? 4412);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = 3;
const GOAL_MS = 100;

const REFRESH =
  'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-11-02T08:11:12.1234567Z and was inactive for 90.00:00:00.';
const WRONG_PASSWORD = 'AADSTS50126: Error validating credentials due to invalid username or password. Trace ID: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** A 5 MB audit log, one failed line in 50: the longest gap between main-thread timers until the answer shows. */
async function longestStall(page: Page): Promise<number> {
  await page.goto(`${BASE}/triage/`);
  return page.evaluate(async (message) => {
    const input = document.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
    const lines: string[] = [];
    for (let total = 0, i = 0; total < 5_000_000; i++) {
      const stamp = `2025-03-04 02:00:${String(i % 60).padStart(2, '0')}`;
      const entry = i % 50 === 0 ? `${stamp} ERROR ${message}` : `${stamp} INFO Datasource ${i} preserved ${i} items: Success`;
      lines.push(entry);
      total += entry.length + 1;
    }
    input.value = lines.join('\n');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Chromium lays out the 5 MB textarea first (its own cost, before our code runs).
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const status = document.querySelector('[data-triage-status]')!;
    let longest = 0;
    let last = performance.now();
    const deadline = last + 60_000;
    while (!status.textContent?.includes('Found') && performance.now() < deadline) {
      await new Promise((done) => setTimeout(done, 10));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }
    if (!status.textContent?.includes('Found')) throw new Error('the 5 MB audit log was not answered within a minute');
    return longest;
  }, REFRESH);
}

/** A 5 MB export in which every run failed: the longest main-thread task while its answer is unpacked and drawn. */
async function longestTask(page: Page): Promise<number> {
  await page.goto(`${BASE}/triage/`);
  return page.evaluate(async (message) => {
    const lines: string[] = [];
    for (let total = 0, i = 0; total < 5_000_000; i++) {
      const entry = `2025-03-04 02:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} ERROR Datasource 'Custodians ${i}': ${message}`;
      lines.push(entry);
      total += entry.length + 1;
    }
    const input = document.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
    input.value = lines.join('\n');
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const status = document.querySelector('[data-triage-status]')!;
    const deadline = performance.now() + 60_000;
    while (!status.textContent?.includes('Found') && performance.now() < deadline) await new Promise((done) => setTimeout(done, 20));
    if (!status.textContent?.includes('Found')) throw new Error('the 5 MB export was not answered within a minute');
    // The answer is in the page; let its last task finish and be reported.
    await new Promise((done) => setTimeout(done, 200));
    observer.disconnect();
    return Math.max(0, ...tasks);
  }, WRONG_PASSWORD);
}

if (!existsSync(join(OUT_DIR, 'triage', 'index.html'))) {
  console.log(`No build in ${OUT_DIR}: building it first (npm run build).`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, [join(ROOT, 'test/support/static-server.ts'), OUT_DIR, String(PORT)], { stdio: 'ignore' });
try {
  await waitForServer(`${BASE}/`, 30_000);
  const browser = await chromium.launch({ ...(systemChromium ? { executablePath: systemChromium } : {}), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const stalls: number[] = [];
    const tasks: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      stalls.push(await longestStall(page));
      tasks.push(await longestTask(page));
    }
    const line = (label: string, values: number[]) => {
      const value = median(values);
      console.log(
        `${label.padEnd(72)} ${value.toFixed(0).padStart(6)} ms  (goal < ${GOAL_MS} ms: ${value < GOAL_MS ? 'met' : 'MISSED'}; runs ${values.map((v) => v.toFixed(0)).join(', ')})`,
      );
    };
    console.log(`Triage page under a 5 MB paste (Chromium, medians of ${RUNS})`);
    line('5 MB audit log: longest main-thread stall until the answer', stalls);
    line('5 MB export, every run failed: longest main-thread task', tasks);
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
}
