/**
 * A scratch copy of the project, for tests and benchmarks that build a site
 * with content the repository does not ship (thousands of synthetic rules, an
 * internal-only probe rule). The sources are copied, node_modules is linked,
 * and Astro gets its own cache, so a scratch build never shares a data store
 * with the working tree or with another scratch build.
 */
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a build needs from the project (no tests, no dist/, no git history). */
const PROJECT_ENTRIES = ['package.json', 'tsconfig.json', 'astro.config.mjs', 'src', 'content', 'rules', 'public'];

/** Where the Astro config is widened with a cache folder of the scratch copy's own. */
const CONFIG_ANCHOR = "output: 'static',";

/** Copies the project at `root` into a new temporary folder and returns its path. */
export function copyProject(root: string, prefix: string): string {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of PROJECT_ENTRIES) cpSync(join(root, entry), join(scratch, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
  // Astro's default cache (the content data store) lives in node_modules/.astro,
  // which the symlink would share with the project.
  const config = join(scratch, 'astro.config.mjs');
  const source = readFileSync(config, 'utf8');
  if (!source.includes(CONFIG_ANCHOR)) throw new Error(`astro.config.mjs no longer contains ${CONFIG_ANCHOR}: the scratch copy cannot get its own cache`);
  writeFileSync(config, source.replace(CONFIG_ANCHOR, `${CONFIG_ANCHOR}\n  cacheDir: './.scratch-astro-cache',`));
  return scratch;
}
