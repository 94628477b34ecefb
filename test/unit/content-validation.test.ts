/**
 * The content model refuses invalid entries with the file and field named:
 * schema errors (unknown or misspelt keys, wrong types) and broken
 * cross-references (unknown fix guide or category), and articles that name no
 * sources (every rule and guide but the seed's IPP-only ones in
 * src/content/ipp-only.ts). Careless entries (the same
 * message twice, a code in two rules, misnamed files, clashing ids and
 * aliases) are tested in careless-content.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/content/load.ts';
import { IPP_ONLY_ENTRIES } from '../../src/content/ipp-only.ts';
import { findContentProblems } from '../../src/content/validate.ts';
import { kb } from '../support/kb.ts';
import { copyContent } from '../support/scratch-project.ts';

let scratch: string;
const RULE = 'rules/account-details/username-empty.mdx';

/** Rewrites the frontmatter of a rule in the scratch copy. */
function editRule(file: string, edit: (source: string) => string) {
  const path = join(scratch, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'kb-content-'));
  copyContent(scratch);
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('the knowledge base as shipped', () => {
  it('is valid and complete: the seed categories and fix guides (new ones may join them), the hub, every seed rule', () => {
    expect(findContentProblems(kb)).toEqual([]);
    expect(kb.categories.map((c) => c.id)).toEqual(expect.arrayContaining(['account-details', 'mfa-private-key', 'refresh-token']));
    expect(kb.guides.filter((g) => g.data.kind === 'fix').map((g) => g.id)).toEqual(
      expect.arrayContaining(['check-datasource-configuration', 'check-password', 'check-username', 'mfa-private-key', 'new-refresh-token']),
    );
    expect(kb.guides.find((g) => g.data.kind === 'hub')?.id).toBe('find-ipp-failure-reason');
    const ids = kb.rules.map((r) => r.id);
    for (const seed of [
      'refresh-token-expired',
      'refresh-token-inactive',
      'mfa-expired',
      'grant-revoked',
      'username-empty',
      'password-empty',
      'account-location-empty',
      'malformed-request',
      'invalid-national-cloud-token',
      'identity-provider-error',
      'service-principal-disabled',
    ])
      expect(ids).toContain(seed);
  });

  it('files the two shared seed rules under both categories', () => {
    for (const id of ['malformed-request', 'invalid-national-cloud-token']) {
      expect(kb.rules.find((r) => r.id === id)?.data.categories.sort()).toEqual(['account-details', 'mfa-private-key']);
    }
  });
});

describe('schema errors name the file and the field', () => {
  it('refuses a misspelt frontmatter key', () => {
    editRule(RULE, (source) => source.replace('resolution:', 'resolutoin:'));
    expect(() => loadKnowledgeBase(scratch)).toThrow(`${RULE}: field "resolutoin": is not a known key`);
  });

  it('refuses a missing required field', () => {
    editRule(RULE, (source) => source.replace(/^fix: .*\n/m, ''));
    expect(() => loadKnowledgeBase(scratch)).toThrow(`${RULE}: field "fix":`);
  });

  it('refuses a wrong type and an invalid slug', () => {
    editRule(RULE, (source) => source.replace(/^featured: .*$/m, '').replace('---\ntitle:', '---\nfeatured: sometimes\ntitle:'));
    expect(() => loadKnowledgeBase(scratch)).toThrow(`${RULE}: field "featured":`);
  });

  it('refuses YAML that does not parse', () => {
    editRule(RULE, (source) => source.replace('title:', 'title: [unclosed'));
    expect(() => loadKnowledgeBase(scratch)).toThrow(`${RULE}: frontmatter is not valid YAML`);
  });
});

describe('cross-reference errors name the file and the field', () => {
  it('a fix guide that does not exist', () => {
    editRule(RULE, (source) => source.replace('fix: check-username', 'fix: check-usernames'));
    expect(findContentProblems(loadKnowledgeBase(scratch)).map((p) => p.message)).toEqual([
      `${RULE}: field "fix": names the fix guide "check-usernames", but content/guides/check-usernames.mdx (kind: fix) does not exist`,
    ]);
  });

  it('an unknown category is the one problem, not also a file outside its primary category', () => {
    editRule(RULE, (source) => source.replace('  - account-details', '  - account-detail'));
    expect(findContentProblems(loadKnowledgeBase(scratch)).map((p) => p.message)).toEqual([
      `${RULE}: field "categories.0": names the category "account-detail", but content/categories/account-detail.md does not exist`,
    ]);
  });

  it('a file outside its primary category', () => {
    editRule(RULE, (source) => source.replace('  - account-details', '  - refresh-token'));
    expect(findContentProblems(loadKnowledgeBase(scratch)).map((p) => p.message)).toEqual([
      `${RULE}: field "categories.0": the primary category is "refresh-token", but the file is under rules/account-details/`,
    ]);
  });
});

describe('sources: every article names what its facts rest on', () => {
  const SOURCED_RULE = 'rules/account-blocked/account-disabled.mdx';
  const SOURCED_GUIDE = 'content/guides/unblock-account.mdx';
  const NO_SOURCES =
    'field "sources": lists no source: add at least one URL of Microsoft documentation or a public report that establishes the message, its meaning and the fix ' +
    "(only the seed's IPP-only messages, listed in src/content/ipp-only.ts, may go without)";

  /** Removes the `sources:` list from a file's frontmatter. */
  const dropSources = (source: string) => source.replace(/^sources:\n(?: {2}- .*\n)+/m, '');
  /** The problems the check reports on `file` of the scratch copy. */
  const problemsOf = (file: string) =>
    findContentProblems(loadKnowledgeBase(scratch))
      .filter((p) => p.file === file)
      .map((p) => p.message);

  it('refuses a rule without sources, naming the file and the field', () => {
    expect(readFileSync(join(scratch, SOURCED_RULE), 'utf8')).toMatch(/^sources:\n {2}- https:/m);
    editRule(SOURCED_RULE, dropSources);
    expect(problemsOf(SOURCED_RULE)).toEqual([`${SOURCED_RULE}: ${NO_SOURCES}`]);
  });

  it('refuses an empty list as it refuses a missing one', () => {
    editRule(SOURCED_RULE, (source) => dropSources(source).replace(/^fix: /m, 'sources: []\nfix: '));
    expect(problemsOf(SOURCED_RULE)).toEqual([`${SOURCED_RULE}: ${NO_SOURCES}`]);
  });

  it('refuses a guide without sources', () => {
    editRule(SOURCED_GUIDE, dropSources);
    expect(problemsOf(SOURCED_GUIDE)).toEqual([`${SOURCED_GUIDE}: ${NO_SOURCES}`]);
  });

  it("lets the seed's IPP-only messages go without", () => {
    editRule(RULE, dropSources);
    expect(problemsOf(RULE)).toEqual([]);
    editRule('content/guides/find-ipp-failure-reason.mdx', dropSources);
    expect(problemsOf('content/guides/find-ipp-failure-reason.mdx')).toEqual([]);
  });

  it('refuses a URL that is not https:// (a page links it) and a URL listed twice', () => {
    editRule(SOURCED_RULE, (source) => source.replace(/^sources:\n/m, 'sources:\n  - javascript:alert(1)\n'));
    expect(() => loadKnowledgeBase(scratch)).toThrow(`${SOURCED_RULE}: field "sources.0": must be a full https:// URL`);
    editRule(SOURCED_RULE, (source) => source.replace('  - javascript:alert(1)\n', '  - http://learn.microsoft.com/en-us/entra/\n'));
    expect(() => loadKnowledgeBase(scratch)).toThrow(`${SOURCED_RULE}: field "sources.0": must be a full https:// URL`);
    editRule(SOURCED_RULE, (source) => {
      const first = /^sources:\n {2}- http:\/\/.*\n {2}- (.*)$/m.exec(source)![1]!;
      return source.replace(/^ {2}- http:\/\/.*$/m, `  - ${first}`);
    });
    expect(() => loadKnowledgeBase(scratch)).toThrow(new RegExp(`${SOURCED_RULE}: field "sources.1": "https://[^"]+" is already sources.0`));
  });

  it("exempts only entries that exist, and only rules for IPP's own messages, which carry no Microsoft code", () => {
    for (const id of Object.keys(IPP_ONLY_ENTRIES.rules)) {
      const rule = kb.rules.find((candidate) => candidate.id === id);
      expect(rule, id).toBeDefined();
      expect(rule!.data.codes, id).toEqual([]);
    }
    for (const id of Object.keys(IPP_ONLY_ENTRIES.guides))
      expect(
        kb.guides.map((guide) => guide.id),
        id,
      ).toContain(id);
  });
});
