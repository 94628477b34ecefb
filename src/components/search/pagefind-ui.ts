/**
 * Loads Pagefind's Component UI (shipped by `pagefind --site dist` at /pagefind/)
 * once, on demand. The files exist only in the built site, so they are loaded
 * at run time by URL rather than bundled; both come from our own origin, which
 * the Content-Security-Policy allows (script-src 'self', style-src 'self').
 */
const BUNDLE_PATH = '/pagefind/';

/** Pagefind's search function, as its instance calls it: `search(term, { filters, sort })`. */
export type PagefindSearch = (term: string, options?: unknown) => Promise<PagefindResponse | null>;
export interface PagefindResponse {
  results: Array<{ id: string; data(): Promise<{ url: string; content: string; meta: Record<string, string | undefined> }> }>;
}

/** The part of Pagefind's Component UI instance API this site uses. */
export interface PagefindInstance {
  searchTerm: string;
  triggerSearch(term: string): void;
  triggerLoad(): Promise<void>;
  on(event: 'search', callback: (term: string) => void): void;
  on(event: 'results', callback: (results: { results?: unknown[] } | undefined) => void): void;
  /** Pagefind's own search API once loaded; not documented (see useSearch). */
  __pagefind__?: { search: PagefindSearch } | null;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
  configureInstance(name: string, options: Record<string, unknown>): void;
}

declare global {
  interface Window {
    PagefindComponents?: PagefindComponents;
  }
}

let loading: Promise<PagefindComponents> | undefined;

/**
 * Ranking for this site (https://pagefind.app/docs/ranking/): a word in a
 * page's title, or a rule's own error code (the `codes` meta of rule pages),
 * says far more about the page than the same word in its text.
 */
const RANKING = { metaWeights: { title: 10, codes: 10 } };

function addStylesheet(href: string): void {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  // Insert first in <head> so the site's own theme variables keep precedence.
  document.head.prepend(link);
}

/** Defines the <pagefind-*> elements; resolves with Pagefind's API. */
export function loadPagefindUI(): Promise<PagefindComponents> {
  loading ??= (async () => {
    addStylesheet(`${BUNDLE_PATH}pagefind-component-ui.css`);
    const url = `${BUNDLE_PATH}pagefind-component-ui.js`;
    await import(/* @vite-ignore */ url);
    if (!window.PagefindComponents) throw new Error(`Pagefind UI did not load from ${url}`);
    window.PagefindComponents.configureInstance('default', { ranking: RANKING });
    return window.PagefindComponents;
  })();
  return loading;
}

/** Moves focus into a Pagefind search input once the element has rendered it; returns the input. */
export async function focusSearchInput(container: HTMLElement): Promise<HTMLInputElement | undefined> {
  await customElements.whenDefined('pagefind-input');
  for (let attempt = 0; attempt < 20; attempt++) {
    const input = container.querySelector<HTMLInputElement>('pagefind-input input');
    if (input) {
      input.focus();
      return input;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return undefined;
}

/**
 * Makes `instance` search with `wrap(search)` instead of Pagefind's own
 * `search`, so the site's own search (ranked-search.ts) feeds the Component
 * UI's results, summary, filters and announcements. The Component UI has no
 * public hook for that: its instance calls `__pagefind__.search(term,
 * options)` once Pagefind is loaded, and this replaces that one function
 * (pagefind ~1.6; the browser tests and `npm run bench:search` fail if it
 * moves). A search typed while Pagefind was loading is run again.
 */
export async function useSearch(instance: PagefindInstance, wrap: (search: PagefindSearch) => PagefindSearch): Promise<void> {
  await instance.triggerLoad();
  const pagefind = instance.__pagefind__;
  if (!pagefind || typeof pagefind.search !== 'function') throw new Error('Pagefind Component UI: no search function to wrap (has its instance API changed?)');
  pagefind.search = wrap(pagefind.search.bind(pagefind));
  if (instance.searchTerm) instance.triggerSearch(instance.searchTerm);
}
