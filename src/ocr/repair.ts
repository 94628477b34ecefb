/**
 * Repairs what OCR gets wrong in error codes, and only there. Tesseract reads
 * the digits of `AADSTS700082` as letters that look alike (`AADSTS7OOO82`:
 * O for 0, l or I for 1, S for 5, B for 8), and a code so misread names no
 * error at all. A letter cannot stand inside an Entra code, so a code-shaped
 * word whose letters all have a digit twin is read as that code — but only
 * when the result is a code Microsoft's pattern accepts (the engine's own
 * grammar, `isEntraCode`), and, for a bare number (`"error_codes":[7OOO82]`),
 * only when it is a code this knowledge base knows: a number in a sentence
 * is left alone. Words are never touched: the engine's typo correction reads
 * those, and its masks take care of GUIDs and times.
 *
 * Each repair is listed (`read` → `as`) so that an answer resting on one can
 * say so.
 */
import { codeKey, isEntraCode } from '../triage/index/template.ts';
import { CODE_CONTEXT } from '../triage/text/vocabulary.ts';
import type { TriageIndex } from '../triage/types.ts';

/** The digit each look-alike stands for (upper and lower case where both occur in OCR output). */
export const DIGIT_TWINS: Readonly<Record<string, string>> = Object.freeze({ O: '0', o: '0', I: '1', l: '1', '|': '1', S: '5', s: '5', B: '8' });

const TWINS = Object.keys(DIGIT_TWINS)
  .map((twin) => (twin === '|' ? '\\|' : twin))
  .join('');
/** `AADSTS` as OCR may write it (an S read as 5), then digits and their twins, as a word of its own. */
const PREFIXED = new RegExp(`(?<![\\p{L}\\p{N}])(AAD[S5]T[S5])([0-9${TWINS}]+)(?![\\p{L}\\p{N}])`, 'gu');
/** A bare number with at least one twin in it, as a word of its own. */
const BARE = new RegExp(`(?<![\\p{L}\\p{N}_])([0-9${TWINS}]*[0-9][0-9${TWINS}]*)(?![\\p{L}\\p{N}_])`, 'gu');
/** The word just before a bare number, across the punctuation of JSON and query strings (`"error_codes":[`, `code=`). */
const WORD_BEFORE = /([A-Za-z_]+)[\s"':=[\](),]*$/;
const CONTEXT_CHARS = 32;

export interface Repair {
  /** The code as it was read. */
  read: string;
  /** The code it was read as. */
  as: string;
}

export interface RepairedText {
  text: string;
  /** Each distinct repair once, in order of appearance. */
  repairs: Repair[];
}

const digitsOf = (word: string) => [...word].map((char) => DIGIT_TWINS[char] ?? char).join('');
const hasTwin = (word: string) => [...word].some((char) => DIGIT_TWINS[char] !== undefined);

/** The Entra codes a knowledge base knows, as lookup keys (`aadsts700082`). */
export function knownEntraCodes(index: Pick<TriageIndex, 'rules'>): Set<string> {
  return new Set(
    index.rules
      .flatMap((rule) => rule.codes)
      .filter(isEntraCode)
      .map(codeKey),
  );
}

/**
 * The text with misread codes repaired. `known` holds the knowledge base's
 * Entra codes (`knownEntraCodes`); a bare number is repaired only to one of
 * them, and only after a word that introduces a code (`error_codes`, `code`…).
 */
export function repairCodes(text: string, known: ReadonlySet<string>): RepairedText {
  const repairs = new Map<string, Repair>();
  const note = (read: string, as: string) => {
    if (!repairs.has(read)) repairs.set(read, { read, as });
    return as;
  };
  const prefixed = text.replace(PREFIXED, (word: string, prefix: string, digits: string) => {
    if (!hasTwin(digits) && !prefix.includes('5')) return word;
    const code = `AADSTS${digitsOf(digits)}`;
    return isEntraCode(code) ? note(word, `${prefix.replace(/5/g, 'S')}${digitsOf(digits)}`) : word;
  });
  const repaired = prefixed.replace(BARE, (word: string, _digits: string, offset: number, whole: string) => {
    if (!hasTwin(word)) return word;
    const before = WORD_BEFORE.exec(whole.slice(Math.max(0, offset - CONTEXT_CHARS), offset))?.[1]?.toLowerCase();
    if (before === undefined || !CODE_CONTEXT.has(before)) return word;
    const digits = digitsOf(word);
    return known.has(codeKey(`AADSTS${digits}`)) ? note(word, digits) : word;
  });
  return { text: repaired, repairs: [...repairs.values()] };
}
