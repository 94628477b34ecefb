/**
 * The rule catalogue for integrations (ticket-system macros, chat bots):
 * every rule this build publishes, as one static JSON file. Internal-audience
 * rules appear only in the internal build (`getRules` drops them otherwise).
 */
import type { APIContext } from 'astro';
import { getRules, urls } from '../../lib/content';
import { isoDay, resolveLastUpdated } from '../../lib/last-updated';

export interface CatalogueRule {
  id: string;
  title: string;
  messages: string[];
  codes: string[];
  categories: string[];
  fix: string;
  resolution: string;
  /** What the customer does, step by step; empty while the rule has no steps. */
  steps: string[];
  /** The article; absolute when the site URL is configured (`site` in astro.config.mjs). */
  url: string;
  /** Last updated, `YYYY-MM-DD`: frontmatter `updated`, else git history, else the build date. */
  updated: string;
  /** URLs of the Microsoft documentation or public reports the article rests on; empty only for the seed's IPP-only messages. */
  sources: string[];
}

export interface Catalogue {
  version: 1;
  rules: CatalogueRule[];
}

export async function GET({ site }: APIContext) {
  const rules = (await getRules()).sort((a, b) => a.id.localeCompare(b.id));
  const catalogue: Catalogue = {
    version: 1,
    rules: rules.map(({ id, data, filePath }) => ({
      id,
      title: data.title,
      messages: data.messages,
      codes: data.codes,
      categories: data.categories,
      fix: data.fix,
      resolution: data.resolution,
      steps: data.steps,
      url: site ? new URL(urls.rule(id), site).href : urls.rule(id),
      updated: isoDay(resolveLastUpdated({ updated: data.updated, file: filePath }).date),
      sources: data.sources,
    })),
  };
  return new Response(`${JSON.stringify(catalogue, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
