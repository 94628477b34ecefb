/**
 * Loads the knowledge base from disk with plain Node (no Astro runtime), for
 * the CLI, the tests and the build-time cross-reference check. Parses
 * frontmatter with js-yaml, as Astro does, and validates it with the very
 * schemas the content collections use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { categorySchema, guideSchema, ruleSchema, type CategoryData, type GuideData, type RuleData } from './schema.ts';

export interface Entry<T> {
  id: string;
  /** Path relative to the project root, e.g. `rules/refresh-token/refresh-token-expired.mdx`. */
  file: string;
  data: T;
  body: string;
}

export interface KnowledgeBase {
  rules: Entry<RuleData>[];
  guides: Entry<GuideData>[];
  categories: Entry<CategoryData>[];
}

/** A content error that names the file and the field, as the build must. */
export class ContentError extends Error {
  readonly file: string;
  readonly field: string;

  constructor(file: string, field: string, detail: string) {
    super(`${file}: ${field ? `field "${field}": ` : ''}${detail}`);
    this.name = 'ContentError';
    this.file = file;
    this.field = field;
  }
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function listFiles(dir: string, extensions: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path, extensions);
    return extensions.some((extension) => name.endsWith(extension)) ? [path] : [];
  });
}

function readEntry<S extends z.ZodType>(root: string, path: string, schema: S): Entry<z.output<S>> {
  const file = relative(root, path).split(sep).join('/');
  const source = readFileSync(path, 'utf8');
  const match = FRONTMATTER.exec(source);
  if (!match) throw new ContentError(file, '', 'has no frontmatter block between --- lines');
  let raw: unknown;
  try {
    raw = yaml.load(match[1]!);
  } catch (error) {
    throw new ContentError(file, '', `frontmatter is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    // A misspelt key also makes its correct spelling "missing": report the root cause.
    const issue = parsed.error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? parsed.error.issues[0]!;
    const keys = 'keys' in issue && Array.isArray(issue.keys) ? issue.keys.join(', ') : '';
    const field = keys || issue.path.join('.');
    throw new ContentError(file, field, issue.code === 'unrecognized_keys' ? `is not a known key (${issue.message})` : issue.message);
  }
  const id = path.replace(/^.*[\\/]/, '').replace(/\.mdx?$/, '');
  return { id, file, data: parsed.data, body: source.slice(match[0].length) };
}

export function loadKnowledgeBase(root: string): KnowledgeBase {
  return {
    rules: listFiles(join(root, 'rules'), ['.mdx']).map((path) => readEntry(root, path, ruleSchema)),
    guides: listFiles(join(root, 'content', 'guides'), ['.mdx']).map((path) => readEntry(root, path, guideSchema)),
    categories: listFiles(join(root, 'content', 'categories'), ['.md']).map((path) => readEntry(root, path, categorySchema)),
  };
}
