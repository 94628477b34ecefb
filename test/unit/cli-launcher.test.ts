/**
 * The fast `kb` (src/cli/launcher/kb, what `npm link` puts on PATH): the same
 * answers and exit statuses as the CLI run from its sources, through a
 * symbolic link as npm link makes one, and a bundle that is rebuilt as soon
 * as a file it was built from changes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/kb.ts';
import { kb, kbEnv } from '../support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kb-launcher-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** Its own cache: the bundle is built here, in `cli/`, not in the project's node_modules. */
const cache = join(scratch, 'cache');
const bin = join(scratch, 'bin');
const linked = join(bin, 'kb');

const PASTE = "2025-03-04 02:00:09 ERROR Datasource 'Legal': AADSTS700082: The refresh token has expired due to inactivity.";

/** `kb ARGS` as an agent's shell runs it: through the link, with no project Node on PATH. */
function fastKb(args: string[], input?: string) {
  const path = (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.endsWith('node_modules/.bin'))
    .join(':');
  const run = spawnSync(linked, args, { input, encoding: 'utf8', cwd: scratch, env: kbEnv({ KB_CACHE_DIR: cache, PATH: path }) });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const manifest = () => JSON.parse(readFileSync(join(cache, 'cli', 'kb.json'), 'utf8')) as { bundle: string; inputs: Array<[string, number, number]> };

describe('the fast kb', () => {
  it('answers through a symbolic link exactly as the CLI from its sources, and builds its bundle once', () => {
    mkdirSync(bin);
    symlinkSync(join(ROOT, 'src/cli/launcher/kb'), linked);
    const first = fastKb(['triage', '--json', '-'], PASTE);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual(JSON.parse(kb(['triage', '--json', '-'], PASTE, { fromSources: true }).stdout));
    const { bundle, inputs } = manifest();
    expect(existsSync(join(cache, 'cli', bundle))).toBe(true);
    expect(inputs.map(([path]) => path)).toEqual(expect.arrayContaining(['src/cli/kb.ts', 'src/triage/engine.ts']));
    // The readable report too, and the exit statuses.
    expect(fastKb(['triage', '-'], PASTE).stdout).toBe(kb(['triage', '-'], PASTE, { fromSources: true }).stdout);
    const usage = fastKb(['triage', '--bogus']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('kb: Unknown option');
    expect(manifest().bundle).toBe(bundle);
  });

  it('rebuilds its bundle when a file it was built from has changed', () => {
    const before = manifest();
    // As if src/triage/engine.ts had been edited since the bundle was built.
    const edited = before.inputs.map(([path, size, modified]): [string, number, number] =>
      path === 'src/triage/engine.ts' ? [path, size, modified - 1000] : [path, size, modified],
    );
    writeFileSync(join(cache, 'cli', 'kb.json'), JSON.stringify({ ...before, inputs: edited }));
    const run = fastKb(['triage', '-'], PASTE);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[refresh-token-expired]');
    expect(manifest().inputs).toEqual(before.inputs);
  });
});
