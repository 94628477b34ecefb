/** Options and plumbing the commands share: knowledge base, base URL, jobs, batches of input. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { TriageIndex } from '../../triage/types.ts';
import { parseBaseUrl } from '../base-url.ts';
import { UsageError } from '../exit.ts';
import type { Line } from '../input.ts';
import { loadIndex, PROJECT_ROOT } from '../knowledge-base.ts';

/** Options every command takes (parseArgs format). */
export const COMMON_OPTIONS = {
  root: { type: 'string' },
  'base-url': { type: 'string' },
  jobs: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export interface CommonValues {
  root?: string;
  'base-url'?: string;
  jobs?: string;
  'no-cache'?: boolean;
}

export function rootOf(values: CommonValues): string {
  return resolve(values.root ?? PROJECT_ROOT);
}

/** `--base-url`, else $KB_SITE_URL, checked now (before any input is read). */
export function baseOf(values: CommonValues): URL | undefined {
  if (values['base-url'] !== undefined) return parseBaseUrl(values['base-url'], '--base-url');
  return parseBaseUrl(process.env.KB_SITE_URL, '$KB_SITE_URL');
}

/** `--jobs N`: worker threads (default: one per core). */
export function jobsOf(values: CommonValues): number {
  if (values.jobs === undefined) return availableParallelism();
  if (!/^[1-9]\d{0,2}$/.test(values.jobs)) throw new UsageError(`--jobs must be a whole number from 1 to 999, not "${values.jobs}"`);
  return Number(values.jobs);
}

export function loadTriageIndex(values: CommonValues): TriageIndex {
  return loadIndex(rootOf(values), { cacheDir: values['no-cache'] ? false : undefined }).index;
}

/** Lines regrouped into batches of at most `maxLines` lines and about `maxChars` characters, blank lines left out. */
export async function* batches(lines: AsyncIterable<Line[]>, maxLines = 256, maxChars = 512 * 1024): AsyncGenerator<Line[]> {
  let batch: Line[] = [];
  let chars = 0;
  for await (const chunk of lines) {
    for (const line of chunk) {
      if (!line.tooLong && line.text.trim() === '') continue;
      batch.push(line);
      chars += line.length;
      if (batch.length >= maxLines || chars >= maxChars) {
        yield batch;
        batch = [];
        chars = 0;
      }
    }
  }
  if (batch.length > 0) yield batch;
}
