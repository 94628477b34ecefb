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
 * a character across chunks.
 */
import { close, open, read } from 'node:fs';
import { isatty } from 'node:tty';
import { CliError, EXIT } from './exit.ts';

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
 * The input's text, chunk by chunk (about 1 MB each). `file` is a path, or
 * "-"/undefined for standard input. An unreadable file is a CliError (exit 2).
 */
export async function* readText(file: string | undefined): AsyncGenerator<string> {
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
  const decoder = new TextDecoder('utf-8');
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
      const text = decoder.decode(buffer.subarray(0, bytes), { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    if (!stdin) close(fd, () => {});
  }
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
