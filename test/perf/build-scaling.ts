/**
 * `npm run bench:build`: how the build grows with the knowledge base.
 *
 * In a scratch copy of the project (node_modules symlinked, its own Astro
 * cache so the project's own cache is left alone), generates 1,000 and then
 * 5,000 synthetic rule files that pass the real schema and cross-reference
 * checks, runs `astro build` + `pagefind`, and reports build time, pages per
 * second, dist/ size, Pagefind index size, triage-index size and one paste's
 * triage time against the generated index, with growth ratios.
 *
 * Usage: node test/perf/build-scaling.ts [count ...]   (default: 1000 5000)
 * Not part of `npm test`: it takes a few minutes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/triage/engine.ts';
import type { TriageIndex } from '../../src/triage/types.ts';
import { copyProjectToTemp } from '../support/scratch-project.ts';
import { fixGuides, random, syntheticRuleFile as ruleFile } from '../support/synthetic-rules.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
if (counts.length === 0) counts.push(1000, 5000);

const FIXES = fixGuides(ROOT);

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

class BuildFailed extends Error {}

function run(command: string, args: string[], cwd: string): number {
  const env = { ...process.env };
  delete env.KB_OUT_DIR;
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`;
    console.error(`${command} ${args.join(' ')} failed in ${cwd} after ${seconds.toFixed(0)} s:\n${output.slice(-3000)}`);
    const reason = /heap out of memory/.test(output) ? 'JavaScript heap out of memory' : `exit ${result.status ?? result.signal}`;
    throw new BuildFailed(`${command} ${args.join(' ')}: ${reason} after ${seconds.toFixed(0)} s`);
  }
  return seconds;
}

interface Row {
  rules: number;
  pages: number;
  astroSeconds: number;
  pagefindSeconds: number;
  distBytes: number;
  pagefindBytes: number;
  indexBytes: number;
  triageMs: number;
}

function measure(count: number): Row {
  const scratch = copyProjectToTemp(`kb-scale-${count}-`);
  try {
    const next = random(42);
    for (let i = 0; i < count; i++) {
      const { category, id, text } = ruleFile(i, next, FIXES);
      mkdirSync(join(scratch, 'rules', category), { recursive: true });
      writeFileSync(join(scratch, 'rules', category, `${id}.mdx`), text);
    }
    console.error(`[${count}] building in ${scratch} …`);
    const astroSeconds = run('npx', ['astro', 'build'], scratch);
    const pagefindSeconds = run('npx', ['pagefind', '--site', 'dist'], scratch);
    const dist = join(scratch, 'dist');
    const indexText = readFileSync(join(dist, 'triage-index.json'), 'utf8');
    const engine = createEngine(JSON.parse(indexText) as TriageIndex);
    const target = Math.floor(count / 2);
    const paste = `2025-03-04 02:00:09 ERROR Datasource Sales: AADSTS${9_100_000 + target}: synthetic rule ${target} failed. Trace ID: dc41b3fa-a25b-4280-b500-cd8b8788a601`;
    const found = engine.triage(paste).matches[0]?.id;
    if (found !== `synthetic-${target}`) {
      console.error(`expected synthetic-${target} from the generated index, got ${found}`);
      process.exit(1);
    }
    for (let i = 0; i < 50; i++) engine.triage(paste);
    const times = Array.from({ length: 300 }, () => {
      const started = performance.now();
      engine.triage(paste);
      return performance.now() - started;
    });
    return {
      rules: count,
      pages: countPages(dist),
      astroSeconds,
      pagefindSeconds,
      distBytes: sizeOf(dist),
      pagefindBytes: sizeOf(join(dist, 'pagefind')),
      indexBytes: Buffer.byteLength(indexText),
      triageMs: median(times),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rows: Row[] = [];
let failed = false;
for (const count of counts) {
  try {
    const row = measure(count);
    rows.push(row);
    console.error(`[${count}] ${JSON.stringify(row)}`);
  } catch (error) {
    if (!(error instanceof BuildFailed)) throw error;
    console.log(`${count} generated rules: the build FAILED (${error.message}); NODE_OPTIONS=--max-old-space-size=… raises Node's heap limit.`);
    failed = true;
  }
}

console.log(
  `Build scaling (synthetic rules added to the ${readdirSync(join(ROOT, 'rules'), { recursive: true }).filter((n) => String(n).endsWith('.mdx')).length} real ones; Node ${process.version})`,
);
const header = ['generated rules', 'pages', 'astro build', 'pagefind', 'pages/s (total)', 'dist/', 'pagefind/', 'triage-index.json', 'one paste (median)'];
const table = rows.map((row) => {
  const total = row.astroSeconds + row.pagefindSeconds;
  return [
    row.rules.toLocaleString('en'),
    row.pages.toLocaleString('en'),
    `${row.astroSeconds.toFixed(1)} s`,
    `${row.pagefindSeconds.toFixed(1)} s`,
    (row.pages / total).toFixed(0),
    mb(row.distBytes),
    mb(row.pagefindBytes),
    mb(row.indexBytes),
    `${row.triageMs.toFixed(3)} ms`,
  ];
});
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const line of table) console.log(`| ${line.join(' | ')} |`);
if (rows.length >= 2) {
  const [a, b] = [rows[0]!, rows[rows.length - 1]!];
  const ratio = (x: number, y: number) => `${(y / x).toFixed(2)}×`;
  console.log(`\nGrowth from ${a.rules} to ${b.rules} rules (${ratio(a.rules, b.rules)} the rules):`);
  console.log(
    `  pages ${ratio(a.pages, b.pages)}, build time ${ratio(a.astroSeconds + a.pagefindSeconds, b.astroSeconds + b.pagefindSeconds)}, ` +
      `dist/ ${ratio(a.distBytes, b.distBytes)}, pagefind/ ${ratio(a.pagefindBytes, b.pagefindBytes)}, ` +
      `triage-index.json ${ratio(a.indexBytes, b.indexBytes)}, one paste ${ratio(a.triageMs, b.triageMs)}`,
  );
}
if (failed) process.exit(1);
