/** Runs the `kb` command line as a child process, as an agent's shell would. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './kb.ts';

/** The CLI's entry point, run from its TypeScript sources (~0.4 s to start here). */
export const KB_SOURCES = join(ROOT, 'src/cli/kb.ts');
/**
 * What the tests run: the launcher's bundled CLI (src/cli/launcher/run.mjs),
 * what `kb` on PATH runs, ~0.15 s to start; its bundle is built from the
 * sources in CACHE_DIR and rebuilt when any of them changes, and
 * cli-launcher.test.ts checks that it answers exactly as KB_SOURCES.
 */
export const KB = join(ROOT, 'src/cli/launcher/run.mjs');
/** One compiled-index cache for the test run, away from the user's own. */
export const CACHE_DIR = mkdtempSync(join(tmpdir(), 'kb-cache-'));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function kbEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KB_CACHE_DIR: CACHE_DIR };
  delete env.KB_SITE_URL; // the developer's own setting must not change what the tests see
  return { ...env, ...extra };
}

/** `kb ARGS` with `input` on a pipe, all at once. */
export function kb(args: string[], input?: string | Buffer, options: { cwd?: string; env?: Record<string, string>; fromSources?: boolean } = {}): Run {
  const run = spawnSync(process.execPath, [options.fromSources ? KB_SOURCES : KB, ...args], {
    input,
    encoding: 'utf8',
    cwd: options.cwd ?? ROOT,
    env: kbEnv(options.env),
    maxBuffer: 1 << 30,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `kb ARGS` fed by a slow writer: each piece written `delayMs` after the last, on a real pipe. */
export function kbSlowWriter(args: string[], pieces: string[], delayMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [KB, ...args], { env: kbEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    let next = 0;
    const feed = () => {
      if (next === pieces.length) return child.stdin.end();
      child.stdin.write(pieces[next++]!);
      setTimeout(feed, delayMs);
    };
    setTimeout(feed, delayMs);
  });
}

/** A shell pipeline around kb (`cat big | kb …`, `kb … | head -1`); `"$NODE" "$KB_CLI"` runs kb. */
export function shell(script: string): Run {
  const run = spawnSync('bash', ['-c', script], {
    encoding: 'utf8',
    env: kbEnv({ NODE: process.execPath, KB_CLI: KB }),
    maxBuffer: 1 << 30,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
