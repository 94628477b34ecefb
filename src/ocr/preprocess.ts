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
  /** Nor past this many pixels in all (a larger image is scaled down to it, as far as its lines stay at the target height): reading time grows with the pixel count. */
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
  const { data } = image;
  const histogram = new Uint32Array(256);
  for (let index = 0; index < data.length; index++) histogram[data[index]!]!++;
  let best = 0;
  let bestCount = -1;
  for (let bucket = 0; bucket < 32; bucket++) {
    let count = 0;
    for (let value = bucket * 8; value < bucket * 8 + 8; value++) count += histogram[value]!;
    if (count > bestCount) [best, bestCount] = [bucket, count];
  }
  let mode = best * 8;
  for (let value = mode + 1; value < best * 8 + 8; value++) if (histogram[value]! > histogram[mode]!) mode = value;
  return mode;
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
  // One pass marks the ink and counts it per column; columns inked almost top to bottom are then unmarked.
  const ink = new Uint8Array(data.length);
  const columnInk = new Uint32Array(width);
  for (let index = 0; index < data.length; index++) {
    const value = data[index]!;
    if (value - background >= inkContrast || background - value >= inkContrast) {
      ink[index] = 1;
      columnInk[index % width]!++;
    }
  }
  const rule = new Uint8Array(width);
  for (let x = 0; x < width; x++) rule[x] = columnInk[x]! >= ruleColumnShare * height ? 1 : 0;
  const heights: number[] = [];
  for (let left = 0; left < width; left += stripWidth) {
    const right = Math.min(width, left + stripWidth);
    let run = 0;
    for (let y = 0; y <= height; y++) {
      let inked = false;
      if (y < height) {
        for (let x = left, at = y * width + left; x < right; x++, at++) {
          if (ink[at] === 1 && rule[x] === 0) {
            inked = true;
            break;
          }
        }
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
  const wanted = lineHeight === undefined ? 1 : targetLineHeight / lineHeight;
  const affordable = Math.sqrt(maxPixels / Math.max(1, image.width * image.height));
  let scale = Math.min(Math.max(wanted, 1), maxScale, affordable);
  // A large image shrinks to the budget, but never so far that its text lines fall below the target.
  if (scale < 1) scale = Math.max(scale, Math.min(1, wanted));
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

/** Catmull-Rom cubic: sharp edges without ringing enough to invent strokes (bilinear blurs small glyphs into each other). */
function cubic(distance: number): number {
  const x = Math.abs(distance);
  if (x < 1) return 1.5 * x ** 3 - 2.5 * x ** 2 + 1;
  if (x < 2) return -0.5 * x ** 3 + 2.5 * x ** 2 - 4 * x + 2;
  return 0;
}

/** For each output position along one axis: the first source index and the normalised weights of the sources from there. */
function resamplingWeights(sourceSize: number, size: number): Array<{ first: number; weights: Float32Array }> {
  const ratio = sourceSize / size;
  // Shrinking widens the kernel, so that every source pixel counts (no aliasing).
  const stretch = Math.max(1, ratio);
  const support = 2 * stretch;
  return Array.from({ length: size }, (_, index) => {
    const centre = (index + 0.5) * ratio - 0.5;
    const first = Math.max(0, Math.ceil(centre - support));
    const last = Math.min(sourceSize - 1, Math.floor(centre + support));
    const weights = new Float32Array(last - first + 1);
    let total = 0;
    for (let source = first; source <= last; source++) total += weights[source - first] = cubic((source - centre) / stretch);
    for (let at = 0; at < weights.length; at++) weights[at]! /= total;
    return { first, weights };
  });
}

/** The image scaled by `scale` (bicubic, one axis then the other); the page lets its canvas do this. */
export function scaleGray(image: GrayImage, scale: number): GrayImage {
  if (scale === 1) return image;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const across = resamplingWeights(image.width, width);
  const down = resamplingWeights(image.height, height);
  const rows = new Float32Array(image.height * width);
  for (let y = 0; y < image.height; y++) {
    const row = y * image.width;
    for (let x = 0; x < width; x++) {
      const { first, weights } = across[x]!;
      let value = 0;
      for (let at = 0; at < weights.length; at++) value += weights[at]! * image.data[row + first + at]!;
      rows[y * width + x] = value;
    }
  }
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const { first, weights } = down[y]!;
    for (let x = 0; x < width; x++) {
      let value = 0;
      for (let at = 0; at < weights.length; at++) value += weights[at]! * rows[(first + at) * width + x]!;
      data[y * width + x] = value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
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
