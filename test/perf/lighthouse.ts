/**
 * `npm run perf:lighthouse [-- OUT_DIR [PORT]]`: Lighthouse on the built site.
 *
 * Serves the output folder (default dist, or KB_OUT_DIR) with the tests'
 * static server on 127.0.0.1, runs Lighthouse (default mobile settings,
 * simulated throttling) in headless Chromium on the home page, /triage/, one
 * rule page and one guide page, prints the scores, and exits 1 unless every
 * page has performance ≥ 0.95 and accessibility, best practices and SEO = 1.
 * Failed audits are listed so the cause can be fixed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, systemChromium } from '../support/chromium.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT_DIR = resolve(process.argv[2] ?? process.env.KB_OUT_DIR ?? 'dist');
const PORT = Number(process.argv[3] ?? process.env.KB_LIGHTHOUSE_PORT ?? 4431);
const BUDGET: Record<string, number> = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };
const CATEGORIES = Object.keys(BUDGET);

if (!existsSync(join(OUT_DIR, 'index.html'))) {
  console.error(`No built site in ${OUT_DIR}: run \`npm run build\` first (or pass the output folder).`);
  process.exit(2);
}

function pick(folder: string, preferred: string): string {
  return existsSync(join(OUT_DIR, folder, preferred, 'index.html')) ? `/${folder}/${preferred}/` : `/${folder}/`;
}

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['triage', '/triage/'],
  ['rule', pick('errors', 'refresh-token-expired')],
  ['guide', pick('guides', 'new-refresh-token')],
];

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the static server did not answer at ${url}`);
}

// Never measure someone else's server: the port must be free.
const busy = await fetch(`http://127.0.0.1:${PORT}/`).then(
  () => true,
  () => false,
);
if (busy) {
  console.error(`Port ${PORT} is already in use; pass a free one: npm run perf:lighthouse -- ${OUT_DIR} <port>`);
  process.exit(2);
}
const server = spawn(process.execPath, [join(ROOT, 'test/support/static-server.ts'), OUT_DIR, String(PORT)], { stdio: ['ignore', 'ignore', 'inherit'] });
let chrome: chromeLauncher.LaunchedChrome | undefined;
let exitCode = 0;
try {
  const origin = `http://127.0.0.1:${PORT}`;
  const exited = new Promise<never>((_, reject) => server.once('exit', (code) => reject(new Error(`the static server exited (${code})`))));
  await Promise.race([waitForServer(`${origin}/`, 15_000), exited]);
  exited.catch(() => undefined);
  const chromePath = process.env.CHROME_PATH ?? systemChromium;
  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });

  const rows: string[][] = [];
  const failures: string[] = [];
  for (const [type, path] of PAGES) {
    const result = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${path}: ${lhr.runtimeError.message}`);
    const scores = CATEGORIES.map((id) => lhr.categories[id]?.score ?? null);
    rows.push([type, path, ...scores.map((score) => (score === null ? 'n/a' : score.toFixed(2)))]);
    CATEGORIES.forEach((id, i) => {
      const score = scores[i];
      if (score === null || score === undefined || score < BUDGET[id]!) {
        const failed = lhr.categories[id]!.auditRefs.map((ref) => lhr.audits[ref.id]!)
          .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual')
          .map((audit) => `${audit.id} (${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
        failures.push(`${path} ${id} ${score ?? 'n/a'} < ${BUDGET[id]}: ${failed.join(', ') || 'no single failed audit'}`);
      }
    });
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
      .map((id) => `${id.replace(/-/g, ' ')} ${lhr.audits[id]?.displayValue ?? 'n/a'}`)
      .join(', ');
    console.error(`${path}: ${metrics}`);
  }

  console.log(
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} (mobile, simulated throttling) on ${OUT_DIR}`,
  );
  const header = ['page', 'path', ...CATEGORIES];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  if (failures.length > 0) {
    console.error(`\nLighthouse budget MISSED (performance ≥ 0.95, accessibility, best practices and SEO = 1):\n- ${failures.join('\n- ')}`);
    exitCode = 1;
  } else {
    console.log('\nBudgets met: performance ≥ 0.95; accessibility, best practices and SEO = 1 on every page.');
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  chrome?.kill();
  server.kill();
}
process.exit(exitCode);
