/**
 * The one definition of what an Microsoft Entra error code looks like:
 * `AADSTS` and 4 to 9 digits (AADSTS50053, AADSTS7000215). Every reader of
 * codes — the tokeniser, the rule schema, the CLI's message reader, the
 * site's search, the OCR repair, the links to Microsoft's lookup — uses these
 * so a change to the pattern is made once.
 */

/** The pattern's source, for building larger patterns (case-insensitive flag needed). */
export const ENTRA_CODE_SOURCE = 'aadsts\\d{4,9}';

/** A whole string that is one Entra code. */
const WHOLE_CODE = new RegExp(`^${ENTRA_CODE_SOURCE}$`, 'i');
/** A code inside text, not part of a longer word or number (`CODE_IN_TEXT` finds every one, `FIRST_CODE` the first). */
const CODE_IN_TEXT_SOURCE = `(?<![\\p{L}\\p{N}_])${ENTRA_CODE_SOURCE}(?![\\p{L}\\p{N}_])`;
const CODE_IN_TEXT = new RegExp(CODE_IN_TEXT_SOURCE, 'giu');
const FIRST_CODE = new RegExp(CODE_IN_TEXT_SOURCE, 'iu');

export function isEntraCode(code: string): boolean {
  return WHOLE_CODE.test(code);
}

/** Every Entra code in `text`, upper-cased, in order of appearance (repeats kept). */
export function entraCodesIn(text: string): string[] {
  return [...text.matchAll(CODE_IN_TEXT)].map((match) => match[0].toUpperCase());
}

/** The first Entra code in `text` with where it is, or undefined. */
export function firstEntraCode(text: string): { code: string; index: number; end: number } | undefined {
  const found = FIRST_CODE.exec(text);
  return found ? { code: found[0].toUpperCase(), index: found.index, end: found.index + found[0].length } : undefined;
}

/** The digits of an Entra code (`AADSTS700082` → `700082`), as Microsoft's lookup takes them; undefined for other codes. */
export function entraDigits(code: string): string | undefined {
  return isEntraCode(code) ? code.slice('AADSTS'.length) : undefined;
}
