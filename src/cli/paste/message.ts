/**
 * The error message inside a real paste: what the audit log says, without
 * what surrounds it in a ticket. `kb new` makes a rule's message of it, and
 * `kb gaps` groups failures by it, so one error pasted bare, inside a log
 * line or inside a chatty ticket is one gap.
 *
 *   2024-05-02 10:14:03 ERROR Datasource 'HR': AADSTS50057: The user account is disabled.\r\nTrace ID: …
 *   → The user account is disabled.   (and the code AADSTS50057)
 *
 * Taken away: an OAuth JSON body around the message (its `error_description`
 * or `message`), a log line's time stamp, level and datasource, a leading
 * exception type, Entra's code prefix, and the Trace/Correlation
 * ID/Timestamp lines Entra appends. Kept: the message's own words.
 */
import { ENTRA_CODE_SOURCE, entraCodesIn } from '../../triage/text/entra-code.ts';
import { isErrorCode } from '../../triage/index/template.ts';
import { tokenise } from '../../triage/text/tokenise.ts';
import { FAILURE_WORDS } from '../../triage/text/vocabulary.ts';

export interface PastedMessage {
  message: string;
  /** Codes the paste carries: Entra codes, and a JSON body's symbolic `code`. */
  codes: string[];
}

/** Keys of a JSON body that hold the human message, best first. */
const MESSAGE_KEYS = ['error_description', 'message', 'errorMessage', 'error_message'];
const CODE_KEYS = ['code', 'errorCode'];
const LOG_PREFIX =
  /^\s*[[(]?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?[\])]?\s*(?:\[?(?:ERROR|ERR|WARN(?:ING)?|INFO|FATAL|CRITICAL)\]?\s*[:-]?\s*)?/i;
/** A short leading sentence that only says something failed ("Run failed.", "Preservation job failed."): a wrapper, not the message. */
const FAILED_SENTENCE = /^\s*(?:[\p{L}\p{N}'-]{1,30}\s{1,3}){0,3}failed\.\s+(?=\S)/iu;
const DATASOURCE_PREFIX = /^\s*data ?source\s*(?:'[^']{1,120}'|"[^"]{1,120}"|\S{1,120})\s*(?:failed)?\s*:\s*/i;
const EXCEPTION_PREFIX = /^\s*(?:[A-Za-z_][\w]*\.)+[A-Za-z_]*(?:Exception|Error)(?:\s*\(0x[0-9a-f]+\))?\s*:\s*/i;
const CODE_PREFIX = new RegExp(`^\\s*${ENTRA_CODE_SOURCE}\\s*:\\s*`, 'i');
/** A code and the colon its message follows. */
const CODE_AND_COLON = new RegExp(`${ENTRA_CODE_SOURCE}\\s*:\\s*`, 'i');
const TRAILER = /(?:\\r\\n|\r?\n|\s)+(?:Trace ID|Correlation ID|Timestamp)\s*:.*$/is;

/** Finds a JSON object in the paste and returns the values of the first of `keys` it has (searching nested objects). */
function jsonValue(paste: string, keys: string[]): string | undefined {
  const start = paste.indexOf('{');
  const end = paste.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(paste.slice(start, end + 1));
  } catch {
    return undefined;
  }
  const queue: unknown[] = [value];
  while (queue.length > 0) {
    const item = queue.shift();
    if (typeof item !== 'object' || item === null) continue;
    for (const key of keys) {
      const found = (item as Record<string, unknown>)[key];
      if (typeof found === 'string' && found.trim()) return found;
    }
    queue.push(...Object.values(item));
  }
  return undefined;
}

/**
 * Entra's message follows its code ("…message=AADSTS50057: The user account
 * is disabled."): the text after the first code, to the end of its line (or
 * of the quoted string the code opens).
 */
function afterCode(text: string): string {
  const found = CODE_AND_COLON.exec(text);
  if (!found) return text;
  const lineEnd = text.slice(found.index).search(/\r?\n|\\r\\n/);
  let rest = text.slice(found.index + found[0].length, lineEnd < 0 ? undefined : found.index + lineEnd);
  const opener = text.slice(0, found.index).trimEnd().at(-1);
  if (opener === '"' || opener === "'") rest = rest.split(opener)[0]!;
  return rest;
}

function withoutPrefixes(line: string): string {
  let text = line;
  for (const prefix of [LOG_PREFIX, FAILED_SENTENCE, DATASOURCE_PREFIX, EXCEPTION_PREFIX, CODE_PREFIX]) text = text.replace(prefix, '');
  return text;
}

/**
 * How much a line looks like the error rather than a person's words around
 * it ("Hi support, our run failed again. The log says:") or a stack frame:
 * error words, and variable parts (ids, addresses, dates, numbers), which
 * machines write and people rarely do.
 */
function messageScore(line: string): number {
  const lower = line.toLowerCase();
  const variables = tokenise(lower).filter((token) => token.mask).length;
  return (FAILURE_WORDS.test(lower) ? 2 : 0) + Math.min(variables, 3) - (/^\s*at\s/.test(line) ? 5 : 0);
}

export function messageOf(paste: string): PastedMessage {
  const codes = new Set<string>(entraCodesIn(paste));
  const symbolic = jsonValue(paste, CODE_KEYS);
  if (symbolic && isErrorCode(symbolic) && /[A-Z]/.test(symbolic.slice(1))) codes.add(symbolic);

  let message = afterCode(jsonValue(paste, MESSAGE_KEYS) ?? paste);
  message = message.replace(TRAILER, '');
  const lines = message
    .split(/\r?\n/)
    .map(withoutPrefixes)
    .filter((line) => /\p{L}/u.test(line));
  let best = lines[0] ?? message;
  let bestScore = -1;
  for (const line of lines) {
    const score = messageScore(line);
    if (score > bestScore) [best, bestScore] = [line, score];
  }
  return { message: best.replace(/\s+/g, ' ').trim(), codes: [...codes] };
}
