/**
 * "Last updated" and "Edit this page": the date comes from frontmatter, else
 * git history, else the build date; git is read once and cached; the edit URL
 * exists only when a repository is configured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearGitCache, displayDay, editUrl, gitLastCommitDate, isoDay, readGitHistory, resolveLastUpdated } from '../../src/lib/last-updated.ts';
import { ROOT } from '../support/kb.ts';

const FRONTMATTER = new Date('2024-03-05T00:00:00Z');
const GIT = new Date('2025-01-20T10:11:12Z');
const BUILD = new Date('2026-02-01T08:00:00Z');

describe('resolveLastUpdated', () => {
  it('prefers the frontmatter date', () => {
    expect(resolveLastUpdated({ updated: FRONTMATTER, file: 'rules/a.mdx', gitDate: () => GIT, now: BUILD })).toEqual({
      date: FRONTMATTER,
      source: 'frontmatter',
    });
  });

  it('falls back to git history, then to the build date', () => {
    expect(resolveLastUpdated({ file: 'rules/a.mdx', gitDate: () => GIT, now: BUILD })).toEqual({ date: GIT, source: 'git' });
    expect(resolveLastUpdated({ file: 'rules/new.mdx', gitDate: () => undefined, now: BUILD })).toEqual({ date: BUILD, source: 'build' });
    expect(resolveLastUpdated({ gitDate: () => GIT, now: BUILD })).toEqual({ date: BUILD, source: 'build' });
  });

  it('ignores an invalid date', () => {
    expect(resolveLastUpdated({ updated: new Date('nonsense'), file: 'x', gitDate: () => GIT, now: BUILD }).source).toBe('git');
  });

  it('formats the day in UTC', () => {
    const lateEvening = new Date('2024-05-02T23:30:00Z');
    expect(isoDay(lateEvening)).toBe('2024-05-02');
    expect(displayDay(lateEvening)).toBe('2 May 2024');
  });
});

describe('git history', () => {
  beforeEach(() => clearGitCache());
  const repo = mkdtempSync(join(tmpdir(), 'kb-git-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const git = (args: string[], date: string) =>
    execFileSync('git', args, {
      cwd: repo,
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
      stdio: 'ignore',
    });

  it('gives each file the date of the last commit that touched it', () => {
    git(['init', '-q', '-b', 'main'], '2024-01-01T00:00:00Z');
    writeFileSync(join(repo, 'a.mdx'), 'one');
    writeFileSync(join(repo, 'b.mdx'), 'one');
    git(['add', '.'], '2024-01-01T00:00:00Z');
    git(['commit', '-q', '-m', 'first'], '2024-01-01T09:00:00Z');
    writeFileSync(join(repo, 'b.mdx'), 'two');
    git(['commit', '-q', '-am', 'second'], '2024-06-15T12:00:00Z');

    expect(gitLastCommitDate('a.mdx', repo)?.toISOString()).toBe('2024-01-01T09:00:00.000Z');
    expect(gitLastCommitDate('./b.mdx', repo)?.toISOString()).toBe('2024-06-15T12:00:00.000Z');
    expect(gitLastCommitDate('never-committed.mdx', repo)).toBeUndefined();
  });

  it('reads the history once per folder (cached)', () => {
    let reads = 0;
    const reader = (cwd: string) => {
      reads++;
      return readGitHistory(cwd);
    };
    gitLastCommitDate('a.mdx', repo, reader);
    gitLastCommitDate('b.mdx', repo, reader);
    gitLastCommitDate('c.mdx', repo, reader);
    expect(reads).toBe(1);
  });

  it('agrees with `git log -1 --format=%cI -- <file>` on this project', () => {
    const file = 'rules/refresh-token/grant-revoked.mdx';
    const expected = execFileSync('git', ['log', '-1', '--format=%cI', '--', file], { cwd: ROOT, encoding: 'utf8' }).trim();
    const found = gitLastCommitDate(file, ROOT.replace(/\/$/, ''));
    if (!expected) expect(found).toBeUndefined();
    else expect(found?.getTime()).toBe(new Date(expected).getTime());
  });

  it('finds nothing outside a repository', () => {
    const plain = mkdtempSync(join(tmpdir(), 'kb-nogit-'));
    try {
      expect(readGitHistory(plain).size).toBe(0);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('editUrl', () => {
  it('is undefined when no repository is configured', () => {
    expect(editUrl('', 'main', 'rules/a/b.mdx')).toBeUndefined();
    expect(editUrl(undefined, 'main', 'rules/a/b.mdx')).toBeUndefined();
    expect(editUrl('https://github.com/acme/kb', 'main', undefined)).toBeUndefined();
  });

  it('builds <repo>/edit/<branch>/<file>', () => {
    expect(editUrl('https://github.com/acme/kb', 'main', 'rules/refresh-token/grant-revoked.mdx')).toBe(
      'https://github.com/acme/kb/edit/main/rules/refresh-token/grant-revoked.mdx',
    );
    expect(editUrl('https://github.com/acme/kb.git/', '', 'content/guides/x y.mdx')).toBe('https://github.com/acme/kb/edit/main/content/guides/x%20y.mdx');
    expect(editUrl('https://gitlab.example.com/kb', 'release/2', 'rules\\a.mdx')).toBe('https://gitlab.example.com/kb/edit/release/2/rules/a.mdx');
  });
});
