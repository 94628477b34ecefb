/**
 * Where each kind of entry lives and what its files are called, in one place:
 * Astro's content collections (src/content.config.ts) and the plain-Node
 * loader (load.ts) both read this table, so they look for the same files, and
 * the loader can refuse any file there that the build would silently skip.
 */
import { categorySchema, guideSchema, ruleSchema } from './schema.ts';

export const COLLECTIONS = {
  rules: { folder: 'rules', extension: '.mdx', urlPrefix: '/errors/', schema: ruleSchema },
  guides: { folder: 'content/guides', extension: '.mdx', urlPrefix: '/guides/', schema: guideSchema },
  categories: { folder: 'content/categories', extension: '.md', urlPrefix: '/categories/', schema: categorySchema },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;

/** An entry's id is its file name without the extension: `rules/<category>/<id>.mdx` → `<id>`. */
export function idFromFileName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

/** The glob Astro loads a collection with: every file with the collection's extension, at any depth. */
export function collectionPattern(name: CollectionName): string {
  return `**/*${COLLECTIONS[name].extension}`;
}
