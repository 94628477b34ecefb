/**
 * The CLI reuses the compiled triage index while the knowledge base is
 * unchanged, and compiles (and validates) again after any change.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadIndex } from '../../src/cli/knowledge-base.ts';
import { toTriageRules } from '../../src/content/triage-rules.ts';
import { buildIndex } from '../../src/triage/index/build.ts';
import { kb as knowledge, ROOT } from '../support/kb.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kb-index-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const root = join(scratch, 'project');
const cacheDir = join(scratch, 'cache');
for (const folder of ['rules', 'content']) cpSync(join(ROOT, folder), join(root, folder), { recursive: true });

it('compiles once, then reuses the index while the content is the same', () => {
  const first = loadIndex(root, { cacheDir, audience: 'public' });
  expect(first.cached).toBe(false);
  expect(first.index).toEqual(buildIndex(toTriageRules(knowledge.rules, 'public')));
  const second = loadIndex(root, { cacheDir, audience: 'public' });
  expect(second.cached).toBe(true);
  expect(second.index).toEqual(first.index);
  // Another audience is another index.
  expect(loadIndex(root, { cacheDir, audience: 'internal' }).cached).toBe(false);
});

it('compiles again after a one-character change, and validates it', () => {
  const file = join(root, 'rules/account-details/username-empty.mdx');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace('  - Username is empty for the data source\n', '  - Username is empty for the data sources\n'));
  const changed = loadIndex(root, { cacheDir, audience: 'public' });
  expect(changed.cached).toBe(false);
  expect(changed.index.messages.some((message) => message.text === 'Username is empty for the data sources')).toBe(true);
  writeFileSync(file, original.replace('resolution:', 'resolutoin:'));
  expect(() => loadIndex(root, { cacheDir, audience: 'public' })).toThrow(/username-empty\.mdx: field "resolutoin"/);
  writeFileSync(file, original);
  expect(loadIndex(root, { cacheDir, audience: 'public' }).cached).toBe(false);
});

it('a damaged cache file is compiled over, not trusted', () => {
  loadIndex(root, { cacheDir, audience: 'public' });
  const [name] = readdirSync(cacheDir).filter((entry) => entry.endsWith('-public.json'));
  writeFileSync(join(cacheDir, name!), '{"key": "');
  expect(loadIndex(root, { cacheDir, audience: 'public' }).cached).toBe(false);
});
