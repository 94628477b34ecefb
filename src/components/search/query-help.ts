/**
 * The search behaviour the header's dialog and /search/ share: one call,
 * mountSearch, makes a Pagefind Component UI instance search the site's way
 * (ranked-search.ts) and says, above the results, what happened to the
 * query: what was searched instead ("Showing results for “password
 * expired”"), that an Entra code has no article yet (with Microsoft's lookup
 * and the triage box), or that the query reads like an error message (then
 * the triage box is the better tool). Texts are inserted as text, never as
 * HTML.
 *
 * The help element says which query it is about and whether that search is
 * done (`data-search-query`, `data-search-state="searching" | "done"`), so
 * tests and `npm run bench:search` wait on the page, never on a clock.
 */
import { microsoftLookupUrl } from '../../triage/present/explain.ts';
import { loadPagefindUI, useSearch, type PagefindInstance } from './pagefind-ui.ts';
import { looksLikeErrorMessage, triageLink } from './query.ts';
import { rankedSearch, type SearchOutcome, type Speller } from './ranked-search.ts';

/** The typo correction loads (with the words it knows) only when a search needs it. */
const speller: Speller = async (words) => (await import('./spelling.ts')).correctWords(words);

function paragraph(...children: Array<Node | string>): HTMLParagraphElement {
  const p = document.createElement('p');
  p.append(...children);
  return p;
}

function strong(text: string): HTMLElement {
  const element = document.createElement('strong');
  element.textContent = text;
  return element;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

const quoted = (text: string) => `“${text}”`;
const listed = (words: string[]) => words.map(quoted).join(', ');

/** The notices for one query's outcome, in the order shown. */
export function helpFor(typed: string, outcome: SearchOutcome, resultCount: number): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (outcome.kind === 'no-article') {
    const { code } = outcome;
    const lookup = microsoftLookupUrl(code);
    const notice = paragraph(
      strong(`No article for ${code} yet.`),
      ' ',
      ...(lookup ? [link(lookup, `Look up ${code} on Microsoft`), ', or '] : []),
      link(triageLink(typed), lookup ? 'paste the whole message into the triage box' : 'Paste the whole message into the triage box'),
      resultCount > 0
        ? `: another error in it may be known. ${resultCount === 1 ? 'The page below mentions' : 'The pages below mention'} ${code}.`
        : ': another error in it may be known.',
    );
    notice.dataset.noArticle = code;
    return [notice];
  }
  if (outcome.kind === 'rewritten') {
    const notes = [`No good match for ${quoted(typed.trim())}.`];
    if (outcome.unknown.length > 0) notes.push(`No page has ${listed(outcome.unknown)}.`);
    if (outcome.without.length > 0) notes.push(`No page has all of it: ${listed(outcome.without)} was set aside.`);
    const notice = paragraph(`${notes.join(' ')} `, strong(`Showing results for ${quoted(outcome.searched)}.`));
    notice.dataset.showing = outcome.searched;
    parts.push(notice);
  }
  if (looksLikeErrorMessage(typed)) {
    parts.push(
      paragraph('This looks like an error message. ', link(triageLink(typed), 'Paste it into the triage box'), ' to see which error it is and what to do.'),
    );
  }
  return parts;
}

/**
 * Makes the `default` Pagefind instance of the page search the site's way
 * and keeps `help` in step with it. Resolves with the instance once search
 * is ready.
 */
export async function mountSearch(help: HTMLElement): Promise<PagefindInstance> {
  const components = await loadPagefindUI();
  const instance = components.getInstanceManager().getInstance('default');
  /** The outcome of the latest search, by the term it was for. */
  let latest: { term: string; outcome: SearchOutcome } = { term: '', outcome: { kind: 'as-typed' } };

  instance.on('search', (term) => {
    help.dataset.searchQuery = term;
    help.dataset.searchState = 'searching';
  });
  instance.on('results', (response) => {
    const term = instance.searchTerm;
    const outcome = latest.term === term ? latest.outcome : { kind: 'as-typed' as const };
    help.replaceChildren(...(term.trim() ? helpFor(term, outcome, response?.results?.length ?? 0) : []));
    help.dataset.searchQuery = term;
    help.dataset.searchState = 'done';
  });

  await useSearch(instance, (search) => async (term, options) => {
    const { response, outcome } = await rankedSearch(search, term, options, speller);
    latest = { term, outcome };
    return response;
  });
  return instance;
}
