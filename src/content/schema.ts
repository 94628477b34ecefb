/**
 * The closed frontmatter schemas of the knowledge base.
 *
 * Shared by Astro's content collections (build-time validation) and by the
 * plain-Node loader used by the CLI and the tests, so that every consumer
 * refuses exactly the same entries. `z.strictObject` makes an unknown or
 * misspelt key an error instead of silently ignoring it.
 */
import { z } from 'astro/zod';
import { codeKey, hasWords, isErrorCode, templateShape } from '../triage/index/template.ts';

/** Lower-case words joined by hyphens: ids, categories, fix guides, aliases. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "refresh-token-expired"');

/**
 * An error code: an Entra code (`AADSTS700082`) or a symbolic one as Microsoft
 * spells it (`MailboxNotEnabledForRESTAPI`, dotted parts allowed). The grammar
 * lives in src/triage/index/template.ts, which the engine matches with.
 */
export const errorCode = z
  .string()
  .refine(isErrorCode, 'must be a code such as "AADSTS700082" or "TooManyRequests" (letters and digits, parts joined by dots)');

/** Longest message template accepted: the longest real Entra message is about 450 characters. */
export const MAX_TEMPLATE_CHARS = 1000;

/** A message template: see src/triage/index/template.ts for the grammar. */
export const messageTemplate = z
  .string()
  .min(3)
  .max(MAX_TEMPLATE_CHARS, `is longer than ${MAX_TEMPLATE_CHARS} characters: quote the message, not the whole log entry (put the rest in examples)`)
  .refine(hasWords, 'has no words outside its {placeholders}, so it could never be recognised');

/**
 * Where the facts of an article come from: URLs of Microsoft documentation or
 * public reports that establish the message, its meaning and the fix. Pages
 * link them, so only https:// addresses are accepted (never `javascript:`).
 * Required for every rule and guide but the seed's IPP-only messages: the
 * schema cannot tell those apart (it does not know the file's id), so
 * validate.ts checks the requirement against ipp-only.ts.
 */
export const sources = z
  .array(
    z.url({
      protocol: /^https$/,
      message: 'must be a full https:// URL such as "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes"',
    }),
  )
  .default([])
  .superRefine((urls, context) => {
    for (const { index, earlier } of repeats(urls, (url) => url)) {
      context.addIssue({ code: 'custom', path: [index], message: `"${urls[index]}" is already sources.${earlier}` });
    }
  });

export const audience = z.enum(['public', 'internal']).default('public');

/** A rule's fields, each checked on its own; `ruleSchema` adds the checks across fields. */
const ruleFields = z.strictObject({
  /** Short human title. */
  title: z.string().min(3),
  /** One or two plain sentences: what the error means, for lists and the page description. */
  summary: z.string().min(10),
  /** Message text exactly as the audit log shows it; variable parts as `{placeholder}`. */
  messages: z.array(messageTemplate).min(1),
  /** Error codes of this error. Each identifies the rule on its own unless it is listed in `sharedCodes`. */
  codes: z.array(errorCode).default([]),
  /**
   * Codes of `codes` that Microsoft uses for several problems (AADSTS900144
   * names whichever parameter is missing): such a code counts for this rule
   * only when the paste also carries the rule's message, and two rules may
   * both list it.
   */
  sharedCodes: z.array(errorCode).default([]),
  /** Category slugs; the first is the primary category. */
  categories: z.array(slug).min(1),
  /** Slug of the fix guide in content/guides/. */
  fix: slug,
  /** The one-line resolution, as in the seed's tables. */
  resolution: z.string().min(3),
  /** 2–5 short action steps, in Realm/Datasource terms: what the customer does. */
  steps: z.array(z.string().min(10).max(300)).min(2).max(5),
  /** Real pastes that must triage to this rule with high confidence. */
  examples: z.array(z.string().min(1)).min(1),
  /** Pastes this rule must not claim. */
  counterexamples: z.array(z.string().min(1)).default([]),
  /** Former ids, kept as redirects. */
  aliases: z.array(slug).default([]),
  audience,
  /** A generic wrapper message (e.g. "The Identity Provider returned an error"): yields to any more specific error in the same record. */
  wrapper: z.boolean().default(false),
  /**
   * A failure any program meets (a network, TLS or proxy error): answered
   * only when the paste shows it comes from IPP (its audit log, or the
   * Security & Compliance and Exchange Online PowerShell it runs); otherwise
   * only a suggestion, since the same words come from every other program.
   */
  needsIppContext: z.boolean().default(false),
  /** Listed under "most common errors" on the home page. */
  featured: z.boolean().default(false),
  /** Last reviewed; falls back to the file's git history. */
  updated: z.coerce.date().optional(),
  sources,
});

/**
 * Rule frontmatter: the fields, and no repeats within one rule (the same
 * message twice, once case, punctuation and placeholder names are set aside; a
 * code, shared code or alias twice), and no shared code missing from `codes`.
 */
export const ruleSchema = ruleFields.superRefine((rule, context) => {
  const refuse = (path: Array<string | number>, message: string) => context.addIssue({ code: 'custom', path, message });
  for (const { index, earlier } of repeats(rule.messages, templateShape)) {
    refuse(['messages', index], sameMessageProblem(rule.messages[index]!, rule.messages[earlier]!, `messages.${earlier}`));
  }
  for (const { index, earlier } of repeats(rule.codes, codeKey)) refuse(['codes', index], `"${rule.codes[index]}" is already codes.${earlier}`);
  for (const { index, earlier } of repeats(rule.sharedCodes, codeKey))
    refuse(['sharedCodes', index], `"${rule.sharedCodes[index]}" is already sharedCodes.${earlier}`);
  const codes = new Set(rule.codes.map(codeKey));
  rule.sharedCodes.forEach((code, index) => {
    if (!codes.has(codeKey(code)))
      refuse(['sharedCodes', index], `"${code}" is not in codes: a shared code is still one of the rule's codes, so list it there too`);
  });
  for (const { index, earlier } of repeats(rule.aliases, (alias) => alias))
    refuse(['aliases', index], `"${rule.aliases[index]}" is already aliases.${earlier}`);
});

/**
 * Why `message` cannot stand beside `other`, which has the same
 * `templateShape`; `where` names the other (`messages.0`, or `messages.0 of
 * rules/x/y.mdx`). Used within a rule here and across rules in validate.ts.
 */
export function sameMessageProblem(message: string, other: string, where: string): string {
  return message.trim() === other.trim()
    ? `"${message}" is already ${where}`
    : `"${message}" differs from ${where} ("${other}") only in case, punctuation or placeholder names, so it is the same message: keep one`;
}

/** Each value whose key an earlier value of the list already has, with the position of that earlier value. */
function repeats<T>(values: readonly T[], key: (value: T) => string): Array<{ index: number; earlier: number }> {
  const seen = new Map<string, number>();
  return values.flatMap((value, index) => {
    const earlier = seen.get(key(value));
    if (earlier !== undefined) return [{ index, earlier }];
    seen.set(key(value), index);
    return [];
  });
}

export const guideSchema = z.strictObject({
  title: z.string().min(3),
  description: z.string().min(10),
  /** `fix`: a procedure rules point to; `hub`: the article on finding the failure. */
  kind: z.enum(['fix', 'hub']).default('fix'),
  audience,
  updated: z.coerce.date().optional(),
  sources,
});

export const categorySchema = z.strictObject({
  title: z.string().min(3),
  description: z.string().min(10),
  /** Position in lists (the seed's order). */
  order: z.number().int().min(0),
  updated: z.coerce.date().optional(),
});

export type RuleData = z.output<typeof ruleSchema>;
export type GuideData = z.output<typeof guideSchema>;
export type CategoryData = z.output<typeof categorySchema>;
