/**
 * Tesseract in a Web Worker, with every file from this site's OCR folder
 * (`__OCR_FOLDER__`, set by src/integrations/ocr-assets.ts): the worker script
 * (a same-origin worker: no blob: URL, so `worker-src 'self'` holds), the
 * WebAssembly core (SIMD when the browser has it) and the English
 * traineddata. The worker is started on the first screenshot, kept for the
 * next one, and ended after a while unused or when a reading is cancelled.
 */
import { createWorker, type Worker, type WorkerParams } from 'tesseract.js';
import { simd } from 'wasm-feature-detect';
import { OCR_ENGINE_LSTM_ONLY, OCR_LANGUAGE, TESSERACT_PARAMETERS } from '../../../ocr/settings.ts';

declare const __OCR_FOLDER__: string;

/** An idle worker holds its model in memory (about 100 MB): it is ended after this long unused. */
const IDLE_MS = 120_000;

export type OcrProgress = { stage: 'loading' } | { stage: 'reading'; fraction: number };

export interface Recognised {
  text: string;
  confidence: number;
}

let worker: Promise<Worker> | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let report: (progress: OcrProgress) => void = () => {};

async function start(): Promise<Worker> {
  const folder = new URL(__OCR_FOLDER__, location.origin).href;
  const core = (await simd()) ? 'tesseract-core-simd-lstm.js' : 'tesseract-core-lstm.js';
  const started = await createWorker(OCR_LANGUAGE, OCR_ENGINE_LSTM_ONLY, {
    workerPath: `${folder}worker.min.js`,
    workerBlobURL: false,
    corePath: `${folder}${core}`,
    langPath: folder.replace(/\/$/, ''),
    gzip: true,
    // The browser's HTTP cache keeps the traineddata (its folder is named by its hash); no second copy in IndexedDB.
    cacheMethod: 'none',
    logger: (message) => {
      if (message.status === 'recognizing text') report({ stage: 'reading', fraction: message.progress });
    },
    // The job's promise rejects with the error; without a handler tesseract.js would throw it again, uncaught.
    errorHandler: () => {},
  });
  await started.setParameters(TESSERACT_PARAMETERS as Partial<WorkerParams>);
  return started;
}

/** Ends the worker (a reading in progress is abandoned); the next reading starts a new one. */
export function stopOcr(): void {
  clearTimeout(idleTimer);
  const ending = worker;
  worker = null;
  void ending?.then((running) => running.terminate()).catch(() => {});
}

/** The text Tesseract reads in a prepared grey image (./screenshot-image.ts). */
export async function recognise(pgm: Uint8Array<ArrayBuffer>, onProgress: (progress: OcrProgress) => void): Promise<Recognised> {
  clearTimeout(idleTimer);
  report = onProgress;
  if (!worker) onProgress({ stage: 'loading' });
  worker ??= start();
  const mine = worker;
  try {
    const { data } = await (await mine).recognize(new Blob([pgm]));
    return { text: data.text, confidence: data.confidence };
  } catch (error) {
    if (worker === mine) worker = null; // a worker that failed to start is not kept
    throw error;
  } finally {
    report = () => {};
    if (worker === mine) idleTimer = setTimeout(stopOcr, IDLE_MS);
  }
}
