/**
 * The closed frontmatter schemas of the knowledge base.
 *
 * Shared by Astro's content collections (build-time validation) and by the
 * plain-Node loader used by the CLI and the tests, so that every consumer
 * refuses exactly the same entries. `z.strictObject` makes an unknown or
 * misspelt key an error instead of silently ignoring it.
 */
import { z } from 'astro/zod';

/** Lower-case words joined by hyphens: ids, categories, fix guides, aliases. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "refresh-token-expired"');

/**
 * An error code: an Entra code (`AADSTS700082`) or a symbolic one
 * (`MailboxNotEnabledForRESTAPI`). Letters, digits and dots only, because the
 * triage engine matches codes as whole words.
 */
export const errorCode = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9.]*[0-9A-Za-z]$/, 'must be a code such as "AADSTS700082"');

export const audience = z.enum(['public', 'internal']).default('public');

export const ruleSchema = z.strictObject({
  /** Short human title. */
  title: z.string().min(3),
  /** One or two plain sentences: what the error means, for lists and the page description. */
  summary: z.string().min(10),
  /** Message text exactly as the audit log shows it; variable parts as `{placeholder}`. */
  messages: z.array(z.string().min(3)).min(1),
  /** Error codes that identify the rule on their own. */
  codes: z.array(errorCode).default([]),
  /** Category slugs; the first is the primary category. */
  categories: z.array(slug).min(1),
  /** Slug of the fix guide in content/guides/. */
  fix: slug,
  /** The one-line resolution, as in the seed's tables. */
  resolution: z.string().min(3),
  /** Real pastes that must triage to this rule with high confidence. */
  examples: z.array(z.string().min(1)).min(1),
  /** Pastes this rule must not claim. */
  counterexamples: z.array(z.string().min(1)).default([]),
  /** Former ids, kept as redirects. */
  aliases: z.array(slug).default([]),
  audience,
  /** A generic wrapper message (e.g. "The Identity Provider returned an error"): yields to any more specific error in the same record. */
  wrapper: z.boolean().default(false),
  /** Listed under "most common errors" on the home page. */
  featured: z.boolean().default(false),
  /** Last reviewed; falls back to the file's git history. */
  updated: z.coerce.date().optional(),
});

export const guideSchema = z.strictObject({
  title: z.string().min(3),
  description: z.string().min(10),
  /** `fix`: a procedure rules point to; `hub`: the article on finding the failure. */
  kind: z.enum(['fix', 'hub']).default('fix'),
  audience,
  updated: z.coerce.date().optional(),
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
