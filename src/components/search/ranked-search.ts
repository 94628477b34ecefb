/**
 * The site's search, around Pagefind's: what the header dialog and /search/
 * run for every query (src/components/search/query-help.ts installs it).
 * No DOM here; `search` is Pagefind's own search function.
 *
 * - A query with an Entra code shows only the pages that hold that code,
 *   the page whose error it is first. When no page lists it among its codes
 *   the outcome says so ("No article for AADSTS50199 yet"), instead of the
 *   dozens of pages Pagefind matches on a code's first letters.
 * - Other queries are searched without their question words ("how do I",
 *   "the"): Pagefind returns only pages holding every word of a query.
 * - Pagefind's first few results are put in order of fit: how much of the
 *   query a page holds, and how much of it its title holds.
 * - When no result fits the query perfectly (every word in its title), the
 *   first results are weak, and rewrites are tried: the words no page holds
 *   corrected against the knowledge base's own words (or left out when
 *   nothing is close); the same after replacing customers' words with the
 *   articles' (src/components/search/synonyms.ts); and, since Pagefind wants
 *   every word, the query with one word set aside at a time. The rewrite
 *   whose best result fits what was typed better than the query's own wins,
 *   and the outcome says what was searched instead.
 */
import { isFillerWord, partsOf, readQuery, stem, stemsOf } from './query.ts';
import { withSynonyms, type QueryPart } from './synonyms.ts';

/** The part of a Pagefind result this module reads. */
export interface SearchResultData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}
export interface SearchResult {
  id: string;
  data(): Promise<SearchResultData>;
}
export interface SearchResponse {
  results: SearchResult[];
}
/** Pagefind's `search(term, options)`; `options` (filters, sort) is passed through untouched. */
export type SearchFunction<R extends SearchResponse = SearchResponse> = (term: string, options?: unknown) => Promise<R | null>;
/** Corrections for misspelt words (word → the knowledge base's word); words with none are missing from the map. */
export type Speller = (words: string[]) => Promise<Map<string, string>>;

export type SearchOutcome =
  | { kind: 'as-typed' }
  /**
   * Results for `searched` instead: `corrected` words misspelt, `unknown`
   * words no page holds (left out), `without` words set aside to find pages
   * holding the rest.
   */
  | { kind: 'rewritten'; searched: string; corrected: Array<[string, string]>; unknown: string[]; without: string[] }
  /** An Entra code that no page lists as its own; the results are the pages that merely mention it. */
  | { kind: 'no-article'; code: string };

export interface RankedSearch<R extends SearchResponse> {
  response: R | null;
  outcome: SearchOutcome;
}

/** The meta fields rule pages carry their codes and audit-log messages in (src/pages/errors/[id].astro), and guides their kind. */
export const CODES_META = 'codes';
export const MESSAGES_META = 'messages';
const KIND_META = 'kind';
/** How many of a code's results are checked for the rule that owns it: the owner ranks first (its codes meta weighs most). */
const OWNER_CHECKS = 3;
/** How many of Pagefind's first results are put in order of fit. */
const REORDERED = 5;
/** Queries longer than this are not searched with one word set aside at a time (each is a search). */
const MAX_WORDS_SET_ASIDE = 6;

const AS_TYPED: SearchOutcome = { kind: 'as-typed' };

/** Does a text (as stems) hold every word of a query part? The last word typed may be unfinished: a prefix will do. */
function holds(stems: Set<string>, words: readonly string[], unfinished: boolean): boolean {
  return words.every((word, index) =>
    partsOf(word).every((part) => {
      if (stems.has(stem(part))) return true;
      if (!unfinished || index !== words.length - 1 || part.length < 3) return false;
      for (const candidate of stems) if (candidate.startsWith(part)) return true;
      return false;
    }),
  );
}

/**
 * How well a page answers the query, from 0 to 2: the share of the query's
 * parts the page holds, plus the share held by what names its error, its
 * title or (on a rule page) the messages the audit log shows for it,
 * whichever holds more: a query in those words is about this page. A part
 * counts when the page holds it as typed or as searched (corrected, or in
 * the articles' words); a part set aside counts only as typed.
 */
async function fitOf(result: SearchResult, parts: readonly QueryPart[]): Promise<{ fit: number; titleFocus: number }> {
  const data = await result.data();
  const names = [data.meta.title ?? '', data.meta[MESSAGES_META] ?? ''].map(stemsOf);
  const page = stemsOf(`${data.meta.title ?? ''} ${data.content}`);
  const share = (stems: Set<string>) =>
    parts.filter((part, index) => {
      const forms = part.searched.length > 0 ? [part.typed, part.searched] : [part.typed];
      return forms.some((words) => holds(stems, words, index === parts.length - 1));
    }).length / Math.max(1, parts.length);
  return { fit: share(page) + Math.max(...names.map(share)), titleFocus: titleFocus(data.meta.title ?? '', parts) };
}

/** The share of a title's own words that the query says: the more of the title is the query, the more the page is about it. */
function titleFocus(title: string, parts: readonly QueryPart[]): number {
  const said = new Set(
    parts
      .flatMap((part) => [...part.typed, ...part.searched])
      .flatMap(partsOf)
      .map(stem),
  );
  const own = [...stemsOf(title)].filter((word) => !isFillerWord(word));
  return own.filter((word) => said.has(word)).length / Math.max(1, own.length);
}
const PERFECT_FIT = 2;

/** A way of searching the query: the parts searched and what to tell the reader about it. */
interface Variant {
  parts: QueryPart[];
  outcome: SearchOutcome;
}

/** How a variant's first results are put in order: by fit, then by how much of the title the query says, then (for a "how do I" question) guides first, then Pagefind's order. */
interface Ordering {
  guidesFirst: boolean;
}

interface Searched<R extends SearchResponse> {
  response: R | null;
  /** The best fit among the first results (−1 with no result). */
  fit: number;
}

/** The words a variant sends to Pagefind: filler words left out unless nothing else is left. */
function searchedText(parts: readonly QueryPart[]): string {
  const words = parts.flatMap((part) => part.searched);
  const kept = words.filter((word) => !isFillerWord(word));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** Searches a variant and puts its first results in order (see Ordering). */
async function searchVariant<R extends SearchResponse>(
  search: SearchFunction<R>,
  variant: Variant,
  options: unknown,
  ordering: Ordering,
): Promise<Searched<R>> {
  const response = await search(searchedText(variant.parts), options);
  const results = response?.results ?? [];
  if (!response || results.length === 0) return { response, fit: -1 };
  const first = results.slice(0, REORDERED);
  const judged = await Promise.all(
    first.map(async (result, index) => ({
      result,
      index,
      ...(await fitOf(result, variant.parts)),
      guide: ordering.guidesFirst && (await result.data()).meta[KIND_META] === 'guide',
    })),
  );
  // Between equal fits the page whose title is more of the query comes first: "password expired" is
  // "Password of the account has expired" before "Session no longer valid after a password change or expiry".
  const order = judged.sort((a, b) => b.fit - a.fit || b.titleFocus - a.titleFocus || Number(b.guide) - Number(a.guide) || a.index - b.index);
  return { response: { ...response, results: [...order.map((entry) => entry.result), ...results.slice(REORDERED)] }, fit: order[0]!.fit };
}

/** Which of the words appear on some page of the site: a quoted word is matched exactly (as a stem), never by its first letters. */
async function wordsOnTheSite(search: SearchFunction, words: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(words.map(async (word) => ((await search(`"${word}"`))?.results.length ?? 0) > 0));
  return new Set(words.filter((_, index) => found[index]));
}

/** The searched words of `parts` that no page holds (a short last word may be unfinished, "conditional acc": it is not one). */
function unknownWords(parts: readonly QueryPart[], known: Set<string>): string[] {
  return parts.flatMap((part, index) =>
    part.searched.filter((word, offset) => {
      const last = index === parts.length - 1 && offset === part.searched.length - 1;
      return !known.has(word) && !isFillerWord(word) && !(last && word.length < 4);
    }),
  );
}

/** The parts with every word that no page holds corrected, or left out when there is no correction. */
function spelt(parts: readonly QueryPart[], unknown: readonly string[], corrections: Map<string, string>) {
  const corrected: Array<[string, string]> = [];
  const missing: string[] = [];
  const fixed = parts.map((part) => ({
    typed: part.typed,
    searched: part.searched.flatMap((word) => {
      if (!unknown.includes(word)) return [word];
      const correction = corrections.get(word);
      if (correction) corrected.push([word, correction]);
      else missing.push(word);
      return correction ? [correction] : [];
    }),
  }));
  return { parts: fixed, corrected, unknown: missing };
}

/** The rewrites tried when the query's own first results are weak, best guesses first. */
async function rewritesOf(search: SearchFunction, tokens: string[], asTyped: QueryPart[], speller: Speller): Promise<Variant[]> {
  const inArticlesWords = withSynonyms(tokens).filter((part) => !part.typed.every(isFillerWord));
  const known = await wordsOnTheSite(search, [...new Set([...asTyped, ...inArticlesWords].flatMap((part) => part.searched))]);
  const unknown = [...new Set([...unknownWords(asTyped, known), ...unknownWords(inArticlesWords, known)])];
  const corrections = unknown.length > 0 ? await speller(unknown) : new Map<string, string>();
  const rewrite = (parts: QueryPart[], corrected: Array<[string, string]>, missing: string[], without: string[]): Variant => ({
    parts,
    outcome: { kind: 'rewritten', searched: searchedText(parts), corrected, unknown: missing, without },
  });
  const spelling = spelt(asTyped, unknown, corrections);
  const synonyms = spelt(inArticlesWords, unknown, corrections);
  const variants = [rewrite(spelling.parts, spelling.corrected, spelling.unknown, []), rewrite(synonyms.parts, synonyms.corrected, synonyms.unknown, [])];
  const searchable = spelling.parts.filter((part) => part.searched.length > 0);
  if (searchable.length >= 2 && searchable.length <= MAX_WORDS_SET_ASIDE) {
    for (const aside of searchable) {
      const parts = spelling.parts.map((part) => (part === aside ? { typed: part.typed, searched: [] } : part));
      variants.push(rewrite(parts, spelling.corrected, spelling.unknown, aside.typed));
    }
  }
  return variants;
}

async function searchCode<R extends SearchResponse>(search: SearchFunction<R>, code: string, options: unknown): Promise<RankedSearch<R>> {
  const [ranked, exact] = await Promise.all([search(code, options), search(`"${code}"`, options)]);
  const holding = new Set(exact?.results.map((result) => result.id));
  const results = (ranked?.results ?? []).filter((result) => holding.has(result.id));
  const owners = await Promise.all(results.slice(0, OWNER_CHECKS).map(async (result) => (await result.data()).meta[CODES_META] ?? ''));
  const owned = owners.some((codes) => codes.toUpperCase().split(/\s+/).includes(code));
  // The exact search's counts (per category filter too) are those of the pages shown.
  return { response: exact ? { ...exact, results } : exact, outcome: owned ? AS_TYPED : { kind: 'no-article', code } };
}

/** Runs `typed` the site's way (see the top of this file). */
export async function rankedSearch<R extends SearchResponse>(
  search: SearchFunction<R>,
  typed: string,
  options: unknown,
  speller: Speller,
): Promise<RankedSearch<R>> {
  const query = readQuery(typed);
  if (query.codes[0]) return searchCode(search, query.codes[0], options);
  if (query.words.length === 0) return { response: await search(typed, options), outcome: AS_TYPED };

  const asTyped: QueryPart[] = query.words.map((word) => ({ typed: [word], searched: [word] }));
  const ordering: Ordering = { guidesFirst: query.asksHow };
  const primary = await searchVariant(search, { parts: asTyped, outcome: AS_TYPED }, options, ordering);
  if (primary.fit >= PERFECT_FIT) return { response: primary.response, outcome: AS_TYPED };

  const tried = new Set([searchedText(asTyped)]);
  const variants = (await rewritesOf(search, query.tokens, asTyped, speller)).filter((variant) => {
    const text = searchedText(variant.parts);
    if (!text || tried.has(text)) return false;
    tried.add(text);
    return true;
  });
  const searched = await Promise.all(variants.map((variant) => searchVariant(search, variant, options, ordering)));
  let best = { ...primary, outcome: AS_TYPED };
  searched.forEach((candidate, index) => {
    // Strictly better only: between equals the query as typed, then the earlier rewrite, is kept.
    if (candidate.fit > best.fit) best = { ...candidate, outcome: variants[index]!.outcome };
  });
  return { response: best.response, outcome: best.outcome };
}
