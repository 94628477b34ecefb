/**
 * The OCR's files, from their npm packages: tesseract.js's worker script, its
 * WebAssembly core (LSTM only, with SIMD and a plain fallback for browsers
 * without it) and the English traineddata (`4.0.0_best_int`: the LSTM model,
 * 2.9 MB; the package's other copy also carries the legacy engine, 10.9 MB).
 * The build copies them into one folder of the site named by a hash of their
 * contents, so they are served by this site only and cached for good (a new
 * version is a new folder); the CLI reads the very same files from
 * node_modules.
 *
 * The worker, the core's loader and its `.wasm` must share a folder: the
 * core finds its `.wasm` beside the worker script.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

/** The files served under the OCR folder, by name, and the package file each comes from. */
export const OCR_FILES = Object.freeze({
  'worker.min.js': 'tesseract.js/dist/worker.min.js',
  'tesseract-core-simd-lstm.js': 'tesseract.js-core/tesseract-core-simd-lstm.js',
  'tesseract-core-simd-lstm.wasm': 'tesseract.js-core/tesseract-core-simd-lstm.wasm',
  'tesseract-core-lstm.js': 'tesseract.js-core/tesseract-core-lstm.js',
  'tesseract-core-lstm.wasm': 'tesseract.js-core/tesseract-core-lstm.wasm',
  'eng.traineddata.gz': '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
});

export type OcrFile = keyof typeof OCR_FILES;

/** Where a served file lives in node_modules. */
export function ocrFilePath(name: OcrFile): string {
  return require.resolve(OCR_FILES[name]);
}

/** The folder holding the English traineddata, as tesseract.js's `langPath` wants it (the CLI's). */
export function traineddataFolder(): string {
  return dirname(ocrFilePath('eng.traineddata.gz'));
}

/** The site folder the files are served from, `/ocr/<hash>/`: a new version of any file is a new folder. */
export function ocrFolder(): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(OCR_FILES) as OcrFile[]) hash.update(name).update(readFileSync(ocrFilePath(name)));
  return `/ocr/${hash.digest('hex').slice(0, 12)}/`;
}
