/**
 * Reads screenshots in Node (the CLI and the tests): the same tesseract.js,
 * core and English traineddata as the page, from node_modules, with no
 * network and no native image library. Tesseract's own image library
 * (Leptonica, inside the WebAssembly core) decodes the PNG, JPEG or WebP and
 * hands back its grey pixels; the shared policy (./preprocess.ts) inverts and
 * scales them; the result goes back to Tesseract as a plain grey image.
 */
import { decode } from 'fast-png';
import { createWorker, type Worker, type WorkerParams } from 'tesseract.js';
import { traineddataFolder } from './assets.ts';
import { isReadableImage, sniffImage, SNIFF_BYTES, unreadableImageReason, type ImageType } from './image-type.ts';
import { encodePgm, invertGray, planPreprocessing, PREPROCESSING, scaleGray, type GrayImage, type PreprocessingPlan } from './preprocess.ts';
import { repairCodes, type Repair } from './repair.ts';
import { OCR_ENGINE_LSTM_ONLY, OCR_LANGUAGE, TESSERACT_PARAMETERS, tidyRecognisedText } from './settings.ts';

/** A file that is not an image we read, or that the image library cannot decode. */
export class ImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageError';
  }
}

export interface ScreenshotText {
  /** The recognised text, with misread codes repaired. */
  text: string;
  repairs: Repair[];
  /** What was done to the image before reading it. */
  plan: PreprocessingPlan;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
  /** Time to read the image (decoding, preparing, recognising), in milliseconds. */
  millis: number;
}

/** The type of a screenshot's bytes, or an ImageError when they are no image we read (checked before any OCR starts). */
export function screenshotType(image: Uint8Array): ImageType {
  const type = sniffImage(image.subarray(0, SNIFF_BYTES));
  if (!isReadableImage(type)) throw new ImageError(`not a screenshot we can read: ${unreadableImageReason(type)}`);
  return type;
}

/** A grey image from the 8-bit grey PNG that Tesseract writes of its input. */
function grayFromPng(dataUrl: string): GrayImage {
  const png = decode(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  if (png.channels !== 1 || png.depth !== 8) throw new ImageError(`unexpected grey image from the OCR engine (${png.channels} channels, ${png.depth} bits)`);
  return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length) };
}

/** The same bytes as a Buffer (no copy): what tesseract.js takes in Node. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export class ScreenshotReader {
  private readonly worker: Worker;

  private constructor(worker: Worker) {
    this.worker = worker;
  }

  /** Starts the OCR worker thread (about half a second: the core is compiled and the traineddata loaded). */
  static async start(): Promise<ScreenshotReader> {
    const worker = await createWorker(OCR_LANGUAGE, OCR_ENGINE_LSTM_ONLY, {
      langPath: traineddataFolder(),
      gzip: true,
      // Nothing is written beside the user's files: the traineddata is read from the package each time.
      cacheMethod: 'none',
      // The job's promise rejects with the error; without a handler tesseract.js would also throw it
      // outside any promise, and the process would die.
      errorHandler: () => {},
    });
    await worker.setParameters(TESSERACT_PARAMETERS as Partial<WorkerParams>);
    return new ScreenshotReader(worker);
  }

  /**
   * The text of a screenshot (PNG, JPEG or WebP, told by its bytes), with
   * codes repaired against `known` (`knownEntraCodes`). An ImageError when
   * the bytes are not such an image or cannot be decoded.
   */
  async read(image: Uint8Array, known: ReadonlySet<string>): Promise<ScreenshotText> {
    const type = screenshotType(image);
    const started = performance.now();
    let gray: GrayImage;
    try {
      const decoded = await this.worker.recognize(asBuffer(image), {}, { text: false, imageGrey: true });
      gray = grayFromPng(decoded.data.imageGrey!);
      if (gray.width * gray.height > PREPROCESSING.maxInputPixels) {
        throw new ImageError(
          `the image is ${gray.width.toLocaleString('en')} × ${gray.height.toLocaleString('en')} pixels, too large to read: crop it to the error message`,
        );
      }
    } catch (error) {
      if (error instanceof ImageError) throw error;
      throw new ImageError(`the ${type.toUpperCase()} image could not be decoded (${String(error)})`);
    }
    const plan = planPreprocessing(gray);
    const prepared = scaleGray(plan.invert ? invertGray(gray) : gray, plan.scale);
    const { data } = await this.worker.recognize(asBuffer(encodePgm(prepared)));
    const { text, repairs } = repairCodes(tidyRecognisedText(data.text), known);
    return { text, repairs, plan, confidence: data.confidence, millis: performance.now() - started };
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
