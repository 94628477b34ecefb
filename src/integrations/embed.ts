/**
 * Builds the embeddable widget (src/embed/triage.ts) into `/embed/triage.js`:
 * one self-contained ES module (engine included), minified, so a help desk's
 * page loads it with a single <script type="module"> from this site. Served
 * by the dev server too. The build reports its size, gzip.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

export const EMBED_PATH = '/embed/triage.js';

/** The widget as one minified ES module. */
export async function bundleEmbed(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src/embed/triage.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

export default function embed(): AstroIntegration {
  let root = '';
  return {
    name: 'ipp-help:embed',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          if (request.url?.split('?')[0] !== EMBED_PATH) return next();
          bundleEmbed(root).then(
            (code) => {
              response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              response.setHeader('Access-Control-Allow-Origin', '*');
              response.end(code);
            },
            (error: Error) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const code = await bundleEmbed(root);
        const out = fileURLToPath(new URL(`.${EMBED_PATH}`, dir));
        mkdirSync(join(out, '..'), { recursive: true });
        writeFileSync(out, code);
        logger.info(`${EMBED_PATH}: ${(code.length / 1024).toFixed(1)} KB, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
      },
    },
  };
}
