/**
 * Loads Pagefind's Component UI (shipped by `pagefind --site dist` at /pagefind/)
 * once, on demand. The files exist only in the built site, so they are loaded
 * at run time by URL rather than bundled; both come from our own origin, which
 * the Content-Security-Policy allows (script-src 'self', style-src 'self').
 */
const BUNDLE_PATH = '/pagefind/';

/** The part of Pagefind's instance API this site uses. */
export interface PagefindInstance {
  triggerSearch(term: string): void;
  on(event: 'search', callback: (term: string) => void): void;
  on(event: 'results', callback: (results: { results?: unknown[] } | undefined) => void): void;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}

declare global {
  interface Window { PagefindComponents?: PagefindComponents }
}

let loading: Promise<PagefindComponents> | undefined;

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
