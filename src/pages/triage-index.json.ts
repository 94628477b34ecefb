/** The triage index, built from the rule entries at build time: a static, cacheable asset. */
import { getCollection } from 'astro:content';
import { toTriageRules } from '../content/triage-rules.ts';
import { buildIndex } from '../triage/index/build.ts';

export async function GET() {
  const rules = await getCollection('rules');
  return new Response(JSON.stringify(buildIndex(toTriageRules(rules))), {
    headers: { 'Content-Type': 'application/json' },
  });
}
