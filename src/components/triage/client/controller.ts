/**
 * The paste box: debounced triage in a worker, results announced to screen
 * readers, `#q=` prefill (answer first: the paste folds away and focus goes
 * to the result), copy link (redacted) and copy resolution, with visible
 * feedback. No request ever carries the pasted text: the worker only fetches
 * the static index, and a shared link keeps the (redacted) text in the URL
 * fragment, which browsers never send to a server.
 */
import { announce as announceIn, copyWithFeedback } from '../../../lib/copy-feedback.ts';
import { parseSupportHref, supportHref as buildSupportHref, cutText } from '../../../lib/support-link.ts';
import { resolutionText } from '../../../triage/present/explain.ts';
import { answersOf } from '../../../triage/present/present.ts';
import { supportText } from '../../../triage/present/datasources.ts';
import { MAX_INPUT_CHARS } from '../../../triage/limits.ts';
import { normalise } from '../../../triage/text/normalise.ts';
import { tokenise } from '../../../triage/text/tokenise.ts';
import type { TriageResult } from '../../../triage/types.ts';
import { describeRedaction, redactDetailed } from '../../../triage/text/redact.ts';
import { isSignificant } from '../../../triage/text/vocabulary.ts';
import type { TriageRequest, TriageResponse } from './protocol.ts';
import { CONTACT_PANEL_ID, RESULT_HEADING_ID, renderContactPanel, renderHint, renderMessage, renderResult, summarise } from './render.ts';

const DEBOUNCE_MS = 250;
/** Show "working" only when an answer takes longer than this. */
const BUSY_NOTICE_MS = 200;
const SEARCH_WORDS = 6;
/** Below this many words, a paste with no answer is still being typed: a hint, not a verdict. */
const MIN_WORDS = 3;
/** Lines of a prefilled paste shown while it is folded away. */
const PREVIEW_LINES = 3;
const PREVIEW_LINE_CHARS = 160;

/** True once the text has `MIN_WORDS` words (runs of two letters or digits or more). */
export function hasFewWords(text: string): boolean {
  let words = 0;
  for (const _ of text.slice(0, 2000).matchAll(/[\p{L}\p{N}]{2,}/gu)) if (++words >= MIN_WORDS) return false;
  return true;
}

/** The first lines of a paste, each cut short, for the folded view. */
export function previewOf(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  const shown = lines.slice(0, PREVIEW_LINES).map((line) => (line.length > PREVIEW_LINE_CHARS ? `${line.slice(0, PREVIEW_LINE_CHARS - 1)}…` : line));
  return lines.length > PREVIEW_LINES ? `${shown.join('\n')}\n…` : shown.join('\n');
}

/** The paste's meaningful words, for a Pagefind search when nothing matched. */
export function searchWords(text: string): string {
  const words = tokenise(normalise(text.slice(0, 4000)).text)
    .filter((token) => !token.code && isSignificant(token.key) && token.key.length >= 4 && !/\d/.test(token.key))
    .map((token) => token.key);
  return [...new Set(words)].slice(0, SEARCH_WORDS).join(' ');
}

export function mountTriageBox(root: HTMLElement): { triageText(text: string): void } {
  const input = root.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
  const output = root.querySelector<HTMLElement>('[data-triage-output]')!;
  const status = root.querySelector<HTMLElement>('[data-triage-status]')!;
  const copyLink = root.querySelector<HTMLButtonElement>('[data-copy-link]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-clear]')!;
  const tools = copyLink.parentElement!;
  const editor = root.querySelector<HTMLElement>('[data-triage-editor]')!;
  const folded = root.querySelector<HTMLElement>('[data-triage-folded]')!;
  const preview = root.querySelector<HTMLElement>('[data-triage-preview]')!;
  const edit = root.querySelector<HTMLButtonElement>('[data-triage-edit]')!;
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
  /** The request whose answer should take focus (a prefilled link), or 0. */
  let focusFor = 0;
  /** Set by a paste until the next run. */
  let pasted = false;
  /** The request started by a paste, whose answer is scrolled into view (focus stays in the box), or 0. */
  let scrollFor = 0;

  const announce = (message: string) => announceIn(status, message);

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
    const result = response.result;
    // A few characters are not yet a paste: no verdict (and no "contact support") until there is something to judge.
    if (answersOf(result).length === 0 && result.unknownCodes.length === 0 && hasFewWords(lastText)) {
      renderHint(output);
      announce('');
      return;
    }
    renderResult(output, result, {
      searchHref: `/search/#q=${encodeURIComponent(searchWords(lastText))}`,
      supportHref: supportLink(),
      supportLabel,
      paste: lastText,
    });
    announce(summarise(result));
    if (response.id === focusFor) {
      focusFor = 0;
      const heading = output.querySelector<HTMLElement>(`#${RESULT_HEADING_ID}`);
      heading?.focus({ preventScroll: true });
      heading?.scrollIntoView({ block: 'start' });
    } else if (response.id === scrollFor) {
      scrollFor = 0;
      const heading = output.querySelector<HTMLElement>(`#${RESULT_HEADING_ID}`);
      if (heading) bringIntoView(heading);
    }
  }

  /**
   * After a paste, the answer is what the reader wants next, but it may be
   * below the screen (under the box on a phone): scroll its heading to the
   * top unless it already shows in the upper half. Focus stays in the box,
   * so whoever goes on typing is not interrupted; an answer to typing is
   * never scrolled to, and neither is a paste's once typing has followed it.
   */
  function bringIntoView(heading: HTMLElement) {
    const { top } = heading.getBoundingClientRect();
    if (top >= 0 && top < window.innerHeight / 2) return;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    heading.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  }

  const run = () => {
    const text = input.value;
    lastText = text;
    latest++;
    scrollFor = pasted ? latest : 0;
    pasted = false;
    if (text.trim() === '') {
      pending = false;
      lastResult = null;
      output.replaceChildren();
      announce('');
      return;
    }
    if (text.length > MAX_INPUT_CHARS) {
      const size = (text.length / 1_000_000).toFixed(1);
      const message = `This paste has ${size} million characters; the limit is ${MAX_INPUT_CHARS / 1_000_000} million. Paste only the failed lines (your text is still in the box).`;
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

  // A paste is answered at once (its input event follows the paste event); typing after a pause.
  input.addEventListener('input', () => schedule(pasted ? 0 : DEBOUNCE_MS));
  input.addEventListener('paste', () => {
    pasted = true;
    schedule(0);
  });

  /** Shows the paste box again after a prefilled link folded it away. */
  const unfold = () => {
    folded.hidden = true;
    edit.hidden = true;
    editor.hidden = false;
  };

  edit.addEventListener('click', () => {
    unfold();
    input.focus();
  });

  copyLink.addEventListener('click', async () => {
    // The text travels in the link: passwords, tokens, keys and addresses are replaced first.
    const redaction = redactDetailed(input.value);
    const hidden = describeRedaction(redaction.counts);
    const link = new URL(triagePage);
    if (redaction.text.trim()) link.hash = `q=${encodeURIComponent(redaction.text)}`;
    await copyWithFeedback(copyLink, link.toString(), {
      status,
      copied: hidden
        ? `Link copied, with ${hidden} hidden: the link shows labels such as [SECRET] instead.`
        : 'Link copied. It carries the text in the part after #, which is never sent to a server.',
      mark: hidden ? `Link copied (${hidden} hidden)` : 'Link copied',
      fallbackAfter: tools,
    });
  });

  clear.addEventListener('click', () => {
    input.value = '';
    // A reload must not bring the text back: drop the `#q=` from the address too.
    if (location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    unfold();
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
    const redaction = redactDetailed(supportText(lastResult, lastText));
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
    const reply = resolutionText(match, location.origin);
    await copyWithFeedback(button, reply, {
      status,
      copied: `Resolution for "${match.title}" copied: the error, what it means, the steps and the link.`,
      mark: 'Resolution copied',
    });
  });

  /** Fills the box from `#q=…`, folds the paste to a few lines and puts the answer first. */
  const prefill = () => {
    const match = /^#q=(.*)$/s.exec(location.hash);
    if (!match) return;
    try {
      input.value = decodeURIComponent(match[1]!);
    } catch {
      input.value = match[1]!;
    }
    if (!input.value.trim()) return;
    preview.textContent = previewOf(input.value);
    editor.hidden = true;
    folded.hidden = false;
    edit.hidden = false;
    run();
    focusFor = latest;
  };
  if (root.dataset.prefill === 'true') {
    prefill();
    window.addEventListener('hashchange', prefill);
  } else if (/^#q=./s.test(location.hash)) {
    // The home page's box does not prefill (its paste is not the page's point), but a shared link
    // may name the home page: take the paste on to the triage page, which answers it first.
    // `replace`, so Back does not return to a page that would only forward again.
    location.replace(new URL(location.hash, triagePage));
  }

  return {
    /** Puts a text in the box (a screenshot's, ./screenshot.ts) and triages it at once, as a paste. */
    triageText(text: string) {
      unfold();
      input.value = text;
      run();
    },
  };
}
