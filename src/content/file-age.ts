/**
 * Which of two content files is newer, so that a clash (two rules with one
 * message, id, alias or code) is reported on the file that brought it: the
 * older file was there first and is right by default.
 *
 * "Newer" means added more recently: by the first commit that added the file
 * in git history (renames count as additions). A file with no commit yet is
 * newer than every committed one. Files added by the same commit, files none
 * of which is committed, and every file where there is no git history (no
 * git, or a folder outside any repository) are ordered by path: the later
 * path counts as the newer. That fallback is stable, and each clash it
 * decides says so.
 *
 * Git is asked once, and only when there is a clash to decide: one
 * `git log` over the content folders, however many files there are.
 */
import { execFileSync } from 'node:child_process';

export interface FileAges {
  /** Negative when `a` is older than `b`: for sorting oldest first. */
  compare(a: string, b: string): number;
  /** Why `newer` counts as newer than `older` when git history did not decide it; '' when it did. */
  fallbackNote(older: string, newer: string): string;
}

/** Reads, for each path relative to `root`, the position of the commit that first added it (0 = the newest commit); undefined without git history. */
export type AdditionReader = (root: string, folders: readonly string[]) => Map<string, number> | undefined;

export const readGitAdditions: AdditionReader = (root, folders) => {
  let output: string;
  try {
    output = execFileSync(
      'git',
      ['log', '--date-order', '--diff-filter=A', '--no-renames', '--name-only', '-z', '--format=%x1e', '--relative', '--', ...folders],
      { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch {
    return undefined; // no git, or not inside a repository
  }
  const added = new Map<string, number>();
  // Newest commit first, so the last time a path appears is the commit that first added it.
  output
    .split('\x1e')
    .slice(1)
    .forEach((commit, position) => {
      for (const name of commit.split('\0')) {
        const path = name.trim();
        if (path) added.set(path, position);
      }
    });
  return added;
};

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** File ages from the git history of `root` (read lazily, at most once). */
export function gitFileAges(root: string, folders: readonly string[], read: AdditionReader = readGitAdditions): FileAges {
  let history: Map<string, number> | undefined | null = null;
  const additions = () => {
    if (history === null) history = read(root, folders);
    return history;
  };
  /** Larger is older; a file with no commit is the newest of all (-1). */
  const commitAge = (file: string) => additions()?.get(file) ?? -1;
  return {
    compare(a, b) {
      return commitAge(b) - commitAge(a) || byPath(a, b);
    },
    fallbackNote(older, newer) {
      if (!additions()) return 'there is no git history here, so the later path counts as the newer file';
      const [olderAge, newerAge] = [commitAge(older), commitAge(newer)];
      if (olderAge !== newerAge) return '';
      return olderAge === -1
        ? 'neither file is committed yet, so the later path counts as the newer file'
        : 'both files were added by the same commit, so the later path counts as the newer file';
    },
  };
}
