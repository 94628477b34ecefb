/**
 * Fails `astro build` (and `astro dev`, `astro check`) on invalid content
 * before Astro loads any entry or renders any page, naming file and field: the
 * checks of src/content/ (misnamed files and schema errors, then clashes and
 * broken cross-references), the very ones the CLI and the tests run.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadKnowledgeBase } from '../content/load.ts';
import { assertValidContent } from '../content/validate.ts';

export default function validateContent(): AstroIntegration {
  return {
    name: 'ipp-help:validate-content',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const kb = loadKnowledgeBase(fileURLToPath(config.root));
        assertValidContent(kb);
        logger.info(`${kb.rules.length} rules, ${kb.guides.length} guides, ${kb.categories.length} categories are valid.`);
      },
    },
  };
}
