import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS, collectionPattern, idFromFileName } from './content/collections.ts';

/**
 * Where each collection lives, its file extension and its schema come from
 * src/content/collections.ts, which the plain-Node loader reads too. Rule ids
 * are file names: rules/<category>/<id>.mdx becomes <id>. Files the pattern
 * leaves out (a `.md` rule) or that would get a bad id (`Probe Rule.mdx`)
 * never get this far: the validate-content integration refuses them first.
 */
const generateId = ({ entry }: { entry: string }) => idFromFileName(entry);

export const collections = {
  rules: defineCollection({
    loader: glob({ pattern: collectionPattern('rules'), base: `./${COLLECTIONS.rules.folder}`, generateId }),
    schema: COLLECTIONS.rules.schema,
  }),
  guides: defineCollection({
    loader: glob({ pattern: collectionPattern('guides'), base: `./${COLLECTIONS.guides.folder}`, generateId }),
    schema: COLLECTIONS.guides.schema,
  }),
  categories: defineCollection({
    loader: glob({ pattern: collectionPattern('categories'), base: `./${COLLECTIONS.categories.folder}`, generateId }),
    schema: COLLECTIONS.categories.schema,
  }),
};
