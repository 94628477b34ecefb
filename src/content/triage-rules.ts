/**
 * The one place rule frontmatter becomes the engine's input, so the page's
 * index (built by Astro) and the CLI's (built from disk) are the same.
 */
import type { RuleInput } from '../triage/types.ts';
import { type Audience, buildAudience, isInBuild } from './audience.ts';
import type { RuleData } from './schema.ts';

export function toTriageRules(rules: Array<{ id: string; data: RuleData }>, build: Audience = buildAudience()): RuleInput[] {
  return rules
    .filter((rule) => isInBuild(rule.data.audience, build))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ id, data }) => ({
      id,
      title: data.title,
      summary: data.summary,
      fix: data.fix,
      resolution: data.resolution,
      categories: data.categories,
      messages: data.messages,
      codes: data.codes,
      sharedCodes: data.sharedCodes,
      steps: data.steps,
      wrapper: data.wrapper,
      ...(data.needsIppContext ? { needsIppContext: true } : {}),
    }));
}
