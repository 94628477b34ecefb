/**
 * Scratch copies of the project, for tests and benchmarks that build or load
 * content the repository does not ship: the content alone (for the loader),
 * the whole project (for a real `astro build`: sources copied, node_modules
 * linked, an Astro cache of its own so no two builds share a data store), a
 * git history to tell old files from new ones, and probe rules written from a
 * few fields.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Copies the content folders (rules/, content/) into `dir`. */
export function copyContent(dir: string): void {
  for (const folder of ['rules', 'content']) cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
}

/** Where the Astro config is widened with a cache folder of the scratch copy's own. */
const CONFIG_ANCHOR = "output: 'static',";

/** Copies what `astro build` needs into a new temporary folder (named from `prefix`) and returns its path. */
export function copyProjectToTemp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copyProject(dir);
  return dir;
}

/** Copies what `astro build` needs into `dir`, sharing node_modules but with an Astro cache of its own. */
export function copyProject(dir: string): void {
  for (const entry of ['package.json', 'tsconfig.json', 'astro.config.mjs', 'src', 'content', 'rules', 'public']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // The default cache lives in the shared node_modules: two builds must not share it.
  const config = join(dir, 'astro.config.mjs');
  const source = readFileSync(config, 'utf8');
  if (!source.includes(CONFIG_ANCHOR)) throw new Error(`astro.config.mjs no longer contains ${CONFIG_ANCHOR}: a scratch copy cannot get its own cache`);
  writeFileSync(config, source.replace(CONFIG_ANCHOR, `${CONFIG_ANCHOR}\n  cacheDir: './.scratch-astro-cache',`));
}

/** Runs `astro build` in `dir` (output in its own dist/); returns the exit status and everything it printed. */
export function astroBuild(dir: string): { status: number | null; output: string } {
  const env = { ...process.env };
  delete env.KB_OUT_DIR;
  const build = spawnSync('npx', ['astro', 'build'], { cwd: dir, env, encoding: 'utf8', timeout: 180_000 });
  return { status: build.status, output: `${build.stdout}\n${build.stderr}` };
}

/** Runs git in `dir` as a fixed test author, so commits need no configuration. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Content Test', '-c', 'user.email=content-test@example.com', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Makes `dir` a repository whose first commit holds everything in it. */
export function commitEverything(dir: string, message = 'content as shipped'): void {
  git(dir, 'init', '--quiet');
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', message);
}

/** A valid rule of the refresh-token category with `fields` laid over it. */
export function probeRule(fields: Record<string, unknown> = {}): string {
  const data = {
    title: 'Probe widget error',
    summary: 'A probe rule that the content tests write.',
    messages: ['Probe widget frobnicated on {date}'],
    codes: [],
    categories: ['refresh-token'],
    fix: 'new-refresh-token',
    resolution: 'New refresh token',
    steps: ['Generate a new refresh token for the account.', 'Save it in the Realm or Datasource and rerun the IPP.'],
    examples: ['Probe widget frobnicated on 2024-05-02'],
    sources: ['https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
    ...fields,
  };
  return `---\n${yaml.dump(data, { lineWidth: -1 })}---\n\n## What you see\n\nA probe.\n`;
}

/** Writes `text` to `file` (relative to `dir`), creating folders. */
export function writeFile(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}
