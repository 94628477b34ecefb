/**
 * Serves the OCR's files (src/ocr/assets.ts) from this site: copied by the
 * build into `/ocr/<hash>/`, served from node_modules by the dev server, and
 * the folder's path given to the page's code as `__OCR_FOLDER__`. No request
 * for them ever goes to another host, and none is made until a screenshot is
 * given (src/components/triage/client/screenshot.ts).
 */
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { OCR_FILES, ocrFilePath, ocrFolder, type OcrFile } from '../ocr/assets.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.gz': 'application/octet-stream',
};

export default function ocrAssets(): AstroIntegration {
  const folder = ocrFolder();
  return {
    name: 'ipp-help:ocr-assets',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { __OCR_FOLDER__: JSON.stringify(folder) } } });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (!path.startsWith(folder)) return next();
          const name = path.slice(folder.length);
          if (!Object.hasOwn(OCR_FILES, name)) return next();
          const file = ocrFilePath(name as OcrFile);
          response.setHeader('Content-Type', CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
          response.setHeader('Content-Length', String(statSync(file).size));
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(new URL(`.${folder}`, dir));
        mkdirSync(out, { recursive: true });
        let bytes = 0;
        for (const name of Object.keys(OCR_FILES) as OcrFile[]) {
          copyFileSync(ocrFilePath(name), join(out, name));
          bytes += statSync(ocrFilePath(name)).size;
        }
        logger.info(
          `${folder}: the OCR's ${Object.keys(OCR_FILES).length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB (loaded only when a screenshot is read)`,
        );
      },
    },
  };
}
