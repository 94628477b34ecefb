/**
 * The records of a JSON audit-log export, found without JSON.parse (a
 * multi-megabyte export must not be parsed whole, and one over the engine's
 * limit arrives in pieces). The shapes exports come in:
 *
 *   [ {run}, {run}, … ]                              an array of runs
 *   { "value": [ {run}, … ], "@odata.nextLink": … }  an object wrapping one (its first array value)
 *   { "runs": { "r1": {run}, "r2": {run}, … } }      runs keyed by id, under the first key
 *   { "r1": {run}, "r2": {run}, … }                  runs keyed by id
 *
 * `jsonLayout` decides from the start of the text which container holds the
 * records and at which depth; `JsonRecordScanner` then reads the text, all at
 * once or chunk by chunk, and yields each record's [start, end) offsets.
 * Both honour strings and escapes and keep their state between chunks, so a
 * record split across two chunks is found whole. Linear: each character is
 * looked at once.
 */

/** Where the records are: the children of the container opened at `depth` (1 = the top level). */
export interface JsonLayout {
  /** Depth of the containers' children: 1 for the top level's children, 2 for the children of one of them. */
  depth: 1 | 2;
  /** At depth 2, which child of the top level holds the records (0-based, in order). */
  child: number;
  /** Children that are strings count as records too (a top-level array of messages). */
  strings: boolean;
}

interface Frame {
  kind: 'array' | 'object';
  /** In an object: waiting for a key, for the colon after it, or for the value. */
  state: 'key' | 'colon' | 'value';
  /** Children opened so far (values only, not keys). */
  children: number;
}

/** A record found: [start, end) in the text scanned (offsets count every character pushed). */
export type RecordOffsets = [number, number];

const isSpace = (ch: number) => ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09;

/**
 * Reads JSON text, in one piece or many, and reports the records of a
 * layout. Records are children at `layout.depth` of the chosen container;
 * anything else (keys, other values, the wrapping) is passed over.
 */
export class JsonRecordScanner {
  private readonly layout: JsonLayout;
  private readonly stack: Frame[] = [];
  private inString = false;
  private escaped = false;
  /** Inside a number, true, false or null. */
  private inScalar = false;
  /** Offset of the next character to be pushed. */
  private offset = 0;
  /** The record being read: where it started, and the last non-space character in it. */
  private recordStart = -1;
  private lastSolid = -1;
  /** Which child of the top level we are in (for depth-2 layouts). */
  private topChild = -1;
  /** Set when the text stops being the shape the layout expects (a record that is not an object). */
  broken = false;
  /** The top-level value has closed. */
  done = false;

  constructor(layout: JsonLayout) {
    this.layout = layout;
  }

  /** Reads `text` (the next piece of the input) and returns the records it completed. */
  push(text: string): RecordOffsets[] {
    const found: RecordOffsets[] = [];
    for (let i = 0; i < text.length; i++) {
      const at = this.offset + i;
      const ch = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 0x5c /* \ */) this.escaped = true;
        else if (ch === 0x22 /* " */) this.inString = false;
        this.lastSolid = at;
        continue;
      }
      const structural = ch === 0x2c || ch === 0x3a || ch === 0x7b || ch === 0x7d || ch === 0x5b || ch === 0x5d || ch === 0x22;
      if (isSpace(ch) || structural) this.inScalar = false;
      if (isSpace(ch)) continue;
      if (this.done) {
        this.broken = true; // text after the top-level value: not one JSON document
        continue;
      }
      const frame = this.stack[this.stack.length - 1];
      const atRecordLevel = this.atRecordLevel();
      const valueStarts =
        frame !== undefined &&
        !this.inScalar &&
        ch !== 0x2c &&
        ch !== 0x3a &&
        ch !== 0x5d &&
        ch !== 0x7d &&
        (frame.kind === 'array' || frame.state === 'value');
      if (valueStarts) {
        if (atRecordLevel && this.recordStart < 0) {
          const record = ch === 0x7b /* { */ || (ch === 0x22 && this.layout.strings && frame.kind === 'array');
          if (!record) this.broken = true;
          this.recordStart = at;
        }
        if (this.stack.length === 1) this.topChild = frame.children;
        frame.children++;
        if (frame.kind === 'object') frame.state = 'key';
      }
      switch (ch) {
        case 0x22: // "
          this.inString = true;
          if (!valueStarts && frame?.kind === 'object' && frame.state === 'key') frame.state = 'colon'; // a key
          break;
        case 0x3a: // :
          if (frame?.kind === 'object' && frame.state === 'colon') frame.state = 'value';
          break;
        case 0x7b: // {
        case 0x5b: // [
          this.stack.push({ kind: ch === 0x7b ? 'object' : 'array', state: 'key', children: 0 });
          break;
        case 0x7d: // }
        case 0x5d: // ]
          this.stack.pop();
          if (this.stack.length === 0) this.done = true;
          if (atRecordLevel && this.recordStart >= 0) {
            // The container of the records closed: its last record ends at its last solid character.
            found.push([this.recordStart, this.lastSolid + 1]);
            this.recordStart = -1;
          }
          break;
        case 0x2c: // ,
          if (atRecordLevel && this.recordStart >= 0) {
            found.push([this.recordStart, this.lastSolid + 1]);
            this.recordStart = -1;
          }
          break;
        default:
          this.inScalar = true; // a number, true, false or null
      }
      this.lastSolid = at;
    }
    this.offset += text.length;
    return found;
  }

  /** Are we directly inside the container whose children are the records? */
  private atRecordLevel(): boolean {
    if (this.stack.length !== this.layout.depth) return false;
    return this.layout.depth === 1 || this.topChild === this.layout.child;
  }
}

/** How much of an export's start `jsonLayout` looks at to tell its shape. */
export const LAYOUT_PROBE_CHARS = 256 * 1024;

/**
 * The layout of a JSON export from its start (`complete`: the text is the
 * whole input, so "at least two records" can be checked to the end), or null
 * when the text is not such an export: a single message's JSON body
 * (`{"error": …, "error_description": …}`), an array of numbers, plain text.
 */
export function jsonLayout(text: string): JsonLayout | null {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const opener = text[i];
  if (opener !== '[' && opener !== '{') return null;
  const probe = text.slice(i, i + LAYOUT_PROBE_CHARS);
  const candidates: JsonLayout[] =
    opener === '['
      ? [{ depth: 1, child: 0, strings: true }]
      : [
          ...firstChildren(probe, (value) => value === '['),
          { depth: 1, child: 0, strings: false },
          ...firstChildren(probe, (value) => value === '{').slice(0, 1),
        ];
  for (const layout of candidates) {
    const scanner = new JsonRecordScanner(layout);
    const records = scanner.push(probe);
    // Two records, or one record and the probe cut before the container closed.
    if (!scanner.broken && (records.length >= 2 || (records.length === 1 && probe.length < text.length - i))) return layout;
  }
  return null;
}

/** Depth-2 layouts for the top object's children whose value starts as `accepts` says, in order. */
function firstChildren(probe: string, accepts: (value: string) => boolean): JsonLayout[] {
  const layouts: JsonLayout[] = [];
  let depth = 0;
  let inString = false;
  let child = -1;
  let afterColon = false;
  for (let i = 0; i < probe.length; i++) {
    const ch = probe[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (depth === 1 && afterColon) {
      child++;
      afterColon = false;
      if (accepts(ch)) layouts.push({ depth: 2, child, strings: false });
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (ch === ':' && depth === 1) afterColon = true;
    if (depth === 0 && i > 0) break;
  }
  return layouts;
}

/**
 * The records of a whole JSON export, or null when the text is not one (fewer
 * than two records, or a record that is not an object).
 */
export function jsonRecords(text: string): RecordOffsets[] | null {
  const layout = jsonLayout(text);
  if (!layout) return null;
  const scanner = new JsonRecordScanner(layout);
  const records = scanner.push(text);
  return !scanner.broken && scanner.done && records.length >= 2 ? records : null;
}
