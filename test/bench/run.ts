/**
 * `npm run bench`: the triage engine's speed, as medians over repeated runs
 * (this machine is noisy; compare figures from one run). Goals from the
 * triage issue: one ~1 KB paste under 1 ms; a 1 MB audit log under 250 ms;
 * one paste against 5,000 generated rules under 10 ms. Then the CLI's
 * start-up with 5,000 rule files, compiling them or reusing its cached index,
 * and one paste as an agent's shell runs it: through npx, and through the
 * fast launcher that `npm link` puts on PATH (goal: under 0.5 s).
 */
import { loadKnowledgeBase } from '../../src/content/load.ts';
import { toTriageRules } from '../../src/content/triage-rules.ts';
import { buildIndex } from '../../src/triage/index/build.ts';
import { createEngine, type TriageEngine } from '../../src/triage/engine.ts';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixGuides, random, realisticRules, syntheticRuleFile, syntheticRules } from '../support/synthetic-rules.ts';
import { figures, judgeEngine, judgePlainFuse, readCases, unseen } from '../support/accuracy.ts';
import { median } from './measure.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Median milliseconds of `run` after a warm-up. */
function measure(run: () => unknown, iterations: number): number {
  for (let i = 0; i < Math.min(20, iterations); i++) run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const PASTE =
  'Get Token request returned http error: 400 and server response: {"error":"invalid_grant","error_description":"AADSTS50173: ' +
  "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '2024-01-05T05:47:11.1234567Z' and the TokensValidFrom date (before which tokens are not valid) for this user is '2024-03-01T10:00:00.0000000Z'." +
  '\\r\\nTrace ID: 7f3e2d1c-0b9a-4877-8665-544332211000\\r\\nCorrelation ID: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\\r\\nTimestamp: 2024-03-02 08:00:12Z","error_codes":[50173],"timestamp":"2024-03-02 08:00:12Z","trace_id":"7f3e2d1c-0b9a-4877-8665-544332211000","correlation_id":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","error_uri":"https://login.microsoftonline.com/error?code=50173"}';
const TYPO_PASTE = 'The provded grant has expird due to it being revokd, a fresh auth tokn is needed';

/** An audit-log export of about `size` characters: one failed record in 50, the rest routine. */
export function auditLog(size: number): string {
  const lines: string[] = [];
  for (let total = 0, i = 0; total < size; i++) {
    const stamp = `2025-03-04 02:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const line = i % 50 === 0 ? `${stamp} ERROR Datasource ${i} failed: ${PASTE}` : `${stamp} INFO Datasource ${i} preserved ${i * 7} items: Success`;
    lines.push(line);
    total += line.length + 1;
  }
  return lines.join('\n');
}

/**
 * Distinct variants of a paste (one made-up word added): the engine remembers
 * the scores of records it has just read (an export repeating one error), so
 * timing one paste over and over would time that memory, not the matching.
 */
function variants(paste: string, count = 1500): string[] {
  const word = (i: number) => Array.from(i.toString(26), (digit) => String.fromCharCode(97 + Number.parseInt(digit, 26))).join('');
  return Array.from({ length: count }, (_, i) => `${paste} (ticket ref${word(i)})`);
}

/** Median milliseconds of triaging each variant once, cycling through them. */
function measureVariants(run: (text: string) => unknown, texts: string[], iterations: number): number {
  let next = 0;
  return measure(() => run(texts[next++ % texts.length]!), iterations);
}

function report(label: string, milliseconds: number, goal?: number) {
  const verdict = goal === undefined ? '' : milliseconds <= goal ? `  (goal < ${goal} ms: met)` : `  (goal < ${goal} ms: MISSED)`;
  console.log(`${label.padEnd(52)} ${milliseconds.toFixed(3).padStart(10)} ms${verdict}`);
}

const kb = loadKnowledgeBase(ROOT);
const realRules = toTriageRules(kb.rules);
const engine: TriageEngine = createEngine(buildIndex(realRules));
const log1mb = auditLog(1_000_000);
const log5mb = auditLog(5_000_000);

console.log(`Triage benchmark (medians; ${realRules.length} rules; Node ${process.version})`);
const pastes = variants(PASTE);
const typoPastes = variants(TYPO_PASTE);
report(
  `one paste (${PASTE.length} characters)`,
  measureVariants((text) => engine.triage(text), pastes, 2000),
  1,
);
report(
  'one retyped paste with typos',
  measureVariants((text) => engine.triage(text), typoPastes, 2000),
);
report(
  `1 MB audit log (${log1mb.split('\n').length} records)`,
  measure(() => engine.triage(log1mb), 15),
  250,
);
report(
  `5 MB audit log (${log5mb.split('\n').length} records)`,
  measure(() => engine.triage(log5mb), 5),
);

// Large and hostile shapes of issue #9 (each once measured far slower): one
// record repeating a code, a pretty-printed JSON audit export (as an array of
// runs and as one object of runs, read as one record), and an export in which
// every run failed alike. The result's size is printed beside the time.
{
  const run = (i: number) => ({
    time: `2025-03-04T02:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
    datasource: `Custodians ${i}`,
    status: i % 10 ? 'Success' : 'Failed',
    message:
      i % 10
        ? `Preserved ${i * 7} items`
        : 'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-11-02T08:11:12.1234567Z and was inactive for 90.00:00:00.',
    error_codes: i % 10 ? [] : [700082],
  });
  const runs = Array.from({ length: 32_000 }, (_, i) => run(i)); // about 5.9 MB pretty-printed
  const shapes: Array<[string, string, number | undefined]> = [
    ['one record repeating a code, 1 M characters', 'AADSTS700082 '.repeat(77_000), 1000],
    ['JSON audit export (array of runs)', JSON.stringify(runs, null, 2), 5000],
    [
      'JSON audit export (one object of runs keyed by id)',
      JSON.stringify({ runs: Object.fromEntries(runs.slice(0, 28_000).map((value, i) => [`run${i}`, value])) }, null, 2),
      5000,
    ],
    [
      '5 MB export, every run failed alike',
      Array.from(
        { length: 50_000 },
        (_, i) => `2025-03-04 02:00:00 ERROR Datasource 'D${i}': AADSTS700082: The refresh token has expired due to inactivity.`,
      ).join('\n'),
      undefined,
    ],
  ];
  for (const [label, text, goal] of shapes) {
    const size = `${(text.length / 1e6).toFixed(1)} MB`;
    report(
      `${label} (${size}; result ${(JSON.stringify(engine.triage(text)).length / 1e3).toFixed(0)} KB)`,
      measure(() => engine.triage(text), 3),
      goal,
    );
  }
}

for (const count of [1000, 5000]) {
  const rules = [...realRules, ...syntheticRules(count)];
  const started = performance.now();
  const big = createEngine(buildIndex(rules));
  const built = performance.now() - started;
  report(`index of ${count} generated rules: build`, built);
  report(
    `one paste against ${count} generated rules`,
    measureVariants((text) => big.triage(text), pastes, 500),
    count === 5000 ? 10 : undefined,
  );
  report(
    `one retyped paste against ${count} generated rules`,
    measureVariants((text) => big.triage(text), typoPastes, 200),
  );
}

// Answers as the knowledge base grows (issue 15): every rule example,
// counterexample and labelled paste triaged with the live rules, then with
// generated rules of realistic shape added. Goal: no answer or confidence
// changes (test/unit/growth.test.ts asserts it for +1,000).
{
  const pastes = [
    ...kb.rules.flatMap((rule) => [...rule.data.examples, ...rule.data.counterexamples]),
    ...['realworld-public', 'coverage-public', 'hard-cases', 'hold-public', 'signin-network-public'].flatMap((set) =>
      readCases(`${ROOT}/test/fixtures/${set}.jsonl`).map((item) => item.text),
    ),
  ];
  const answerOf = (result: ReturnType<TriageEngine['triage']>) =>
    result.matches
      .filter((match) => match.confidence !== 'low')
      .map((match) => `${match.id}:${match.confidence}`)
      .join(',');
  const before = pastes.map((paste) => answerOf(engine.triage(paste)));
  for (const count of [200, 1000, 5000]) {
    const grown = createEngine(buildIndex([...realRules, ...realisticRules(count)]));
    const changed = pastes.filter((paste, index) => answerOf(grown.triage(paste)) !== before[index]).length;
    console.log(
      `${`answers or confidences changed by +${count.toLocaleString('en')} realistic rules`.padEnd(52)} ${String(changed).padStart(10)} of ${pastes.length} pastes${changed === 0 ? '  (goal 0: met)' : '  (goal 0: MISSED)'}`,
    );
  }
}

// Accuracy on the labelled sets (test/fixtures/README.md), beside plain
// fuse.js over the same messages (what a fuzzy lookup alone would answer).
{
  const sets = (names: string[]) => names.map((name) => ({ cases: readCases(`${ROOT}/test/fixtures/${name}.jsonl`) }));
  const ruleData = kb.rules.map((rule) => rule.data);
  for (const [label, names] of [
    ['development sets', ['realworld-public', 'coverage-public', 'hard-cases']],
    ['held-out sets', ['hold-public', 'signin-network-public']],
  ] as const) {
    const { fresh } = unseen(sets([...names]), ruleData);
    console.log(figures(`${label}, engine`, judgeEngine(engine, fresh)));
    console.log(figures(`${label}, plain fuse.js`, judgePlainFuse(fresh, ruleData)));
  }
}

// A single paste from the CLI against 5,000 generated rule files: the first
// run compiles them (and caches the index); later runs reuse the cached
// index while the content is unchanged (src/cli/knowledge-base.ts).
{
  const scratch = mkdtempSync(join(tmpdir(), 'kb-bench-cli-'));
  try {
    cpSync(join(ROOT, 'content'), join(scratch, 'content'), { recursive: true });
    cpSync(join(ROOT, 'rules'), join(scratch, 'rules'), { recursive: true });
    const next = random(5);
    const fixes = fixGuides(ROOT);
    for (let i = 0; i < 5000; i++) {
      const { category, id, text } = syntheticRuleFile(i, next, fixes);
      writeFileSync(join(scratch, 'rules', category, `${id}.mdx`), text);
    }
    const cli = (cacheDir: string) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, [join(ROOT, 'src/cli/kb.ts'), 'triage', '--root', scratch, '--jobs', '1', '-'], {
        input: PASTE,
        encoding: 'utf8',
        env: { ...process.env, KB_CACHE_DIR: cacheDir },
      });
      if (run.status !== 0) throw new Error(`kb failed: ${run.stderr}`);
      return performance.now() - started;
    };
    const cold = Array.from({ length: 3 }, (_, i) => cli(join(scratch, `cold-${i}`)));
    const cache = join(scratch, 'cache');
    cli(cache);
    const warm = Array.from({ length: 5 }, () => cli(cache));
    report('kb triage, one paste, 5,000 rule files: compiled', median(cold));
    report('kb triage, one paste, 5,000 rule files: cached index', median(warm));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// One paste as an agent's shell runs kb, with this project's rules and a warm
// index cache: through npx (npm starts and checks the project's install
// first), and through the fast launcher that `npm link` puts on PATH
// (src/cli/launcher/kb: the project's Node 22 on the bundled CLI). Run from
// the environment `npm run` was started in, not the one it made: without
// node_modules/.bin on PATH and npm's own variables.
{
  const cache = mkdtempSync(join(tmpdir(), 'kb-bench-agent-'));
  try {
    const env: NodeJS.ProcessEnv = { KB_CACHE_DIR: cache };
    for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('npm_') && name !== 'KB_SITE_URL') env[name] = value;
    env.PATH = (process.env.PATH ?? '')
      .split(':')
      .filter((dir) => !dir.endsWith('node_modules/.bin'))
      .join(':');
    const shell = (command: string, args: string[]) => {
      const started = performance.now();
      const run = spawnSync(command, args, { cwd: ROOT, input: PASTE, encoding: 'utf8', env });
      if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
      return performance.now() - started;
    };
    const npx = () => shell('npx', ['--yes', 'kb', 'triage', '-']);
    const fast = () => shell(join(ROOT, 'src/cli/launcher/kb'), ['triage', '-']);
    npx();
    fast(); // builds the bundle and the index cache
    const times = { npx: [] as number[], fast: [] as number[] };
    for (let i = 0; i < 7; i++) {
      times.npx.push(npx());
      times.fast.push(fast());
    }
    report(`kb triage, one paste (${realRules.length} rules): npx kb`, median(times.npx));
    report(`kb triage, one paste (${realRules.length} rules): src/cli/launcher/kb`, median(times.fast), 500);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
