/**
 * How a screenshot is prepared for OCR (src/ocr/preprocess.ts) and how its
 * type is told (src/ocr/image-type.ts), on synthetic images: dark themes are
 * inverted, small text is scaled up to the target line height (never past
 * the caps), table borders do not count as text lines, and files are told
 * apart by their bytes.
 */
import { describe, expect, it } from 'vitest';
import { isReadableImage, sniffImage, unreadableImageReason } from '../../src/ocr/image-type.ts';
import {
  backgroundOf,
  encodePgm,
  grayFromRgba,
  invertGray,
  planPreprocessing,
  PREPROCESSING,
  scaleGray,
  textLineHeight,
  type GrayImage,
} from '../../src/ocr/preprocess.ts';

/**
 * A page of "text": lines of ink `lineHeight` pixels tall (dashes, like words
 * with gaps), one line every `lineHeight * 2` pixels, on a plain background.
 */
function page(options: { width?: number; height?: number; lineHeight: number; background: number; ink: number; borders?: boolean }): GrayImage {
  const { width = 600, height = 300, lineHeight, background, ink } = options;
  const data = new Uint8Array(width * height).fill(background);
  for (let top = 10; top + lineHeight < height; top += lineHeight * 2) {
    for (let y = top; y < top + lineHeight; y++) {
      for (let x = 20; x < width - 20; x++) if (x % 9 < 6) data[y * width + x] = ink;
    }
  }
  if (options.borders) {
    // A table's vertical rules, top to bottom, and a horizontal rule one pixel high.
    for (let y = 0; y < height; y++) for (const x of [5, width / 2, width - 5]) data[y * width + x] = ink;
    for (let x = 0; x < width; x++) data[4 * width + x] = ink;
  }
  return { width, height, data };
}

describe('planPreprocessing', () => {
  it('leaves dark text on white as it is when its lines are tall enough', () => {
    const plan = planPreprocessing(page({ lineHeight: 32, background: 255, ink: 20 }));
    expect(plan).toMatchObject({ invert: false, scale: 1, background: 255, lineHeight: 32 });
  });

  it('inverts light text on a dark background (a dark theme, a PowerShell console)', () => {
    const dark = planPreprocessing(page({ lineHeight: 32, background: 30, ink: 230 }));
    expect(dark.invert).toBe(true);
    expect(dark.background).toBe(30);
    const blue = grayFromRgba(
      new Uint8Array(4 * 4).fill(0).map((_, index) => [0x01, 0x24, 0x56, 255][index % 4]!),
      2,
      2,
    );
    expect(backgroundOf(blue)).toBeLessThan(PREPROCESSING.darkBackground); // #012456, PowerShell's blue
  });

  it('scales small text up to the target line height', () => {
    const plan = planPreprocessing(page({ lineHeight: 10, background: 255, ink: 40 }));
    expect(plan.lineHeight).toBe(10);
    expect(plan.scale).toBeCloseTo(PREPROCESSING.targetLineHeight / 10, 2);
  });

  it('never scales by more than the largest factor, nor past the pixel budget', () => {
    expect(planPreprocessing(page({ lineHeight: 4, background: 255, ink: 0 })).scale).toBe(PREPROCESSING.maxScale);
    const wide = planPreprocessing(page({ width: 3000, height: 2000, lineHeight: 10, background: 255, ink: 0 }));
    expect(wide.scale).toBeGreaterThan(1);
    expect(3000 * 2000 * wide.scale ** 2).toBeLessThanOrEqual(PREPROCESSING.maxPixels * 1.01);
  });

  it('scales a large image down to the pixel budget, but never its text below the target height', () => {
    const bigText = planPreprocessing(page({ width: 5000, height: 4000, lineHeight: 80, background: 255, ink: 0 }));
    expect(bigText.scale).toBeLessThan(1);
    expect(5000 * 4000 * bigText.scale ** 2).toBeLessThanOrEqual(PREPROCESSING.maxPixels * 1.01);
    expect(planPreprocessing(page({ width: 5000, height: 4000, lineHeight: 12, background: 255, ink: 0 })).scale).toBe(1);
  });

  it('does not resample for a scale close to 1, nor without any text lines', () => {
    const target = PREPROCESSING.targetLineHeight;
    expect(planPreprocessing(page({ lineHeight: Math.round(target / 1.1), background: 255, ink: 0 })).scale).toBe(1);
    const blank = planPreprocessing({ width: 50, height: 50, data: new Uint8Array(2500).fill(255) });
    expect(blank).toEqual({ invert: false, scale: 1, background: 255 });
  });

  it('measures text lines, not the borders of a table around them', () => {
    const image = page({ lineHeight: 10, background: 250, ink: 30, borders: true });
    expect(textLineHeight(image, 250)).toBe(10);
  });
});

describe('pixels', () => {
  it('turns RGBA into grey with the OCR library’s weights, a transparent pixel into white', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 0, 0, 0, 0]);
    expect([...grayFromRgba(rgba, 4, 1).data]).toEqual([77, 128, 51, 255]);
  });

  it('inverts in place, scales smoothly (up and down), and writes a binary PGM', () => {
    const image: GrayImage = { width: 2, height: 1, data: new Uint8Array([0, 200]) };
    expect([...invertGray({ ...image, data: image.data.slice() }).data]).toEqual([255, 55]);
    const scaled = scaleGray(image, 2);
    expect([scaled.width, scaled.height]).toEqual([4, 2]);
    const row = [...scaled.data.subarray(0, 4)];
    expect(row[0]).toBe(0);
    expect(row).toEqual([...row].sort((a, b) => a - b)); // dark to light, with the edge in between
    expect(row[1]! > 0 && row[2]! < 255).toBe(true);
    expect([...scaled.data.subarray(4)]).toEqual(row); // both rows alike
    const flat = scaleGray({ width: 30, height: 20, data: new Uint8Array(600).fill(90) }, 0.5);
    expect([flat.width, flat.height, new Set(flat.data).size, flat.data[0]]).toEqual([15, 10, 1, 90]);
    expect(scaleGray(image, 1)).toBe(image);
    const pgm = encodePgm(image);
    expect(new TextDecoder().decode(pgm.subarray(0, 11))).toBe('P5\n2 1\n255\n');
    expect([...pgm.subarray(11)]).toEqual([0, 200]);
  });
});

describe('sniffImage', () => {
  const bytes = (...values: Array<number | string>) =>
    new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((char) => char.charCodeAt(0)) : [value])));

  it.each([
    ['png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF')],
    ['webp', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ')],
  ] as const)('reads %s by its bytes', (type, head) => {
    expect(sniffImage(head)).toBe(type);
    expect(isReadableImage(sniffImage(head))).toBe(true);
    expect(unreadableImageReason(sniffImage(head))).toBeUndefined();
  });

  it('names the images it does not read, and takes text for text', () => {
    expect(sniffImage(bytes('GIF89a', 1, 0))).toBe('gif');
    expect(sniffImage(bytes('BM', 0x36, 0, 0, 0, 0, 0, 0, 0))).toBe('bmp');
    expect(unreadableImageReason('gif')).toBe('it is a GIF image; save the screenshot as PNG, JPEG or WebP');
    expect(sniffImage(bytes('BMW reported AADSTS700082'))).toBeUndefined();
    expect(sniffImage(bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt '))).toBeUndefined();
    expect(sniffImage(bytes('AADSTS700082: The refresh token'))).toBeUndefined();
    expect(unreadableImageReason(undefined)).toBe('it is not a PNG, JPEG or WebP image');
  });
});
