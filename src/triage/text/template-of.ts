/**
 * A paste as a message template: the text with each variable part (the parts
 * the tokeniser masks — GUIDs, timestamps, dates, durations, e-mail addresses,
 * IPs, long hex, numbers — and the datasource's name) replaced by a named
 * placeholder in the grammar of src/triage/index/template.ts:
 *
 *     The token was issued on 2024-01-05T05:47:11Z for 3f2c…   (a paste)
 *     The token was issued on {issued-time} for {id}             (its template)
 *
 * Two uses: `kb new` drafts a rule's message from a real paste, and `kb gaps`
 * groups the failures no rule answers by the `key` (the masked token keys),
 * so two pastes of one error with different ids, dates and names are one gap.
 *
 * The masking is the engine's own (normalise → tokenise), so a template made
 * here compiles to the very keys the engine will look for in later pastes.
 */
import { datasourceOf } from './datasource.ts';
import { normalise } from './normalise.ts';
import { type MaskKind, tokenise } from './tokenise.ts';
import { STOPWORDS } from './vocabulary.ts';

export type PlaceholderKind = MaskKind | 'datasource';

export interface Placeholder {
  name: string;
  kind: PlaceholderKind;
  /** What the paste said there. */
  value: string;
}

export interface TextTemplate {
  /** The text with its variable parts as `{name}` placeholders (original wording and case kept). */
  template: string;
  /** Masked token keys joined by spaces: equal for two pastes of the same message. */
  key: string;
  placeholders: Placeholder[];
}

/** How a placeholder of each kind is named when no word before it says more. */
const KIND_NAME: Record<PlaceholderKind, string> = {
  guid: 'id',
  timestamp: 'time',
  date: 'date',
  time: 'time',
  duration: 'duration',
  email: 'user',
  ip: 'address',
  hex: 'thumbprint',
  number: 'number',
  datasource: 'datasource',
};

/** Words that name a value only together with the word before them ("trace id", "object id"). */
const GENERIC_NOUNS = new Set(['id', 'ids', 'name', 'time', 'date', 'code', 'number', 'address', 'value']);

const PLACEHOLDER_NAME = /^[a-z][a-z0-9_-]{0,63}$/;

interface Masked {
  start: number;
  end: number;
  kind: PlaceholderKind;
  /** Index of the first token of the masked part. */
  token: number;
}

/** A readable placeholder name from the words just before it: "issued on {issued-time}", "Trace ID: {trace-id}". */
function nameFor(words: string[], kind: PlaceholderKind): string {
  const last = words.at(-1);
  if (last === undefined) return KIND_NAME[kind];
  if (GENERIC_NOUNS.has(last)) return words.length > 1 ? `${words.at(-2)}-${last}` : last;
  if (last === KIND_NAME[kind] || kind === 'datasource') return KIND_NAME[kind];
  return `${last}-${KIND_NAME[kind]}`;
}

/** Turns `text` into a template with named placeholders, and the key that groups equal messages. */
export function templateOf(text: string): TextTemplate {
  const normalised = normalise(text);
  const tokens = tokenise(normalised.text);
  const original = (at: number) => normalised.map[at]!;

  // The datasource's name is free text ("HR Mailboxes"): masked like an id.
  const datasource = datasourceOf(text);
  let nameStart = -1;
  let nameEnd = -1;
  if (datasource) {
    nameStart = text.indexOf(datasource);
    nameEnd = nameStart + datasource.length;
  }

  const masked: Masked[] = [];
  const keys: string[] = [];
  tokens.forEach((token, index) => {
    const start = original(token.start);
    const end = original(token.end - 1) + 1;
    if (nameStart >= 0 && start >= nameStart && end <= nameEnd) {
      const previous = masked.at(-1);
      if (previous?.kind === 'datasource' && previous.start === nameStart) {
        previous.end = Math.max(previous.end, end);
      } else {
        masked.push({ start: nameStart, end: nameEnd, kind: 'datasource', token: index });
        keys.push('<datasource>');
      }
      return;
    }
    keys.push(token.key);
    if (token.mask) masked.push({ start, end, kind: token.mask, token: index });
  });

  const placeholders: Placeholder[] = [];
  const used = new Map<string, number>();
  let template = '';
  let at = 0;
  for (const part of masked) {
    const words: string[] = [];
    for (let i = part.token - 1; i >= 0 && words.length < 2 && part.token - i <= 4; i--) {
      const token = tokens[i]!;
      if (token.mask || token.code) break;
      if (STOPWORDS.has(token.key) || !PLACEHOLDER_NAME.test(token.key) || token.key.length > 24) continue;
      words.unshift(token.key);
    }
    const base = nameFor(words, part.kind);
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    const name = seen === 1 ? base : `${base}-${seen}`;
    template += `${text.slice(at, part.start)}{${name}}`;
    placeholders.push({ name, kind: part.kind, value: text.slice(part.start, part.end) });
    at = part.end;
  }
  template += text.slice(at);
  return { template, key: keys.join(' '), placeholders };
}
