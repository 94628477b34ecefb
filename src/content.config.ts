import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { categorySchema, guideSchema, ruleSchema } from './content/schema.ts';

/** Rule ids are file names: rules/<category>/<id>.mdx becomes <id>. */
const idFromFileName = ({ entry }: { entry: string }) =>
  entry.replace(/^.*\//, '').replace(/\.mdx?$/, '');

export const collections = {
  rules: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './rules', generateId: idFromFileName }),
    schema: ruleSchema,
  }),
  guides: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './content/guides', generateId: idFromFileName }),
    schema: guideSchema,
  }),
  categories: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './content/categories', generateId: idFromFileName }),
    schema: categorySchema,
  }),
};
