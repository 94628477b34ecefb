/**
 * When an article was last updated, and where to edit it.
 *
 * The date comes from, in order: the entry's frontmatter `updated`; the last
 * commit that touched its file (`git log -1 --format=%cI -- <file>`); the
 * build date. Git is asked once per build for the whole history (one
 * `git log --name-only`), not once per article, so thousands of rules cost one
 * process; a missing git, a folder that is not a repository or a file with no
 * commit yet simply fall through to the build date.
 *
 * Plain Node, no Astro imports: the pages, the catalogue and the unit tests
 * share it.
 */
import { execFileSync } from 'node:child_process';

export type LastUpdatedSource = 'frontmatter' | 'git' | 'build';

export interface LastUpdated {
  date: Date;
  source: LastUpdatedSource;
}

/** Reads the last commit date of every file under `cwd`; keys are paths relative to `cwd`. */
export type GitHistoryReader = (cwd: string) => Map<string, Date>;

/** One `git log` over the history: the first time a path appears is its latest commit. */
export const readGitHistory: GitHistoryReader = (cwd) => {
  const dates = new Map<string, Date>();
  let output: string;
  try {
    output = execFileSync('git', ['log', '--format=%x1e%cI', '--name-only', '--no-renames', '--relative', '--', '.'], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return dates; // no git, or not a repository: every file falls back to the build date
  }
  for (const commit of output.split('\x1e')) {
    const [stamp, ...files] = commit.split('\n');
    const date = new Date((stamp ?? '').trim());
    if (Number.isNaN(date.getTime())) continue;
    for (const file of files) {
      const path = file.trim();
      if (path && !dates.has(path)) dates.set(path, date);
    }
  }
  return dates;
};

const histories = new Map<string, Map<string, Date>>();

/** The date of the last commit that touched `file` (relative to `cwd`), cached per folder. */
export function gitLastCommitDate(file: string, cwd: string = process.cwd(), read: GitHistoryReader = readGitHistory): Date | undefined {
  let history = histories.get(cwd);
  if (!history) {
    history = read(cwd);
    histories.set(cwd, history);
  }
  return history.get(normalisePath(file));
}

/** Forgets the cached history (tests). */
export function clearGitCache(): void {
  histories.clear();
}

/** The build date, fixed once per build so every page agrees. */
const BUILD_DATE = new Date();

export interface ResolveOptions {
  /** The frontmatter `updated` date, when the entry has one. */
  updated?: Date | undefined;
  /** The entry's file, relative to the project root (Astro's `entry.filePath`). */
  file?: string | undefined;
  /** Looks up the git date; defaults to the cached `git log`. */
  gitDate?: (file: string) => Date | undefined;
  /** The fallback; defaults to the build date. */
  now?: Date;
}

/** Frontmatter `updated`, else git history, else the build date. */
export function resolveLastUpdated({ updated, file, gitDate = (path) => gitLastCommitDate(path), now = BUILD_DATE }: ResolveOptions): LastUpdated {
  if (updated && !Number.isNaN(updated.getTime())) return { date: updated, source: 'frontmatter' };
  const fromGit = file ? gitDate(file) : undefined;
  if (fromGit && !Number.isNaN(fromGit.getTime())) return { date: fromGit, source: 'git' };
  return { date: now, source: 'build' };
}

/** `2024-05-02`: the calendar day in UTC, for `<time datetime>` and the catalogue. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `2 May 2024`: the calendar day in UTC, so every build and reader sees the same day. */
export function displayDay(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * The "Edit this page" URL (`<repo>/edit/<branch>/<file>`, as GitHub and
 * Forgejo/Gitea spell it), or undefined when no repository is configured.
 */
export function editUrl(repositoryUrl: string | undefined, branch: string | undefined, file: string | undefined): string | undefined {
  const repo = (repositoryUrl ?? '')
    .trim()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  if (!repo || !file) return undefined;
  const path = normalisePath(file).split('/').map(encodeURIComponent).join('/');
  const ref = (branch ?? '').trim() || 'main';
  return `${repo}/edit/${ref.split('/').map(encodeURIComponent).join('/')}/${path}`;
}

function normalisePath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}
