/**
 * The message-template grammar, in one place. The content schema validates
 * with it, the index builder compiles with it, and the site renders with it,
 * so a template means the same thing everywhere.
 *
 * A message template is the error text as the audit log shows it, with each
 * part that changes from one log entry to another written as a placeholder:
 *
 *     The refresh token was issued on {issued} and was inactive for {inactive-for}.
 *
 * - A placeholder is `{name}`: a letter, then letters, digits, `_` or `-`.
 *   It stands for any text (an id, a date, a name) and never counts as evidence.
 * - Any other brace is literal text (JSON in a message is allowed).
 *
 * An error code is an Entra code (`AADSTS700082`: AADSTS and 4–9 digits) or a
 * symbolic one as Microsoft spells it (`TooManyRequests`,
 * `MailboxNotEnabledForRESTAPI`), possibly dotted (`Microsoft.Exchange.X`).
 */
import { isEntraCode } from '../text/entra-code.ts';

/** `{name}`: the only placeholder syntax. (A literal, never built from content.) */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_-]{0,63})\}/g;

/** A part of a message template: literal text or a placeholder. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'placeholder'; name: string };

/** Splits "issued on {issued}." into literal text and placeholder parts. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ kind: 'text', text: template.slice(last, match.index) });
    parts.push({ kind: 'placeholder', name: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

/** The names of a template's placeholders, in order. */
export function placeholderNames(template: string): string[] {
  return templateParts(template).flatMap((part) => (part.kind === 'placeholder' ? [part.name] : []));
}

/** The template as readable text, each placeholder shown as `…` (for sorting and filing). */
export function readableTemplate(template: string): string {
  return templateParts(template)
    .map((part) => (part.kind === 'text' ? part.text : '…'))
    .join('');
}

/**
 * What two templates must not share: the same words once case, punctuation
 * and placeholder names are set aside. "Refresh token expired." and
 * "refresh token expired" are one message; so are "issued on {issued}" and
 * "issued on {date}".
 */
export function templateShape(template: string): string {
  return templateParts(template)
    .map((part) =>
      part.kind === 'placeholder'
        ? ' {} '
        : part.text
            .normalize('NFKC')
            .toLowerCase()
            .replace(/[^\p{L}\p{N}]+/gu, ' '),
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the template has at least one letter or digit outside its placeholders. */
export function hasWords(template: string): boolean {
  return templateParts(template).some((part) => part.kind === 'text' && /[\p{L}\p{N}]/u.test(part.text));
}

/** A symbolic code as a rule may list it: letters and digits, parts joined by dots. */
const SYMBOLIC_CODE = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;

/** A code as a rule may list it: Entra (text/entra-code.ts), or symbolic. */
export function isErrorCode(code: string): boolean {
  return isEntraCode(code) || SYMBOLIC_CODE.test(code);
}

export { isEntraCode };

/** The lookup key of a code: lower case (`AADSTS700082` → `aadsts700082`). */
export function codeKey(code: string): string {
  return code.toLowerCase();
}

/**
 * The words a code is made of, as the tokeniser will see them in a paste:
 * `MailboxNotEnabledForRESTAPI` is one word, `Microsoft.Exchange.Foo` three.
 */
export function codeWords(code: string): string[] {
  return codeKey(code).split('.');
}
