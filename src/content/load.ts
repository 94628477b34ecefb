/**
 * Loads the knowledge base from disk with plain Node (no Astro runtime), for
 * the CLI, the tests and the build-time check. Parses frontmatter with
 * js-yaml, as Astro does, and validates it with the very schemas the content
 * collections use.
 *
 * It also refuses what Astro would skip or mangle without a word: a file in a
 * collection's folder with another extension (`rules/x/y.md` is not a rule)
 * and a file name that is not a slug (`Probe Rule.mdx` would become the
 * address `/errors/Probe Rule/`). Names starting with "." (`.DS_Store`,
 * `.gitkeep`) are not content, for Astro as for this loader.
 *
 * A file's problems start from the root cause, each reported once: a
 * misnamed file is not parsed, a misspelt key is reported instead of the
 * "missing" key it leaves behind, and each field gets one problem at most.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { COLLECTIONS, idFromFileName, type CollectionName } from './collections.ts';
import { ContentError, InvalidContentError } from './errors.ts';
import { slug, type CategoryData, type GuideData, type RuleData } from './schema.ts';

export { ContentError, InvalidContentError } from './errors.ts';

export interface Entry<T> {
  id: string;
  /** Path relative to the project root, e.g. `rules/refresh-token/refresh-token-expired.mdx`. */
  file: string;
  data: T;
  body: string;
}

export interface KnowledgeBase {
  /** The project folder it was read from (cross-reference checks ask its git history which file is newer). */
  root: string;
  rules: Entry<RuleData>[];
  guides: Entry<GuideData>[];
  categories: Entry<CategoryData>[];
}

/** What reading found: the entries that read cleanly, and one problem per file that did not. */
export interface ReadResult {
  kb: KnowledgeBase;
  problems: ContentError[];
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Every file below `folder`, at any depth and sorted, as `/`-separated paths relative to `root`; hidden names skipped. */
function listFiles(root: string, folder: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, folder), { recursive: true, withFileTypes: true });
  } catch {
    return []; // no such folder: an empty collection
  }
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) =>
      file
        .slice(folder.length + 1)
        .split('/')
        .every((part) => !part.startsWith('.')),
    )
    .sort();
}

/** `Probe Rule` → `probe-rule`, `ProbeRule` → `probe-rule`: the name an author most likely meant. */
function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The one naming problem of a file, if any: the wrong extension, or a name that is not a slug. */
function fileNameProblem(collection: CollectionName, file: string): ContentError | undefined {
  const { extension, urlPrefix } = COLLECTIONS[collection];
  const base = file.slice(file.lastIndexOf('/') + 1);
  const folder = file.slice(0, file.lastIndexOf('/') + 1);
  const hasExtension = base.endsWith(extension);
  const id = hasExtension ? base.slice(0, -extension.length) : idFromFileName(base);
  const suggestion = suggestSlug(id);
  const renameTo = suggestion ? `: rename it to ${folder}${suggestion}${extension}` : '';
  if (!hasExtension) {
    return new ContentError(file, 'file name', `does not end in "${extension}", so the site would leave it out without a word${renameTo}`);
  }
  if (!slug.safeParse(id).success) {
    return new ContentError(
      file,
      'id (file name)',
      `"${id}" is not a lower-case slug (a-z, 0-9, words joined by "-"), and the file name is the page's address (${urlPrefix}${id}/)${renameTo}`,
    );
  }
  return undefined;
}

/** The problems of a schema check, root cause first: a misspelt key, not the "missing" key it leaves behind. */
function schemaProblems(file: string, issues: readonly z.core.$ZodIssue[]): ContentError[] {
  const unknownKeys = issues.filter((issue) => issue.code === 'unrecognized_keys');
  if (unknownKeys.length > 0) {
    return unknownKeys.map((issue) => new ContentError(file, issue.keys.join(', '), `is not a known key (${issue.message})`));
  }
  const seen = new Set<string>();
  return issues.flatMap((issue) => {
    const field = issue.path.join('.');
    if (seen.has(field)) return []; // one problem per field
    seen.add(field);
    return [new ContentError(file, field, issue.message)];
  });
}

function readEntry<T>(root: string, file: string, schema: z.ZodType<T>): Entry<T> | ContentError[] {
  const source = readFileSync(join(root, file), 'utf8');
  const match = FRONTMATTER.exec(source);
  if (!match) return [new ContentError(file, '', 'has no frontmatter block between --- lines')];
  let raw: unknown;
  try {
    raw = yaml.load(match[1]!);
  } catch (error) {
    return [new ContentError(file, '', `frontmatter is not valid YAML: ${(error as Error).message}`)];
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) return schemaProblems(file, parsed.error.issues);
  return { id: idFromFileName(file), file, data: parsed.data, body: source.slice(match[0].length) };
}

function readCollection<T>(root: string, name: CollectionName, schema: z.ZodType<T>, problems: ContentError[]): Entry<T>[] {
  const entries: Entry<T>[] = [];
  for (const file of listFiles(root, COLLECTIONS[name].folder)) {
    const misnamed = fileNameProblem(name, file);
    if (misnamed) {
      problems.push(misnamed);
      continue;
    }
    const entry = readEntry(root, file, schema);
    if (Array.isArray(entry)) problems.push(...entry);
    else entries.push(entry);
  }
  return entries;
}

/** Reads every entry; a file that is misnamed or invalid becomes a problem instead of an entry. */
export function readKnowledgeBase(root: string): ReadResult {
  const problems: ContentError[] = [];
  const kb: KnowledgeBase = {
    root,
    rules: readCollection(root, 'rules', COLLECTIONS.rules.schema, problems),
    guides: readCollection(root, 'guides', COLLECTIONS.guides.schema, problems),
    categories: readCollection(root, 'categories', COLLECTIONS.categories.schema, problems),
  };
  return { kb, problems };
}

/** Reads every entry, or throws an `InvalidContentError` listing every file that does not read cleanly. */
export function loadKnowledgeBase(root: string): KnowledgeBase {
  const { kb, problems } = readKnowledgeBase(root);
  if (problems.length > 0) throw new InvalidContentError(problems);
  return kb;
}
