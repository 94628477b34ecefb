/**
 * Screenshots on the command line: `kb triage shot.png`, and JSON Lines
 * tickets that name one in their `"image"` field. They are read here, in the
 * main thread, by OCR worker threads of their own (src/ocr/node-reader.ts:
 * the page's tesseract.js, core and traineddata, from node_modules); the text
 * read then goes to the triage like any ticket's text.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { screenshotNotice } from '../ocr/notice.ts';
import { ImageError, ScreenshotReader, screenshotType, type ScreenshotText } from '../ocr/node-reader.ts';
import { IMAGE_FIELD, type TicketImage } from './bulk/tickets.ts';
import { CliError, EXIT } from './exit.ts';
import type { Line } from './input.ts';
import { printable } from './terminal.ts';

/**
 * Up to `jobs` OCR workers, started on the first screenshot (each takes about
 * half a second to start and holds its model, some 100 MB), reading one
 * screenshot at a time each.
 */
export class ScreenshotReaders {
  private readonly jobs: number;
  private readonly known: ReadonlySet<string>;
  private readonly started: Array<Promise<ScreenshotReader>> = [];
  private readonly idle: ScreenshotReader[] = [];
  private readonly waiting: Array<(reader: ScreenshotReader) => void> = [];

  /** `known`: the knowledge base's Entra codes, for repairing misread ones (`knownEntraCodes`). */
  constructor(jobs: number, known: ReadonlySet<string>) {
    this.jobs = Math.max(1, jobs);
    this.known = known;
  }

  private async acquire(): Promise<ScreenshotReader> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.started.length >= this.jobs) return new Promise((resolve) => this.waiting.push(resolve));
    const starting = ScreenshotReader.start();
    this.started.push(starting);
    // One that fails to start is not counted: the next screenshot tries again (and fails as clearly).
    starting.catch(() => this.started.splice(this.started.indexOf(starting), 1));
    return starting;
  }

  private release(reader: ScreenshotReader): void {
    const next = this.waiting.shift();
    if (next) next(reader);
    else this.idle.push(reader);
  }

  /** The text of a screenshot's bytes; an ImageError when they are no image we read. */
  async read(bytes: Uint8Array): Promise<ScreenshotText> {
    screenshotType(bytes); // a file that is no image is refused before an OCR worker starts for it
    const reader = await this.acquire();
    try {
      return await reader.read(bytes, this.known);
    } finally {
      this.release(reader);
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.started.map((reader) =>
        reader.then(
          (started) => started.close(),
          () => {},
        ),
      ),
    );
  }
}

/** One screenshot (`kb triage shot.png`): its text, or a CliError (exit 2) when it is no image we can read. */
export async function readScreenshot(bytes: Uint8Array, name: string, known: ReadonlySet<string>): Promise<ScreenshotText> {
  const readers = new ScreenshotReaders(1, known);
  try {
    return await readers.read(bytes);
  } catch (error) {
    if (error instanceof ImageError) throw new CliError(`cannot read ${name}: ${error.message}`, EXIT.USAGE);
    throw error;
  } finally {
    await readers.close();
  }
}

/** A ticket's screenshot read, or the reason it could not be, for its output line. */
async function readTicketImage(value: unknown, folder: string, readers: ScreenshotReaders): Promise<TicketImage> {
  if (typeof value !== 'string' || value.trim() === '') return { error: `the "${IMAGE_FIELD}" field must be the path of a screenshot (PNG, JPEG or WebP)` };
  const path = isAbsolute(value) ? value : resolve(folder, value);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { error: `cannot read the image ${value}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  try {
    const { text, repairs } = await readers.read(bytes);
    return { text, repairs };
  } catch (error) {
    if (error instanceof ImageError) return { error: `cannot read the image ${value}: ${error.message}` };
    throw error;
  }
}

/**
 * The lines of a batch, each ticket that names a screenshot with its image
 * read (`line.image`), the rest as they were. Relative paths are read from
 * `folder` (the JSON Lines file's, or the working folder for standard input).
 * Lines that are not JSON objects are left for the triage to report.
 */
export async function withTicketImages(lines: Line[], folder: string, readers: ScreenshotReaders): Promise<Line[]> {
  return Promise.all(
    lines.map(async (line) => {
      if (line.tooLong || !line.text.includes(`"${IMAGE_FIELD}"`)) return line;
      let ticket: unknown;
      try {
        ticket = JSON.parse(line.text);
      } catch {
        return line;
      }
      if (typeof ticket !== 'object' || ticket === null || !Object.hasOwn(ticket, IMAGE_FIELD)) return line;
      return { ...line, image: await readTicketImage((ticket as Record<string, unknown>)[IMAGE_FIELD], folder, readers) };
    }),
  );
}

/** The readable report's preface for a screenshot: where the text came from, and (`showText`) the text itself. */
export function screenshotPreface(name: string, read: ScreenshotText, showText: boolean): string {
  const lines = [screenshotNotice(read.repairs, name)];
  if (showText) {
    lines.push('', `Text read from ${name}:`);
    lines.push(...(read.text ? read.text.split('\n').map((line) => (line ? `  ${line}` : '')) : ['  (no text found)']));
  }
  lines.push('');
  return `${lines.map(printable).join('\n')}\n`;
}
