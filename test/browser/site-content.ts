/**
 * What the built site must contain, read straight from rules/ and content/ with
 * node:fs, so the browser tests cover every entry that exists, however many
 * the authors add. Internal-audience entries are skipped unless the build is
 * the internal one (KB_AUDIENCE=internal), as the site does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import yaml from 'js-yaml';

const ROOT = join(import.meta.dirname, '..', '..');

export interface RuleFacts {
  id: string;
  title: string;
  messages: string[];
  codes: string[];
  categories: string[];
  fix: string;
  resolution: string;
  aliases: string[];
}
export interface GuideFacts { id: string; title: string; kind: 'fix' | 'hub' }
export interface CategoryFacts { id: string; title: string }

function filesUnder(dir: string, extension: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function frontmatter(file: string): Record<string, unknown> {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no frontmatter`);
  return yaml.load(match[1] as string) as Record<string, unknown>;
}

const published = (data: Record<string, unknown>) =>
  data.audience !== 'internal' || process.env.KB_AUDIENCE === 'internal';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function readRules(): RuleFacts[] {
  return filesUnder(join(ROOT, 'rules'), '.mdx')
    .map((file) => ({ id: basename(file, '.mdx'), data: frontmatter(file) }))
    .filter(({ data }) => published(data))
    .map(({ id, data }) => ({
      id,
      title: String(data.title),
      messages: strings(data.messages),
      codes: strings(data.codes),
      categories: strings(data.categories),
      fix: String(data.fix),
      resolution: String(data.resolution),
      aliases: strings(data.aliases),
    }));
}

export function readGuides(): GuideFacts[] {
  return filesUnder(join(ROOT, 'content', 'guides'), '.mdx')
    .map((file) => ({ id: basename(file, '.mdx'), data: frontmatter(file) }))
    .filter(({ data }) => published(data))
    .map(({ id, data }) => ({ id, title: String(data.title), kind: data.kind === 'hub' ? 'hub' : 'fix' }));
}

export function readCategories(): CategoryFacts[] {
  return filesUnder(join(ROOT, 'content', 'categories'), '.md').map((file) => ({
    id: basename(file, '.md'),
    title: String(frontmatter(file).title),
  }));
}
