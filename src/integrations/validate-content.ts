/**
 * Fails `astro build` (and `astro dev`, `astro check`) on invalid content
 * before Astro loads any entry or renders any page, naming file and field: the
 * checks of src/content/ (misnamed files and schema errors, then clashes and
 * broken cross-references), the very ones the CLI and the tests run.
 *
 * It also keeps Astro's content cache honest: Astro re-reads an entry only
 * when the file changes, and notices a change of src/content.config.ts but
 * not of the schema modules it imports (src/content/schema.ts). A new field
 * with a default would then be missing from every unchanged entry. So the
 * cache is dropped whenever the schema's source changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadKnowledgeBase } from '../content/load.ts';
import { assertValidContent } from '../content/validate.ts';

export default function validateContent(): AstroIntegration {
  return {
    name: 'ipp-help:validate-content',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        dropStaleContentCache(fileURLToPath(config.cacheDir), root);
        const kb = loadKnowledgeBase(root);
        assertValidContent(kb);
        logger.info(`${kb.rules.length} rules, ${kb.guides.length} guides, ${kb.categories.length} categories are valid.`);
      },
    },
  };
}

/** The files that define what an entry's data is: when they change, every cached entry must be parsed again. */
const SCHEMA_FILES = ['src/content/schema.ts', 'src/content/collections.ts', 'src/content.config.ts'];

function dropStaleContentCache(cacheDir: string, root: string): void {
  const hash = createHash('sha256');
  for (const file of SCHEMA_FILES) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(file).update(readFileSync(path));
  }
  const digest = hash.digest('hex');
  const marker = join(cacheDir, 'ipp-help-schema.sha256');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === digest) return;
  rmSync(join(cacheDir, 'data-store.json'), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(marker, digest);
}
