/**
 * A screenshot file made ready for OCR in the browser: its type checked by its
 * bytes, decoded by the browser, turned grey and inverted by the shared
 * policy (src/ocr/preprocess.ts), scaled by a canvas, and handed over as a
 * plain grey image (PGM) that Tesseract reads without any codec. The image
 * stays in this page: nothing here makes a request.
 */
import { isReadableImage, sniffImage, SNIFF_BYTES, unreadableImageReason } from '../../../ocr/image-type.ts';
import { encodePgm, grayFromRgba, invertGray, planPreprocessing, PREPROCESSING, type GrayImage, type PreprocessingPlan } from '../../../ocr/preprocess.ts';

/** A file that cannot be read as a screenshot; the message is for the user. */
export class ScreenshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScreenshotError';
  }
}

export interface PreparedScreenshot {
  pgm: Uint8Array<ArrayBuffer>;
  plan: PreprocessingPlan;
  width: number;
  height: number;
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function context(width: number, height: number): Canvas2D {
  const canvas =
    typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
  const drawing = canvas.getContext('2d', { willReadFrequently: true }) as Canvas2D | null;
  if (!drawing) throw new ScreenshotError('This browser cannot draw the image to read it.');
  return drawing;
}

/** The grey image drawn as opaque RGBA pixels, for a canvas to scale. */
function rgbaOf(image: GrayImage): ImageData {
  const pixels = new ImageData(image.width, image.height);
  for (let pixel = 0, at = 0; pixel < image.data.length; pixel++, at += 4) {
    pixels.data[at] = pixels.data[at + 1] = pixels.data[at + 2] = image.data[pixel]!;
    pixels.data[at + 3] = 255;
  }
  return pixels;
}

/** One channel of an opaque grey canvas's pixels. */
function grayOf(pixels: ImageData): GrayImage {
  const data = new Uint8Array(pixels.width * pixels.height);
  for (let pixel = 0, at = 0; pixel < data.length; pixel++, at += 4) data[pixel] = pixels.data[at]!;
  return { width: pixels.width, height: pixels.height, data };
}

export async function prepareScreenshot(file: Blob): Promise<PreparedScreenshot> {
  const type = sniffImage(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (!isReadableImage(type)) throw new ScreenshotError(`This file cannot be read as a screenshot: ${unreadableImageReason(type)}.`);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ScreenshotError(`This ${type.toUpperCase()} image could not be opened: the file may be damaged or cut short.`);
  }
  const { width, height } = bitmap;
  if (width * height > PREPROCESSING.maxInputPixels) {
    bitmap.close();
    throw new ScreenshotError(
      `This image is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels, too large to read here: crop it to the error message.`,
    );
  }
  const original = context(width, height);
  original.drawImage(bitmap, 0, 0);
  bitmap.close();
  const gray = grayFromRgba(original.getImageData(0, 0, width, height).data, width, height);
  const plan = planPreprocessing(gray);
  if (plan.invert) invertGray(gray);
  if (plan.scale === 1) return { pgm: encodePgm(gray), plan, width, height };
  original.putImageData(rgbaOf(gray), 0, 0);
  const scaledWidth = Math.round(width * plan.scale);
  const scaledHeight = Math.round(height * plan.scale);
  const scaled = context(scaledWidth, scaledHeight);
  scaled.imageSmoothingEnabled = true;
  scaled.imageSmoothingQuality = 'high';
  scaled.drawImage(original.canvas, 0, 0, scaledWidth, scaledHeight);
  return { pgm: encodePgm(grayOf(scaled.getImageData(0, 0, scaledWidth, scaledHeight))), plan, width, height };
}
