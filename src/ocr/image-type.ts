/**
 * Which kind of image a file is, from its first bytes (never from its name or
 * a browser's guess): a screenshot saved as `error.txt` is still a PNG, and a
 * text file named `shot.png` is not one. The page and the CLI read PNG, JPEG
 * and WebP; other formats are named, so the message can say what to do.
 */

export type ImageType = 'png' | 'jpeg' | 'webp';

/** Bytes needed to tell the formats apart. */
export const SNIFF_BYTES = 16;

const SIGNATURES: ReadonlyArray<{ type: ImageType | 'gif' | 'bmp' | 'tiff' | 'heic'; at: number; bytes: readonly number[] }> = [
  { type: 'png', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'jpeg', at: 0, bytes: [0xff, 0xd8, 0xff] },
  // "RIFF" then the size, then "WEBP".
  { type: 'webp', at: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  // "GIF87a" or "GIF89a".
  { type: 'gif', at: 0, bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] },
  { type: 'gif', at: 0, bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] },
  // "BM", the file size, then four reserved zero bytes (so a text starting "BMW" is not a bitmap).
  { type: 'bmp', at: 0, bytes: [0x42, 0x4d] },
  { type: 'tiff', at: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'tiff', at: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  // An ISO media file ("ftyp") of the HEIF family, as iPhones save photos and screenshots.
  { type: 'heic', at: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
];

const RIFF = [0x52, 0x49, 0x46, 0x46];

const startsWith = (head: Uint8Array, at: number, bytes: readonly number[]) => bytes.every((byte, index) => head[at + index] === byte);

/**
 * The image type of a file from its first bytes: a type we read, the name of
 * one we do not (`gif`, `bmp`, `tiff`, `heic`), or undefined when it is no
 * image we recognise.
 */
export function sniffImage(head: Uint8Array): ImageType | 'gif' | 'bmp' | 'tiff' | 'heic' | undefined {
  for (const signature of SIGNATURES) {
    if (signature.type === 'webp' && !startsWith(head, 0, RIFF)) continue;
    if (signature.type === 'bmp' && !startsWith(head, 6, [0, 0, 0, 0])) continue;
    if (startsWith(head, signature.at, signature.bytes)) return signature.type;
  }
  return undefined;
}

export function isReadableImage(type: ReturnType<typeof sniffImage>): type is ImageType {
  return type === 'png' || type === 'jpeg' || type === 'webp';
}

/**
 * Why a file cannot be read as a screenshot, in words for the page and the
 * CLI, or undefined when it can.
 */
export function unreadableImageReason(type: ReturnType<typeof sniffImage>): string | undefined {
  if (isReadableImage(type)) return undefined;
  if (type === undefined) return 'it is not a PNG, JPEG or WebP image';
  return `it is a ${type.toUpperCase()} image; save the screenshot as PNG, JPEG or WebP`;
}
