/**
 * Reading what kb triages: a file, or standard input from a pipe, a file
 * redirect or a terminal, always with blocking reads in constant memory.
 *
 * Why not `process.stdin` or `readFileSync(0)`: merely touching
 * `process.stdin` (even `process.stdin.isTTY`) switches a piped standard
 * input to non-blocking mode, after which `readFileSync(0)` fails with EAGAIN
 * whenever the writer is slower than the reader (`pbpaste | kb triage -`
 * worked by luck). Here standard input is file descriptor 0 read with
 * `fs.read` (blocking, on libuv's thread pool); `tty.isatty(0)` decides
 * whether to prompt. A descriptor that a parent process left non-blocking
 * still works: EAGAIN is waited out and the read tried again.
 *
 * Text is decoded as UTF-8 by a streaming decoder, which drops a leading
 * byte order mark (Windows editors and exports write one) and never splits
 * a character across chunks. `kb triage` also takes a screenshot, told from
 * text by its first bytes (`openInput`).
 */
import { close, open, read } from 'node:fs';
import { isatty } from 'node:tty';
import { isReadableImage, sniffImage, SNIFF_BYTES, unreadableImageReason, type ImageType } from '../ocr/image-type.ts';
import { CliError, EXIT } from './exit.ts';
import type { TicketImage } from './bulk/tickets.ts';

const CHUNK_BYTES = 1 << 18;
const EAGAIN_WAIT_MS = 5;

function openFile(path: string): Promise<number> {
  return new Promise((resolve, reject) => open(path, 'r', (error, fd) => (error ? reject(error) : resolve(fd))));
}

function readOnce(fd: number, buffer: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    read(fd, buffer, 0, buffer.length, null, (error, bytes) => (error ? reject(error) : resolve(bytes)));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBlocking(fd: number, buffer: Buffer): Promise<number> {
  for (;;) {
    try {
      return await readOnce(fd, buffer);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await pause(EAGAIN_WAIT_MS);
    }
  }
}

/** Where the input comes from, as shown in messages. */
export function inputName(file: string | undefined): string {
  return file === undefined || file === '-' ? 'standard input' : file;
}

/**
 * The input's bytes, chunk by chunk (about 256 KB each). `file` is a path, or
 * "-"/undefined for standard input. An unreadable file is a CliError (exit 2).
 * Each chunk is valid only until the next is asked for (one buffer is reused).
 */
async function* readChunks(file: string | undefined): AsyncGenerator<Buffer> {
  const stdin = file === undefined || file === '-';
  let fd: number;
  if (stdin) {
    fd = 0;
    if (isatty(0)) process.stderr.write('Paste the error, then press Ctrl-D (Ctrl-Z then Enter on Windows).\n');
  } else {
    try {
      fd = await openFile(file);
    } catch (error) {
      throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT.USAGE);
    }
  }
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    for (;;) {
      let bytes: number;
      try {
        bytes = await readBlocking(fd, buffer);
      } catch (error) {
        throw new CliError(`cannot read ${inputName(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT.USAGE);
      }
      if (bytes === 0) break;
      yield buffer.subarray(0, bytes);
    }
  } finally {
    if (!stdin) close(fd, () => {});
  }
}

/** Bytes decoded as UTF-8 text, chunk by chunk, after the chunk `first` (if any) was read already. */
async function* decodeText(chunks: AsyncIterator<Buffer>, first?: Buffer): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  if (first) {
    const text = decoder.decode(first, { stream: true });
    if (text) yield text;
  }
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    const text = decoder.decode(next.value, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The input's text, chunk by chunk. `file` is a path, or "-"/undefined for
 * standard input. An unreadable file is a CliError (exit 2).
 */
export function readText(file: string | undefined): AsyncGenerator<string> {
  return decodeText(readChunks(file));
}

/** The largest image read: a screenshot is a few megabytes at most. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** An input opened: a screenshot (its bytes, whole), or text to read chunk by chunk. */
export type Input = { kind: 'image'; type: ImageType; bytes: Buffer } | { kind: 'text'; chunks: AsyncGenerator<string> };

/**
 * Opens the input and tells by its first bytes whether it is a PNG, JPEG or
 * WebP screenshot (read whole, up to MAX_IMAGE_BYTES) or text (read as
 * `readText` does). The file's name does not count: `error.txt` holding a
 * PNG is an image.
 */
export async function openInput(file: string | undefined): Promise<Input> {
  const chunks = readChunks(file);
  // A pipe may deliver the first bytes a few at a time: gather enough to tell.
  const head: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(Buffer.from(next.value));
    size += next.value.length;
  }
  const start = Buffer.concat(head);
  const type = sniffImage(start.subarray(0, SNIFF_BYTES));
  if (type === undefined) return { kind: 'text', chunks: decodeText(chunks, start) };
  if (!isReadableImage(type)) {
    await chunks.return(undefined);
    throw new CliError(`cannot read ${inputName(file)}: ${unreadableImageReason(type)}`, EXIT.USAGE);
  }
  const parts = [start];
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    size += next.value.length;
    if (size > MAX_IMAGE_BYTES) {
      await chunks.return(undefined);
      throw new CliError(
        `${inputName(file)} is a ${type.toUpperCase()} image of more than ${MAX_IMAGE_BYTES / 1024 / 1024} MB; crop the screenshot to the error message`,
        EXIT.USAGE,
      );
    }
    parts.push(Buffer.from(next.value));
  }
  return { kind: 'image', type, bytes: Buffer.concat(parts) };
}

/** One line of the input. */
export interface Line {
  /** 1-based line number in the input. */
  number: number;
  /** The line without its end (`\n` or `\r\n`); empty when `tooLong`. */
  text: string;
  /** The line had more than the allowed characters and was not kept (its length is `length`). */
  tooLong: boolean;
  length: number;
  /** A JSON Lines ticket's screenshot (its `"image"` field), once read (src/cli/screenshots.ts). */
  image?: TicketImage;
}

/**
 * The input's lines, a batch at a time, in constant memory: a line longer
 * than `maxChars` is not kept but reported as `tooLong`, so one runaway line
 * cannot exhaust memory.
 */
export async function* readLines(chunks: AsyncIterable<string>, maxChars: number): AsyncGenerator<Line[]> {
  let pending = '';
  let number = 0;
  let discarding = -1; // ≥ 0: inside an over-long line, this many characters seen so far
  const finish = (text: string): Line => {
    number++;
    const body = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (discarding >= 0) {
      const line = { number, text: '', tooLong: true, length: discarding + body.length };
      discarding = -1;
      return line;
    }
    return body.length > maxChars ? { number, text: '', tooLong: true, length: body.length } : { number, text: body, tooLong: false, length: body.length };
  };
  for await (const chunk of chunks) {
    const batch: Line[] = [];
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, end);
      batch.push(finish(pending ? pending + piece : piece));
      pending = '';
      start = end + 1;
    }
    const tail = chunk.slice(start);
    if (discarding >= 0) discarding += tail.length;
    else if (pending.length + tail.length > maxChars) {
      discarding = pending.length + tail.length;
      pending = '';
    } else pending += tail;
    if (batch.length > 0) yield batch;
  }
  if (pending || discarding >= 0) yield [finish(pending)];
}
