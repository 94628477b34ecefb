/**
 * The paste box: debounced triage in a worker, results announced to screen
 * readers, `#q=` prefill, copy link and copy resolution. No request ever
 * carries the pasted text: the worker only fetches the static index, and the
 * text is kept in the URL fragment, which browsers never send to a server.
 */
import { parseSupportHref, supportHref as buildSupportHref, cutText } from '../../../lib/support-link.ts';
import { resolutionText } from '../../../triage/present/explain.ts';
import { MAX_INPUT_CHARS } from '../../../triage/limits.ts';
import { normalise } from '../../../triage/text/normalise.ts';
import { tokenise } from '../../../triage/text/tokenise.ts';
import type { TriageResult } from '../../../triage/types.ts';
import { describeRedaction, redactDetailed } from '../../../triage/text/redact.ts';
import { isSignificant } from '../../../triage/text/vocabulary.ts';
import type { TriageRequest, TriageResponse } from './protocol.ts';
import { CONTACT_PANEL_ID, renderContactPanel, renderMessage, renderResult, summarise } from './render.ts';

const DEBOUNCE_MS = 250;
/** Show "working" only when an answer takes longer than this. */
const BUSY_NOTICE_MS = 200;
const SEARCH_WORDS = 6;

/** The paste's meaningful words, for a Pagefind search when nothing matched. */
export function searchWords(text: string): string {
  const words = tokenise(normalise(text.slice(0, 4000)).text)
    .filter((token) => !token.code && isSignificant(token.key) && token.key.length >= 4 && !/\d/.test(token.key))
    .map((token) => token.key);
  return [...new Set(words)].slice(0, SEARCH_WORDS).join(' ');
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function mountTriageBox(root: HTMLElement): void {
  const input = root.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
  const output = root.querySelector<HTMLElement>('[data-triage-output]')!;
  const status = root.querySelector<HTMLElement>('[data-triage-status]')!;
  const copyLink = root.querySelector<HTMLButtonElement>('[data-copy-link]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-clear]')!;
  const supportTarget = parseSupportHref(root.dataset.supportHref ?? '');
  /** This page without its fragment: the `#q=` paste must never reach support unasked. */
  const pageUrl = () => `${location.origin}${location.pathname}`;
  /** The support link; pasted text only when the user has approved the redacted text. */
  const supportLink = (text?: string) =>
    supportTarget ? buildSupportHref(supportTarget, { page: pageUrl(), ...(text ? { text } : {}) }) : (root.dataset.supportHref ?? '/');
  const supportLabel = root.dataset.supportLabel ?? 'contact support';
  const triagePage = new URL(root.dataset.triagePage ?? '/triage/', location.origin);

  let worker: Worker | null = null;
  let latest = 0;
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busyTimer: ReturnType<typeof setTimeout> | undefined;
  let lastResult: TriageResult | null = null;
  /** The text last sent for triage: reading a multi-megabyte textarea again is not free. */
  let lastText = '';

  const announce = (message: string) => {
    status.textContent = message;
  };

  const startWorker = () => {
    const created = new Worker(new URL('./triage.worker.ts', import.meta.url), { type: 'module' });
    created.addEventListener('message', (event: MessageEvent<TriageResponse>) => onResponse(event.data));
    created.addEventListener('error', () => {
      renderMessage(output, 'The triage engine could not start. Reload the page, or use the search instead.', 'error');
      announce('The triage engine could not start.');
    });
    return created;
  };

  function onResponse(response: TriageResponse) {
    if (response.id !== latest) return; // an older paste: its answer is no longer wanted
    pending = false;
    clearTimeout(busyTimer);
    root.removeAttribute('aria-busy');
    if (!response.ok) {
      lastResult = null;
      renderMessage(output, response.error, 'error');
      announce(response.error);
      return;
    }
    lastResult = response.result;
    renderResult(output, response.result, {
      searchHref: `/search/#q=${encodeURIComponent(searchWords(lastText))}`,
      supportHref: supportLink(),
      supportLabel,
    });
    announce(summarise(response.result));
  }

  const run = () => {
    const text = input.value;
    lastText = text;
    latest++;
    if (text.trim() === '') {
      pending = false;
      lastResult = null;
      output.replaceChildren();
      announce('');
      return;
    }
    if (text.length > MAX_INPUT_CHARS) {
      const size = (text.length / 1_000_000).toFixed(1);
      const message = `This paste has ${size} million characters; the limit is ${MAX_INPUT_CHARS / 1_000_000} million. Paste the failed records only (your text is still in the box).`;
      lastResult = null;
      renderMessage(output, message, 'error');
      announce(message);
      return;
    }
    // A long job still running for an older paste is abandoned, not waited for.
    if (pending && worker) {
      worker.terminate();
      worker = null;
    }
    worker ??= startWorker();
    pending = true;
    clearTimeout(busyTimer);
    busyTimer = setTimeout(() => {
      root.setAttribute('aria-busy', 'true');
      renderMessage(output, `Reading ${(text.length / 1000).toLocaleString('en', { maximumFractionDigits: 0 })} KB…`);
    }, BUSY_NOTICE_MS);
    const request: TriageRequest = { id: latest, text };
    worker.postMessage(request);
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  };

  input.addEventListener('input', () => schedule(DEBOUNCE_MS));
  input.addEventListener('paste', () => schedule(0));

  copyLink.addEventListener('click', async () => {
    const link = new URL(triagePage);
    link.hash = `q=${encodeURIComponent(input.value)}`;
    const copied = await copyText(link.toString());
    announce(copied ? 'Link copied. It carries the text in the part after #, which is never sent to a server.' : `Copy this link: ${link}`);
  });

  clear.addEventListener('click', () => {
    input.value = '';
    run();
    input.focus();
  });

  /** The redacted text last shown for approval: exactly what "Include this text" adds. */
  let approvedCandidate = '';

  output.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('[data-contact-support]');
    const panel = output.querySelector<HTMLElement>(`#${CONTACT_PANEL_ID}`);
    if (!link || !panel) return;
    // Show what would be sent and ask first, instead of leaving at once.
    event.preventDefault();
    const redaction = redactDetailed(lastText);
    approvedCandidate = cutText(redaction.text.trim());
    renderContactPanel(panel, {
      preview: approvedCandidate,
      hidden: describeRedaction(redaction.counts),
      href: supportLink(),
      linkLabel: supportTarget?.kind === 'url' ? 'Open the support form' : 'Open an e-mail to support',
    });
    link.setAttribute('aria-expanded', 'true');
    panel.querySelector<HTMLElement>('h4')?.focus();
  });

  output.addEventListener('change', (event) => {
    const include = (event.target as HTMLElement).closest<HTMLInputElement>('[data-contact-include]');
    const send = output.querySelector<HTMLAnchorElement>('[data-contact-send]');
    if (!include || !send) return;
    send.href = supportLink(include.checked ? approvedCandidate : undefined);
    announce(include.checked ? 'The text shown will be included in your message to support.' : 'Your message to support will not include the text.');
  });

  output.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-copy-resolution]');
    if (!button || !lastResult) return;
    const match = lastResult.matches.find((candidate) => candidate.id === button.dataset.copyResolution);
    if (!match) return;
    const copied = await copyText(resolutionText(match, location.origin));
    announce(copied ? `Resolution for "${match.title}" copied.` : 'Copying is blocked here; select the text instead.');
  });

  const prefill = () => {
    const match = /^#q=(.*)$/s.exec(location.hash);
    if (!match) return;
    try {
      input.value = decodeURIComponent(match[1]!);
    } catch {
      input.value = match[1]!;
    }
    run();
  };
  if (root.dataset.prefill === 'true') {
    prefill();
    window.addEventListener('hashchange', prefill);
  }
}
