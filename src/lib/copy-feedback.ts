/**
 * "Copy" buttons that show what happened, for the article's agent tools and
 * the triage box alike:
 *
 * - copied: "Copied" appears beside the button for a few seconds, and the
 *   live region says in full what was copied (screen readers);
 * - clipboard blocked (an insecure origin, a denied permission, an old
 *   browser): the text appears in a visible, read-only box, already
 *   selected, with a label saying to copy it by hand; the live region says so.
 *
 * DOM only, no framework; texts are inserted as text, never as HTML.
 */

/** How long "Copied" stays beside the button. */
export const COPIED_VISIBLE_MS = 4000;

const timers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/**
 * Sets a live region's text so that it is announced even when it is the same
 * as last time (screen readers skip an unchanged text): a no-break space is
 * added or removed invisibly.
 */
export function announce(status: HTMLElement, message: string): void {
  status.textContent = status.textContent === message ? `${message}\u00a0` : message;
}

/** Puts `text` on the clipboard; false when the browser refuses. */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The "Copied" mark that follows a button, created on first use. */
function copiedMark(button: HTMLElement): HTMLElement {
  const next = button.nextElementSibling;
  if (next instanceof HTMLElement && next.matches('[data-copy-feedback]')) return next;
  const mark = document.createElement('span');
  mark.className = 'copy-feedback';
  mark.dataset.copyFeedback = '';
  // The live region announces; this mark is for the eyes only.
  mark.setAttribute('aria-hidden', 'true');
  button.after(mark);
  return mark;
}

/** Removes the hand-copy box a blocked copy left after `anchor`, if any. */
function removeCopyFallback(anchor: Element): void {
  const next = anchor.nextElementSibling;
  if (next?.matches('[data-copy-fallback]')) next.remove();
}

export interface CopyFeedbackOptions {
  /** The live region to announce in. */
  status: HTMLElement;
  /** Announced when copied, e.g. 'Resolution for "Refresh token expired" copied.' */
  copied: string;
  /** Shown after "Copied" in the visible mark, e.g. "Link copied". Default "Copied". */
  mark?: string;
  /** Where the hand-copy box goes when copying is blocked: after this element (default: the button's parent). */
  fallbackAfter?: Element;
}

/**
 * Copies `text` and shows the outcome beside `button`. Returns whether the
 * clipboard took it.
 */
export async function copyWithFeedback(button: HTMLElement, text: string, options: CopyFeedbackOptions): Promise<boolean> {
  const anchor = options.fallbackAfter ?? button.parentElement ?? button;
  removeCopyFallback(anchor);
  const copied = await writeClipboard(text);
  if (copied) {
    const mark = copiedMark(button);
    mark.textContent = `✓ ${options.mark ?? 'Copied'}`;
    clearTimeout(timers.get(mark));
    timers.set(
      mark,
      setTimeout(() => (mark.textContent = ''), COPIED_VISIBLE_MS),
    );
    announce(options.status, options.copied);
    return true;
  }
  const box = document.createElement('div');
  box.className = 'copy-fallback';
  box.dataset.copyFallback = '';
  const id = `copy-fallback-${Math.random().toString(36).slice(2, 9)}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = 'Copying is blocked in this browser. The text is selected below: copy it with Ctrl+C (⌘C on a Mac).';
  const area = document.createElement('textarea');
  area.id = id;
  area.readOnly = true;
  area.value = text;
  area.rows = Math.min(12, text.split('\n').length + 1);
  box.append(label, area);
  anchor.after(box);
  area.focus();
  area.select();
  announce(options.status, 'Copying is blocked in this browser. The text is shown, selected, for you to copy.');
  return false;
}
