/**
 * Help around a search query, decided without loading anything: whether it
 * looks like a pasted error message (then the triage box is the better
 * tool), and the notice shown when a misspelt query was retried. The typo
 * correction itself lives in spelling.ts, loaded only when a search finds
 * nothing.
 */
import { ERRORISH } from '../../triage/text/vocabulary.ts';
import type { PagefindInstance } from './pagefind-ui.ts';

/** Words in a query, counted up to a small bound. */
function wordCount(query: string, max = 12): number {
  let words = 0;
  for (const _ of query.slice(0, 500).matchAll(/[\p{L}\p{N}]{2,}/gu)) if (++words >= max) break;
  return words;
}

/**
 * True when a query reads like an error copied from the audit log rather
 * than search words: an Entra code, a long sentence, or error words with a
 * few more around them ("refresh token has expired due to inactivity").
 */
export function looksLikeErrorMessage(query: string): boolean {
  const text = query.trim();
  if (/\bAADSTS\d{4,}\b/i.test(text)) return true;
  const words = wordCount(text);
  if (words >= 8) return true;
  return words >= 4 && ERRORISH.test(text);
}

/** The triage page prefilled with `text` (the fragment never reaches a server). */
export function triageLink(text: string): string {
  return `/triage/#q=${encodeURIComponent(text.trim())}`;
}

function paragraph(...children: Array<Node | string>): HTMLParagraphElement {
  const p = document.createElement('p');
  p.append(...children);
  return p;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

/**
 * Shows, above the results: "Paste it into the triage box" when the query
 * looks like an error message; and, when a query finds nothing, retries it
 * with misspelt words corrected and says so ("Showing results for
 * password"). Texts are inserted as text, never as HTML.
 */
export function mountQueryHelp(container: HTMLElement, search: PagefindInstance): void {
  let term = '';
  /** The query as typed, while its corrected form is being shown. */
  let correctedFrom = '';
  let correctedTo = '';

  const render = (noResults = false) => {
    const parts: HTMLElement[] = [];
    if (correctedFrom && term === correctedTo) {
      parts.push(
        paragraph(
          noResults ? `No results for “${correctedFrom}” or “${correctedTo}”.` : `No results for “${correctedFrom}”. Showing results for “${correctedTo}”.`,
        ),
      );
    }
    const original = correctedFrom && term === correctedTo ? correctedFrom : term;
    if (looksLikeErrorMessage(original)) {
      parts.push(
        paragraph(
          'This looks like an error message. ',
          link(triageLink(original), 'Paste it into the triage box'),
          ' to see which error it is and what to do.',
        ),
      );
    }
    container.replaceChildren(...parts);
  };

  /** Says on the container which query (as typed) is being searched and when it is done, for tests and the bench. */
  const setState = (state: 'searching' | 'done') => {
    container.dataset.searchQuery = correctedFrom && term === correctedTo ? correctedFrom : term;
    container.dataset.searchState = state;
  };

  search.on('search', (next) => {
    term = next;
    if (term !== correctedTo) correctedFrom = correctedTo = '';
    render();
    setState('searching');
  });

  search.on('results', async (results) => {
    const searched = term;
    if (!searched.trim() || (results?.results?.length ?? 0) > 0) return setState('done');
    if (correctedFrom) {
      render(true); // the corrected query found nothing either
      return setState('done');
    }
    const { correctQuery } = await import('./spelling.ts');
    const corrected = await correctQuery(searched);
    // Still the same query, and a real change (not just case or spacing)?
    if (term !== searched) return;
    if (!corrected || corrected === searched.trim().toLowerCase()) return setState('done');
    correctedFrom = searched;
    correctedTo = corrected;
    search.triggerSearch(corrected);
  });
}
