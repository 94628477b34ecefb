/**
 * How a screenshot is prepared before OCR, as a policy on grey pixels that the
 * page and the CLI share (no DOM, no image library): Tesseract reads dark text
 * on a light background, at a comfortable size. A screenshot of a dark theme
 * or a PowerShell console is inverted; small UI text (an 11 px font, a 75%
 * zoom) is scaled up until its lines are tall enough to read.
 *
 * The page decodes the image and scales it with a canvas; the CLI lets
 * Tesseract's own image library decode it and scales with `scaleGray` below.
 * Both make the same decisions from the same grey pixels (`planPreprocessing`).
 */

/** An 8-bit grey image, one byte per pixel, row by row. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The thresholds of the policy, each with what it trades off. */
export const PREPROCESSING = Object.freeze({
  /** Background luminance below which the image is a dark theme and is inverted. Mid-grey: either way is a guess. */
  darkBackground: 128,
  /** Difference from the background for a pixel to count as ink (text, rules, icons). Lower and anti-aliasing halos count; higher and pale text is lost. */
  inkContrast: 64,
  /** Text lines are scaled up until they are about this tall (pixels, ascenders to descenders): Tesseract misreads lines much smaller than this. */
  targetLineHeight: 30,
  /** Never scale by more than this: beyond it, nothing more is gained and time grows with the square. */
  maxScale: 4,
  /** Nor past this many pixels in all (a larger image is scaled down to it): reading time grows with the pixel count. */
  maxPixels: 12_000_000,
  /** A scale this close to 1 (within this factor) is not worth the resampling. */
  minScale: 1.2,
  /** Images larger than this are refused with a message: their pixels alone would take 160 MB. */
  maxInputPixels: 40_000_000,
  /** Width of the vertical strips in which text lines are measured: columns of a table have lines of their own. */
  stripWidth: 160,
  /** A column that is ink in this share of rows is a border or a scroll bar, not text: it is left out of the line measure. */
  ruleColumnShare: 0.6,
  /** Runs of inked rows shorter than this are table rules and underlines; taller than this, blocks and pictures. */
  minLineHeight: 4,
  maxLineHeight: 160,
});

/** Luminance weights of Tesseract's image library (Leptonica), so the page and the CLI see the same grey. */
const RED = 0.3;
const GREEN = 0.5;
const BLUE = 0.2;

/** Grey from RGBA pixels (a canvas's ImageData), composited over white: a transparent edge reads as paper, not ink. */
export function grayFromRgba(rgba: ArrayLike<number>, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let pixel = 0, at = 0; pixel < data.length; pixel++, at += 4) {
    const alpha = rgba[at + 3]! / 255;
    const luminance = RED * rgba[at]! + GREEN * rgba[at + 1]! + BLUE * rgba[at + 2]!;
    data[pixel] = Math.round(luminance * alpha + 255 * (1 - alpha));
  }
  return { width, height, data };
}

/** The background's luminance: the most common grey (in buckets of 8, so anti-aliasing and gradients do not split it). */
export function backgroundOf(image: GrayImage): number {
  const buckets = new Uint32Array(32);
  for (const value of image.data) buckets[value >> 3]!++;
  let best = 0;
  for (let bucket = 1; bucket < buckets.length; bucket++) if (buckets[bucket]! > buckets[best]!) best = bucket;
  const exact = new Uint32Array(8);
  for (const value of image.data) if (value >> 3 === best) exact[value & 7]!++;
  let offset = 0;
  for (let index = 1; index < 8; index++) if (exact[index]! > exact[offset]!) offset = index;
  return (best << 3) + offset;
}

/**
 * The typical height of a text line (ink from ascenders to descenders), or
 * undefined when no text-like lines are found. Measured in vertical strips so
 * that table columns and a sidebar do not merge their lines; columns inked
 * almost top to bottom (borders, scroll bars) are left out.
 */
export function textLineHeight(image: GrayImage, background: number): number | undefined {
  const { width, height, data } = image;
  const { inkContrast, stripWidth, ruleColumnShare, minLineHeight, maxLineHeight } = PREPROCESSING;
  const isInk = (value: number) => Math.abs(value - background) >= inkContrast;
  const columnInk = new Uint32Array(width);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) if (isInk(data[row + x]!)) columnInk[x]!++;
  }
  const heights: number[] = [];
  for (let left = 0; left < width; left += stripWidth) {
    const right = Math.min(width, left + stripWidth);
    let run = 0;
    for (let y = 0; y <= height; y++) {
      let inked = false;
      if (y < height) {
        const row = y * width;
        for (let x = left; x < right && !inked; x++) inked = columnInk[x]! < ruleColumnShare * height && isInk(data[row + x]!);
      }
      if (inked) {
        run++;
      } else {
        if (run >= minLineHeight && run <= maxLineHeight) heights.push(run);
        run = 0;
      }
    }
  }
  if (heights.length === 0) return undefined;
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)]!;
}

export interface PreprocessingPlan {
  /** Light text on a dark background: turn it into dark on light. */
  invert: boolean;
  /** Factor to scale the image by (1: as it is). */
  scale: number;
  background: number;
  lineHeight?: number;
}

/** What to do to this screenshot before reading it. */
export function planPreprocessing(image: GrayImage): PreprocessingPlan {
  const { darkBackground, targetLineHeight, maxScale, maxPixels, minScale } = PREPROCESSING;
  const background = backgroundOf(image);
  const lineHeight = textLineHeight(image, background);
  const wanted = lineHeight === undefined ? 1 : Math.max(1, targetLineHeight / lineHeight);
  const affordable = Math.sqrt(maxPixels / Math.max(1, image.width * image.height));
  const scale = Math.min(wanted, maxScale, affordable);
  return {
    invert: background < darkBackground,
    scale: scale >= minScale || scale <= 1 / minScale ? Math.round(scale * 100) / 100 : 1,
    background,
    ...(lineHeight === undefined ? {} : { lineHeight }),
  };
}

/** The image with dark and light swapped, in place. */
export function invertGray(image: GrayImage): GrayImage {
  const { data } = image;
  for (let index = 0; index < data.length; index++) data[index] = 255 - data[index]!;
  return image;
}

/** The image scaled by `scale` with bilinear interpolation (the page lets its canvas do this). */
export function scaleGray(image: GrayImage, scale: number): GrayImage {
  if (scale === 1) return image;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const data = new Uint8Array(width * height);
  const source = image.data;
  const maxX = image.width - 1;
  const maxY = image.height - 1;
  for (let y = 0; y < height; y++) {
    const sourceY = Math.min(maxY, Math.max(0, (y + 0.5) / scale - 0.5));
    const top = Math.floor(sourceY);
    const bottom = Math.min(maxY, top + 1);
    const down = sourceY - top;
    for (let x = 0; x < width; x++) {
      const sourceX = Math.min(maxX, Math.max(0, (x + 0.5) / scale - 0.5));
      const left = Math.floor(sourceX);
      const right = Math.min(maxX, left + 1);
      const across = sourceX - left;
      const upper = source[top * image.width + left]! * (1 - across) + source[top * image.width + right]! * across;
      const lower = source[bottom * image.width + left]! * (1 - across) + source[bottom * image.width + right]! * across;
      data[y * width + x] = Math.round(upper * (1 - down) + lower * down);
    }
  }
  return { width, height, data };
}

/** The image as a binary PGM file (P5), which Tesseract's image library reads without any codec. */
export function encodePgm(image: GrayImage): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const file = new Uint8Array(header.length + image.data.length);
  file.set(header);
  file.set(image.data, header.length);
  return file;
}
