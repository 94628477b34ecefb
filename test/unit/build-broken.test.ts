/**
 * `astro build` itself refuses careless content and names the file and the
 * field, each problem exactly once: run on scratch copies of the project.
 * (Every case is tested on the loader in careless-content.test.ts; these two
 * builds prove the integration runs those checks before Astro loads a page.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { kb } from '../support/kb.ts';
import { astroBuild, copyProject, git, probeRule, writeFile } from '../support/scratch-project.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kb-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 60_000); // a whole project copy: slow to delete on a loaded machine

/** How many times `text` occurs in `output`. */
const occurrences = (output: string, text: string) => output.split(text).length - 1;

it('fails the build of a misnamed rule and of a misspelt key, naming each file and field once', () => {
  const project = join(scratch, 'misnamed');
  copyProject(project);
  const rule = join(project, 'rules/refresh-token/grant-revoked.mdx');
  writeFileSync(rule, readFileSync(rule, 'utf8').replace('resolution:', 'resolutoin:'));
  writeFile(project, 'rules/refresh-token/Probe Rule.mdx', probeRule());

  const { status, output } = astroBuild(project);
  expect(status, output).not.toBe(0);
  expect(occurrences(output, 'rules/refresh-token/grant-revoked.mdx: field "resolutoin": is not a known key'), output).toBe(1);
  expect(occurrences(output, 'rules/refresh-token/Probe Rule.mdx: field "id (file name)": "Probe Rule" is not a lower-case slug'), output).toBe(1);
  expect(output).toContain('rename it to rules/refresh-token/probe-rule.mdx');
}, 180_000);

it('fails the build of a near-duplicate message, naming the newer file (by git history) and the older one', () => {
  const project = join(scratch, 'near-duplicate');
  copyProject(project);
  git(project, 'init', '--quiet');
  git(project, 'add', 'rules', 'content');
  git(project, 'commit', '--quiet', '--message', 'content as shipped');
  const older = kb.rules.find((rule) => rule.id === 'refresh-token-expired')!;
  const message = `${older.data.messages[0]!.toUpperCase()}.`;
  // Sorts before the older file: only git history can tell it is the newer one.
  const newer = 'rules/account-details/aa-probe.mdx';
  writeFile(project, newer, probeRule({ messages: [message], categories: ['account-details'], fix: 'check-username' }));

  const { status, output } = astroBuild(project);
  expect(status, output).not.toBe(0);
  const problem = `${newer}: field "messages.0": "${message}" differs from messages.0 of ${older.file} ("${older.data.messages[0]}") only in case, punctuation or placeholder names`;
  expect(occurrences(output, problem), output).toBe(1);
  expect(output).toContain('Invalid content (1 problem)');
}, 180_000);
