/**
 * What the built site must contain, read with the project's own loader
 * (src/content/load.ts, the schema-validated one the CLI and unit tests use),
 * so the browser tests cover every entry that exists, however many the
 * authors add. Internal-audience entries are skipped unless the build is the
 * internal one (KB_AUDIENCE=internal), as the site does.
 */
import { isInBuild } from '../../src/content/audience.ts';
import { loadKnowledgeBase } from '../../src/content/load.ts';
import type { GuideData, RuleData } from '../../src/content/schema.ts';
import { ROOT } from '../support/kb.ts';

export type RuleFacts = { id: string } & RuleData;
export type GuideFacts = { id: string } & Pick<GuideData, 'title' | 'kind'>;
export interface CategoryFacts {
  id: string;
  title: string;
}

const kb = loadKnowledgeBase(ROOT);

export function readRules(): RuleFacts[] {
  return kb.rules.filter((rule) => isInBuild(rule.data.audience)).map(({ id, data }) => ({ id, ...data }));
}

export function readGuides(): GuideFacts[] {
  return kb.guides.filter((guide) => isInBuild(guide.data.audience)).map(({ id, data }) => ({ id, title: data.title, kind: data.kind }));
}

export function readCategories(): CategoryFacts[] {
  return kb.categories.map(({ id, data }) => ({ id, title: data.title }));
}
