/**
 * Normalisation: turn a raw paste into comparable text while remembering, for
 * every character produced, where it came from in the paste. The offset map is
 * what lets evidence be highlighted in the user's own text later.
 *
 * One linear pass, no regular expressions over the whole input:
 * - HTML entities (`&nbsp;`, `&#39;`, `&quot;` …) are decoded;
 * - JSON and backslash escapes (`\r\n`, `\"`, `\u00e9`, and the same escaped
 *   twice, `\\r\\n`) are decoded;
 * - invisible and direction-override characters and control bytes are dropped;
 * - Unicode is NFKC-folded and lower-cased;
 * - every run of white space (console line wraps included) becomes one space.
 */
export interface NormalisedText {
  /** Lower-cased, decoded text with single spaces. */
  text: string;
  /** `map[i]` is the offset in the original paste of `text[i]`; one extra entry marks the end. */
  map: Int32Array;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
  ndash: '-',
  mdash: '-',
  hellip: '...',
  colon: ':',
  sol: '/',
  bsol: '\\',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lcub: '{',
  rcub: '}',
  comma: ',',
  period: '.',
  semi: ';',
  equals: '=',
  num: '#',
  excl: '!',
  quest: '?',
  apos39: "'",
};

/** Zero-width, bidi-override and BOM characters: invisible, so never evidence. */
function isInvisible(code: number): boolean {
  return (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2069) || code === 0xfeff || code === 0x00ad;
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x1680
  );
}

/** Decodes an entity starting at `start` (which holds `&`); returns [decoded, length] or null. */
function decodeEntity(input: string, start: number): [string, number] | null {
  // Look no further than an entity can be long: an unbounded search from every
  // `&` would make a paste of many `&` without `;` quadratic.
  const end = input.slice(start + 1, start + 13).indexOf(';') + start + 1;
  if (end <= start) return null;
  const body = input.slice(start + 1, end);
  let decoded: string | undefined;
  if (body.startsWith('#x') || body.startsWith('#X')) {
    const value = Number.parseInt(body.slice(2), 16);
    decoded = Number.isFinite(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
  } else if (body.startsWith('#')) {
    const value = Number.parseInt(body.slice(1), 10);
    decoded = Number.isFinite(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
  } else {
    decoded = NAMED_ENTITIES[body.toLowerCase()];
  }
  return decoded === undefined ? null : [decoded, end - start + 1];
}

/**
 * Decodes a run of backslashes followed by an escape letter (`\n`, `\\n`,
 * `\\\"` …): JSON escaped once or twice. Returns [decoded, length] or null when
 * the backslashes are literal (a Windows path, say).
 */
function decodeEscape(input: string, start: number): [string, number] | null {
  let next = start;
  while (next < input.length && input.charCodeAt(next) === 0x5c) next++;
  const letter = input[next];
  if (letter === undefined) return null;
  const length = next - start + 1;
  switch (letter) {
    case 'n':
    case 'r':
    case 't':
    case 'f':
    case 'b':
      return [' ', length];
    case '"':
    case "'":
    case '/':
      return [letter, length];
    case 'u': {
      const hex = input.slice(next + 1, next + 5);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(Number.parseInt(hex, 16)), length + 4];
      return null;
    }
    default:
      return null;
  }
}

/** Length of an ANSI escape sequence at `start` (ESC, `[`, parameters, a final letter); 1 for a lone ESC. */
function ansiSequenceLength(input: string, start: number): number {
  if (input[start + 1] !== '[') return 1;
  for (let end = start + 2; end < Math.min(input.length, start + 24); end++) {
    const code = input.charCodeAt(end);
    if (code >= 0x40 && code <= 0x7e) return end - start + 1;
  }
  return 1;
}

/**
 * The normalised text as it is written: UTF-16 code units and their origins
 * in typed arrays that grow by doubling. (An array of one-character strings
 * and an array of numbers took about 20 bytes per character: 120 MB for a
 * 6 MB paste.)
 */
class Output {
  private units: Uint16Array;
  private origins: Int32Array;
  length = 0;

  /** Sized for the input (the text is rarely longer): a short record of a long export allocates little. */
  constructor(capacity: number) {
    this.units = new Uint16Array(Math.max(16, capacity));
    this.origins = new Int32Array(Math.max(16, capacity));
  }

  push(unit: number, origin: number): void {
    if (this.length === this.units.length) {
      const units = new Uint16Array(this.units.length * 2);
      units.set(this.units);
      this.units = units;
      const origins = new Int32Array(this.origins.length * 2);
      origins.set(this.origins);
      this.origins = origins;
    }
    this.units[this.length] = unit;
    this.origins[this.length++] = origin;
  }

  last(): number {
    return this.length > 0 ? this.units[this.length - 1]! : -1;
  }

  /** The text, decoded in slices (String.fromCharCode takes a bounded number of arguments). */
  text(): string {
    const parts: string[] = [];
    for (let from = 0; from < this.length; from += 8192) {
      parts.push(String.fromCharCode(...this.units.subarray(from, Math.min(this.length, from + 8192))));
    }
    return parts.join('');
  }

  /** Each unit's origin, and `end` for the end of the text. */
  map(end: number): Int32Array {
    const map = new Int32Array(this.length + 1);
    map.set(this.origins.subarray(0, this.length));
    map[this.length] = end;
    return map;
  }
}

/**
 * True when normalising `input` changes nothing but its case: printable ASCII
 * with single spaces, no entity, escape or terminal code, nothing to trim — most
 * lines of a log. Such text skips the per-character pass.
 */
function isPlainAscii(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || code === 0x26 /* & */ || code === 0x5c /* \ */) return false;
    if (code === 0x20 && (i === 0 || i === input.length - 1 || input.charCodeAt(i - 1) === 0x20)) return false;
  }
  return true;
}

export function normalise(input: string): NormalisedText {
  if (isPlainAscii(input)) {
    const map = new Int32Array(input.length + 1);
    for (let i = 0; i <= input.length; i++) map[i] = i;
    return { text: input.toLowerCase(), map };
  }
  const out = new Output(input.length);
  let lastWasSpace = true; // trims leading white space

  const emit = (chunk: string, origin: number) => {
    for (const ch of chunk) {
      const code = ch.codePointAt(0)!;
      if (isSpace(code)) {
        if (!lastWasSpace) {
          out.push(0x20, origin);
          lastWasSpace = true;
        }
        continue;
      }
      if (code < 0x20 || code === 0x7f || isInvisible(code)) continue;
      const folded = code < 0x80 ? ch.toLowerCase() : ch.normalize('NFKC').toLowerCase();
      for (const unit of folded) {
        if (isSpace(unit.codePointAt(0)!)) {
          if (!lastWasSpace) {
            out.push(0x20, origin);
            lastWasSpace = true;
          }
          continue;
        }
        for (let k = 0; k < unit.length; k++) out.push(unit.charCodeAt(k), origin);
        lastWasSpace = false;
      }
    }
  };

  let i = 0;
  while (i < input.length) {
    const code = input.charCodeAt(i);
    if (code === 0x1b /* ESC */) {
      // A terminal colour code (`ESC[31m`) is formatting, not text.
      i += ansiSequenceLength(input, i);
      continue;
    }
    if (code === 0x26 /* & */) {
      const entity = decodeEntity(input, i);
      if (entity) {
        emit(entity[0], i);
        i += entity[1];
        continue;
      }
    } else if (code === 0x5c /* \ */) {
      const escape = decodeEscape(input, i);
      if (escape) {
        emit(escape[0], i);
        i += escape[1];
        continue;
      }
      // Literal backslashes: the whole run is literal (decoding depends only on
      // what follows the run), so it is emitted at once rather than rescanned
      // from each backslash, which made a long run quadratic.
      while (i < input.length && input.charCodeAt(i) === 0x5c) {
        emit('\\', i);
        i++;
      }
      continue;
    }
    if (code < 0x80) {
      // ASCII, most of any log: what `emit` does to one such character, without
      // making a string of it (a 1 MB export was read at ~20 µs a line).
      if (isSpace(code)) {
        if (!lastWasSpace) {
          out.push(0x20, i);
          lastWasSpace = true;
        }
      } else if (code >= 0x20 && code !== 0x7f) {
        out.push(code >= 0x41 && code <= 0x5a ? code + 0x20 : code, i);
        lastWasSpace = false;
      }
      i++;
      continue;
    }
    const point = input.codePointAt(i)!;
    const width = point > 0xffff ? 2 : 1;
    emit(input.slice(i, i + width), i);
    i += width;
  }
  if (out.last() === 0x20) out.length--;
  return { text: out.text(), map: out.map(input.length) };
}
