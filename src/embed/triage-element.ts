/**
 * `<ipp-triage for="description">`: watches the host page's text field with
 * that id (a help desk's ticket form) and, as the customer types or pastes,
 * shows the top answer from this site's triage, with its steps and a link to
 * the article.
 *
 * Privacy: the only request is one GET of this site's triage index
 * (`/triage-index.json`, without cookies or referrer); triage runs here, in
 * the customer's browser, and the text never leaves it.
 */
import { createEngine, type TriageEngine } from '../triage/engine.ts';
import { absoluteUrl } from '../triage/present/explain.ts';
import { loadTriageIndex } from '../lib/triage-index.ts';
import { EMBED_CSS } from './styles.ts';
import { answerPanel } from './view.ts';

/** Wait for a pause in typing before triaging. */
const DEBOUNCE_MS = 350;
/** A ticket description, not an export: longer text is triaged on its first part only, to keep typing smooth. */
const MAX_TRIAGED_CHARS = 100_000;

let engineOnce: Promise<TriageEngine> | undefined;

/** The engine over this site's index, fetched once per page however many widgets it has. */
function engineFrom(site: URL): Promise<TriageEngine> {
  engineOnce ??= loadTriageIndex(site, { credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors' }).then((index) => createEngine(index));
  engineOnce.catch(() => (engineOnce = undefined)); // a failed fetch is tried again on the next input
  return engineOnce;
}

type Field = HTMLTextAreaElement | HTMLInputElement;

export function defineTriageElement(site: URL, name = 'ipp-triage'): void {
  if (customElements.get(name)) return;

  class IppTriageElement extends HTMLElement {
    static observedAttributes = ['for'];

    private readonly view: HTMLElement;
    private field: Field | null = null;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private lastText = '';
    private readonly onInput = () => this.schedule();

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(EMBED_CSS);
      root.adoptedStyleSheets = [sheet];
      this.view = document.createElement('div');
      this.view.setAttribute('aria-live', 'polite');
      root.append(this.view);
    }

    connectedCallback(): void {
      this.watch();
    }

    disconnectedCallback(): void {
      this.unwatch();
    }

    attributeChangedCallback(): void {
      if (this.isConnected) this.watch();
    }

    /** Follows the field named by `for`; the form may add it after the widget, so waits for the page to load if needed. */
    private watch(): void {
      this.unwatch();
      const id = this.getAttribute('for');
      const field = id ? document.getElementById(id) : null;
      if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) {
        if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.watch(), { once: true });
        return;
      }
      this.field = field;
      field.addEventListener('input', this.onInput);
      if (field.value.trim()) this.schedule();
    }

    private unwatch(): void {
      this.field?.removeEventListener('input', this.onInput);
      this.field = null;
      clearTimeout(this.timer);
    }

    private schedule(): void {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.update(), DEBOUNCE_MS);
    }

    private async update(): Promise<void> {
      const text = (this.field?.value ?? '').slice(0, MAX_TRIAGED_CHARS);
      if (text === this.lastText) return;
      this.lastText = text;
      if (!text.trim()) return this.show(null);
      let engine: TriageEngine;
      try {
        engine = await engineFrom(site);
      } catch {
        return this.show(null); // the help site is unreachable: the form works as before
      }
      if (text !== this.lastText) return; // typed on while the index loaded
      const articleUrl = (url: string) => absoluteUrl(url, site);
      this.show(answerPanel(engine.triage(text), articleUrl));
    }

    private show(panel: HTMLElement | null): void {
      this.view.replaceChildren(...(panel ? [panel] : []));
      this.toggleAttribute('data-answered', panel !== null);
    }
  }

  customElements.define(name, IppTriageElement);
}
