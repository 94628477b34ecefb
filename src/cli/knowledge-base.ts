/**
 * The knowledge base the CLI answers from: the rule entries under
 * `<root>/rules`, checked as the build checks them, compiled into the same
 * triage index the site ships.
 *
 * Compiling means parsing and validating every rule file; with thousands of
 * rules that dwarfs triaging one paste. So the compiled index is cached, keyed
 * by a hash of everything it depends on: every file under `rules/` and
 * `content/` (names and bytes), the engine and content-model source that
 * compile it, and the audience. Same content, same key: the cached index is
 * used as is. Any change, even a byte, and it is rebuilt (and validated).
 */
import { plural } from '../triage/text/wording.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAudience, type Audience } from '../content/audience.ts';
import { InvalidContentError } from '../content/errors.ts';
import { ContentError, loadKnowledgeBase, type KnowledgeBase } from '../content/load.ts';
import { toTriageRules } from '../content/triage-rules.ts';
import { findContentProblems } from '../content/validate.ts';
import { buildIndex } from '../triage/index/build.ts';
import type { TriageIndex } from '../triage/types.ts';
import { CliError } from './exit.ts';

/** This project (where kb's own code lives): the default knowledge base. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Source folders whose code decides what the index holds. */
const COMPILER_SOURCES = ['src/triage', 'src/content'].map((folder) => join(PROJECT_ROOT, folder));
/** Bump when the cache file's own shape changes. */
const CACHE_FORMAT = 1;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

function ruleFiles(root: string): string[] {
  return filesUnder(join(root, 'rules')).filter((path) => path.endsWith('.mdx'));
}

/** The hash of everything the index of `root` depends on. */
export function contentKey(root: string, audience: Audience): string {
  const hash = createHash('sha256').update(`kb-index ${CACHE_FORMAT} ${audience}\n`);
  const add = (base: string, path: string) => {
    hash.update(`${relative(base, path).split(sep).join('/')}\0`);
    hash.update(readFileSync(path));
    hash.update('\0');
  };
  for (const folder of ['rules', 'content']) for (const path of filesUnder(join(root, folder))) add(root, path);
  for (const folder of COMPILER_SOURCES) for (const path of filesUnder(folder)) add(PROJECT_ROOT, path);
  return hash.digest('hex');
}

/** Where compiled indexes are kept: $KB_CACHE_DIR, else $XDG_CACHE_HOME/ipp-help-kb, else ~/.cache/ipp-help-kb. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KB_CACHE_DIR) return resolve(env.KB_CACHE_DIR);
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ipp-help-kb');
}

export interface LoadedIndex {
  index: TriageIndex;
  /** Taken from the cache rather than compiled now. */
  cached: boolean;
}

export interface LoadOptions {
  audience?: Audience;
  /** Folder for the compiled-index cache; `false` compiles every time. */
  cacheDir?: string | false;
}

/** Fails (exit 2) unless `root` holds rule files: an empty knowledge base would answer "not documented" to everything. */
function assertHasRules(root: string): void {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`no knowledge base at ${root}: the folder does not exist`);
  if (ruleFiles(root).length === 0) {
    throw new CliError(`no knowledge base at ${root}: ${join(root, 'rules')} has no rule files (.mdx); --root must name the project folder`);
  }
}

/** Loads and validates the knowledge base, as the build does; content errors name file and field (exit 2). */
export function loadValidKnowledgeBase(root: string): KnowledgeBase {
  assertHasRules(root);
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledgeBase(root);
  } catch (error) {
    if (error instanceof ContentError || error instanceof InvalidContentError) throw new CliError(`invalid rules: ${error.message}`);
    throw error;
  }
  const problems = findContentProblems(kb);
  if (problems.length > 0) {
    throw new CliError(`invalid rules (${plural(problems.length, 'problem')}):\n- ${problems.map((problem) => problem.message).join('\n- ')}`);
  }
  return kb;
}

function readCache(file: string, key: string): TriageIndex | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; index?: TriageIndex };
    return cached.key === key && cached.index?.version === 1 ? cached.index : undefined;
  } catch {
    return undefined; // missing or damaged: compile instead
  }
}

function writeCache(file: string, key: string, index: TriageIndex): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ key, index }));
    renameSync(temporary, file); // atomic: a parallel kb never reads half a file
  } catch {
    // A read-only home or cache folder only costs speed.
  }
}

/** The triage index of the knowledge base at `root`, from the cache when its content is unchanged. */
export function loadIndex(root: string, options: LoadOptions = {}): LoadedIndex {
  const audience = options.audience ?? buildAudience();
  assertHasRules(root);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const key = cacheDir === false ? '' : contentKey(root, audience);
  const file = cacheDir === false ? '' : join(cacheDir, `${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 16)}-${audience}.json`);
  if (cacheDir !== false) {
    const index = readCache(file, key);
    if (index) return { index, cached: true };
  }
  const rules = toTriageRules(loadValidKnowledgeBase(root).rules, audience);
  if (rules.length === 0) throw new CliError(`no knowledge base at ${root}: none of its rules is in the ${audience} audience`);
  const index = buildIndex(rules);
  if (cacheDir !== false) writeCache(file, key, index);
  return { index, cached: false };
}
