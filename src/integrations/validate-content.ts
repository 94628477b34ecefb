/**
 * Fails `astro build` (and `astro dev`) on invalid content before any page is
 * rendered: schema errors and broken cross-references, with file and field.
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
