/**
 * `astro build` itself refuses a broken rule and names the file: run on a
 * scratch copy of the project with one misspelt frontmatter key.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../support/kb.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kb-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('fails the build of a rule with a misspelt key, naming the file and the field', () => {
  for (const entry of ['package.json', 'tsconfig.json', 'astro.config.mjs', 'src', 'content', 'rules', 'public']) {
    cpSync(join(ROOT, entry), join(scratch, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
  const rule = join(scratch, 'rules/refresh-token/grant-revoked.mdx');
  writeFileSync(rule, readFileSync(rule, 'utf8').replace('resolution:', 'resolutoin:'));

  const build = spawnSync('npx', ['astro', 'build'], { cwd: scratch, encoding: 'utf8', timeout: 120_000 });
  const output = `${build.stdout}\n${build.stderr}`;
  expect(build.status, output).not.toBe(0);
  expect(output).toContain('rules/refresh-token/grant-revoked.mdx');
  expect(output).toContain('resolutoin');
}, 120_000);
