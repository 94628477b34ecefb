/**
 * A rule entry drafted from a real paste (`kb new`). What the paste says is
 * filled in: the message as a template, the codes, the paste itself as the
 * first example (and the message alone, as further examples). What a person must decide — title, summary, resolution,
 * steps and the sources the article rests on — is left `null` with a TODO comment: the schema refuses null, so the
 * build (and `npm run test:unit`) fails naming the file and the field until
 * it is written. The category and fix are guessed from the nearest rule and
 * say so, for the author to confirm.
 */
import yaml from 'js-yaml';
import { templateParts } from '../../triage/index/template.ts';
import { STOPWORDS } from '../../triage/text/vocabulary.ts';

/** Fields the draft leaves for a person, in the order the schema checks them (`fix` only when no rule is near). */
export const FIELDS_TO_WRITE = ['title', 'summary', 'fix', 'resolution', 'steps', 'sources'] as const;

export interface NearestRule {
  id: string;
  title: string;
  score: number;
  /** An example of the nearest rule: a look-alike the new rule must not claim. */
  example?: string;
}

export interface RuleDraft {
  id: string;
  category: string;
  fix: string | undefined;
  /** The message as a template with placeholders. */
  message: string;
  /** The message as the paste says it (its own ids and dates). */
  pastedMessage: string;
  codes: string[];
  paste: string;
  nearest?: NearestRule;
  /** The category was given on the command line rather than guessed. */
  categoryGiven: boolean;
}

const MAX_ID_WORDS = 6;

/** An id from the message's words: "The user account is disabled." → "user-account-disabled". */
export function idFromTemplate(template: string): string {
  const words = templateParts(template)
    .flatMap((part) =>
      part.kind === 'text'
        ? part.text
            .toLowerCase()
            .normalize('NFKD')
            .replace(/[^a-z0-9]+/g, ' ')
            .split(' ')
        : [],
    )
    .filter((word) => word.length > 1 && !STOPWORDS.has(word) && !/^\d+$/.test(word));
  return words.slice(0, MAX_ID_WORDS).join('-') || 'new-error';
}

/** One YAML scalar on one line, quoted when it needs to be. */
function scalar(value: string): string {
  return yaml.dump(value, { lineWidth: -1, flowLevel: 0 }).trimEnd();
}

function list(values: string[]): string {
  return values.length === 0 ? ' []' : `\n${values.map((value) => `  - ${scalar(value)}`).join('\n')}`;
}

/** A sentence for the body, with no MDX in it: braces and angle brackets would be read as code. */
function prose(text: string): string {
  return text.replace(/[{}<>]/g, (character) => `\\${character}`);
}

/**
 * The examples a rule needs (the tests ask for several): the paste as it
 * came, the message with its code as the audit log shows it, the bare
 * message, and the message as a person retypes it (lower case, no final
 * stop). Each must triage to the rule once it exists.
 */
export function examplesOf(paste: string, message: string, codes: string[]): string[] {
  const entra = codes.find((code) => /^AADSTS/i.test(code));
  const retyped = message.toLowerCase().replace(/[.!\s]+$/, '');
  return [...new Set([paste, ...(entra ? [`${entra}: ${message}`] : []), message, retyped])];
}

export function renderDraft(draft: RuleDraft): string {
  const guessed = draft.nearest ? `guessed from the nearest rule, ${draft.nearest.id} (score ${draft.nearest.score.toFixed(2)}): check it` : '';
  const lines = [
    '---',
    '# Drafted by `kb new` from a real paste. Write every field that is null (the build',
    '# fails naming each until it is written), check the guessed ones, then run',
    '# `npm run test:unit`: the examples must triage to this rule, the counterexamples not.',
    'title: null # TODO: a short human title',
    'summary: null # TODO: one or two plain sentences: what the error means for the customer',
    `messages:${list([draft.message])}`,
    `codes:${list(draft.codes)}`,
    `categories:${list([draft.category])}${draft.categoryGiven || !guessed ? '' : ` # ${guessed}`}`,
    draft.fix ? `fix: ${draft.fix}${guessed ? ` # ${guessed}` : ''}` : 'fix: null # TODO: the fix guide (a slug of content/guides/)',
    'resolution: null # TODO: the one-line resolution, as in the seed tables',
    'steps: null # TODO: 2-5 short action steps, in Realm/Datasource terms',
    'sources: null # TODO: https:// URLs of the Microsoft documentation or public reports that establish the message, its meaning and the fix',
    `examples:${list(examplesOf(draft.paste, draft.pastedMessage, draft.codes))}`,
    `counterexamples:${list(draft.nearest?.example ? [draft.nearest.example] : [])}`,
    '---',
    '',
    '## What you see',
    '',
    `The audit log entry of the failed datasource says "${prose(draft.message)}"${draft.codes.length > 0 ? ` (${draft.codes.join(', ')})` : ''}.`,
    '',
    '{/* TODO(kb new): where the message appears, and what it looks like in the wild. */}',
    '',
    '## Why it happens',
    '',
    '{/* TODO(kb new): the cause, in Realm and Datasource terms. */}',
    '',
    '## How to fix it',
    '',
    '{/* TODO(kb new): the fix, and a link to the fix guide. */}',
    '',
  ];
  return lines.join('\n');
}
