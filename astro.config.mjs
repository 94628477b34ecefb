// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import validateContent from './src/integrations/validate-content.ts';
import checkLinks from './src/integrations/check-links.ts';
import embed from './src/integrations/embed.ts';
import ocrAssets from './src/integrations/ocr-assets.ts';
import { EXAMPLE_SITE_URL, exampleDefaultWarnings } from './src/config.ts';

/**
 * Names each setting left at its example default at the start of a build (src/config.ts).
 * @type {import('astro').AstroIntegration}
 */
const warnExampleDefaults = {
  name: 'ipp-help:settings',
  hooks: {
    'astro:build:start': ({ logger }) => {
      for (const warning of exampleDefaultWarnings()) logger.warn(warning);
    },
  },
};

export default defineConfig({
  site: process.env.KB_SITE_URL?.trim() || EXAMPLE_SITE_URL,
  output: 'static',
  // A separate output folder lets two builds (two people, or CI beside a dev) coexist.
  outDir: process.env.KB_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  integrations: [validateContent(), warnExampleDefaults, mdx(), embed(), ocrAssets(), checkLinks()],
  markdown: {
    // Shiki writes inline styles, which the strict CSP below refuses.
    syntaxHighlight: 'prism',
  },
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        `connect-src 'self'${/^https?:\/\//i.test(process.env.KB_FEEDBACK_URL ?? '') ? ` ${new URL(process.env.KB_FEEDBACK_URL ?? '').origin}` : ''}`, // + the "Did this fix it?" endpoint (src/config.ts)
        "worker-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Every .mdx file triggers this cosmetic warning (an open Astro bug).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
