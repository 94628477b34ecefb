/**
 * Typed access to the knowledge base for pages, components and build tools.
 *
 * Every list the site shows (categories, A–Z index, "errors this guide fixes",
 * the hub table) is derived from the rules here, so no page keeps its own copy
 * of which error belongs where. Internal-audience entries are dropped in one
 * place, `includesInternal()`, so they can never leak into the public build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildAudience, isInBuild } from '../content/audience.ts';

export type Rule = CollectionEntry<'rules'>;
export type Guide = CollectionEntry<'guides'>;
export type Category = CollectionEntry<'categories'>;

/** True only for the internal (support-agent) build: `KB_AUDIENCE=internal`. */
export function includesInternal(): boolean {
  return buildAudience() === 'internal';
}

/** Whether an entry may appear in this build. */
export function isVisible(entry: { data: { audience?: 'public' | 'internal' } }): boolean {
  return isInBuild(entry.data.audience ?? 'public');
}

/*
 * Sorted once per build: every page asks for these lists, and re-sorting
 * thousands of rules for each of thousands of pages made the build grow
 * quadratically. Callers get their own copy, so sorting it again is safe.
 * The dev server reads afresh, so edited content shows up at once.
 */
let rulesSorted: Promise<Rule[]> | undefined;
let guidesSorted: Promise<Guide[]> | undefined;
const cacheLists = import.meta.env.PROD;

const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => a.data.title.localeCompare(b.data.title, 'en', { sensitivity: 'base' });

/** Every rule this build publishes, sorted by title. */
export async function getRules(): Promise<Rule[]> {
  const sorted = (cacheLists && rulesSorted) || getCollection('rules', isVisible).then((rules) => rules.sort(byTitle));
  if (cacheLists) rulesSorted = sorted;
  return [...(await sorted)];
}

/** Every guide this build publishes (fix guides and the hub), sorted by title. */
export async function getGuides(): Promise<Guide[]> {
  const sorted = (cacheLists && guidesSorted) || getCollection('guides', isVisible).then((guides) => guides.sort(byTitle));
  if (cacheLists) guidesSorted = sorted;
  return [...(await sorted)];
}

/** Categories in the seed article's order (`order`), then by title. */
export async function getCategories(): Promise<Category[]> {
  return (await getCollection('categories')).sort((a, b) => a.data.order - b.data.order || byTitle(a, b));
}

/** The hub article ("find the IPP failure reason"), if it has been written. */
export async function getHubGuide(): Promise<Guide | undefined> {
  return (await getGuides()).find((guide) => guide.data.kind === 'hub');
}

/** Rules that list `slug` among their categories (any position, not only the primary). */
export async function getRulesByCategory(slug: string): Promise<Rule[]> {
  return (await getRules()).filter((rule) => rule.data.categories.includes(slug));
}

/** Every category (in order) with its rules: the home cards, the categories page, the hub table and flow. */
export async function getCategoriesWithRules(): Promise<Array<{ category: Category; rules: Rule[] }>> {
  return Promise.all((await getCategories()).map(async (category) => ({ category, rules: await getRulesByCategory(category.id) })));
}

/** Rules whose `fix` is the guide `slug`. */
export async function getRulesByFix(slug: string): Promise<Rule[]> {
  return (await getRules()).filter((rule) => rule.data.fix === slug);
}

/** The first category listed is the primary one. */
export function primaryCategory(rule: Rule): string {
  // The schema requires at least one category, so index 0 always exists.
  return rule.data.categories[0] as string;
}

/** Rules sharing the fix guide or the primary category with `rule`, excluding itself. */
export async function getRelatedRules(rule: Rule, limit = MAX_RELATED): Promise<Rule[]> {
  const primary = primaryCategory(rule);
  const related = (await getRules()).filter((other) => other.id !== rule.id && (other.data.fix === rule.data.fix || primaryCategory(other) === primary));
  // Same fix first (the most useful neighbours), then same category. Capped:
  // an uncapped list makes every page grow with the rule count, so the site
  // would grow quadratically (5,000 rules ran out of memory).
  const sameFix = related.filter((other) => other.data.fix === rule.data.fix);
  const sameCategory = related.filter((other) => other.data.fix !== rule.data.fix);
  return [...sameFix, ...sameCategory].slice(0, limit);
}

/** At most this many related errors on a rule page; the category page lists them all. */
const MAX_RELATED = 8;

/** Looks up a category by slug; undefined when a rule names one that has no file (yet). */
export async function findCategory(slug: string): Promise<Category | undefined> {
  return (await getCategories()).find((category) => category.id === slug);
}

/** Looks up a guide by slug among the guides this build publishes. */
export async function findGuide(slug: string): Promise<Guide | undefined> {
  return (await getGuides()).find((guide) => guide.id === slug);
}

/** One line of the A–Z index: a message template or a code, pointing at its rule. */
export interface IndexEntry {
  kind: 'message' | 'code';
  text: string;
  rule: Rule;
}

/** A letter of the A–Z index with its entries, sorted. */
export interface IndexGroup {
  letter: string;
  /** Usable as an HTML id and in the jump links. */
  anchor: string;
  entries: IndexEntry[];
}

/** The letter an entry is filed under: first letter of its readable text, or "#". */
export function indexLetter(text: string): string {
  const first = readableMessage(text).trim().charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/** Every message and every code of every rule, grouped by first letter (A–Z, then "#"). */
export async function getIndexGroups(): Promise<IndexGroup[]> {
  const entries: IndexEntry[] = (await getRules()).flatMap((rule) => [
    ...rule.data.messages.map((text) => ({ kind: 'message' as const, text, rule })),
    ...rule.data.codes.map((text) => ({ kind: 'code' as const, text, rule })),
  ]);
  const groups = new Map<string, IndexEntry[]>();
  for (const entry of entries) {
    const letter = indexLetter(entry.text);
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  const sortKey = (entry: IndexEntry) => readableMessage(entry.text);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, list]) => ({
      letter,
      anchor: letter === '#' ? 'other' : letter.toLowerCase(),
      entries: list.sort(
        (a, b) =>
          // `numeric` files AADSTS50013 before AADSTS500014, as a reader expects.
          sortKey(a).localeCompare(sortKey(b), 'en', { sensitivity: 'base', numeric: true }) || byTitle(a.rule, b.rule),
      ),
    }));
}

/** Message templates are parsed by the engine's grammar module, so the page shows what the engine matches. */
import { readableTemplate } from '../triage/index/template.ts';
export { templateParts, type TemplatePart } from '../triage/index/template.ts';

/** A template as plain readable text, placeholders shown as "…" (for sorting and filing). */
export const readableMessage = readableTemplate;

/** Microsoft's public look-up page for an Entra code (shared with the triage page and the CLI). */
export { microsoftLookupUrl } from '../triage/present/explain.ts';

/** Site URLs, in one place so every link agrees with the trailing-slash policy. */
export const urls = {
  home: '/',
  errors: '/errors/',
  rule: (id: string) => `/errors/${id}/`,
  categories: '/categories/',
  category: (slug: string) => `/categories/${slug}/`,
  guide: (slug: string) => `/guides/${slug}/`,
  hub: '/guides/find-ipp-failure-reason/',
  triage: '/triage/',
  search: '/search/',
} as const;
