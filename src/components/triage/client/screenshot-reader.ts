/**
 * Reads a screenshot into the triage box, loaded on the first image
 * (./screenshot.ts): shows "Reading the screenshot… 40%" with Cancel, puts the
 * recognised text (codes repaired, src/ocr/repair.ts) in the box, where it
 * stays editable and is triaged like a paste, and says above the answer that
 * it came from a screenshot and what was repaired. The image never leaves the
 * page: it is read by Tesseract in a worker with files from this site.
 */
import { loadTriageIndex } from '../../../lib/triage-index.ts';
import { screenshotNotice } from '../../../ocr/notice.ts';
import { knownEntraCodes, repairCodes } from '../../../ocr/repair.ts';
import { tidyRecognisedText } from '../../../ocr/settings.ts';
import { recognise, stopOcr, type OcrProgress } from './ocr-worker.ts';
import { prepareScreenshot, ScreenshotError } from './screenshot-image.ts';
import type { TriageTarget } from './screenshot.ts';

interface BoxState {
  /** Number of the reading in progress; a finished or cancelled one no longer matches. */
  reading: number;
  panel: HTMLElement;
  status: HTMLElement;
  percent: HTMLElement;
  progress: HTMLProgressElement;
  cancel: HTMLButtonElement;
  note: HTMLElement;
  /** The text the last screenshot put in the box: a new screenshot replaces it, but never the user's own text. */
  lastText: string;
}

const boxes = new WeakMap<HTMLElement, BoxState>();
let knownCodes: Promise<ReadonlySet<string>> | undefined;

/** The knowledge base's Entra codes, for repairing bare numbers (the index the triage worker also loads, from the HTTP cache). */
function loadKnownCodes(): Promise<ReadonlySet<string>> {
  knownCodes ??= loadTriageIndex(location.origin).then(knownEntraCodes, () => {
    knownCodes = undefined;
    return new Set<string>(); // codes written with AADSTS are still repaired
  });
  return knownCodes;
}

function stateOf(root: HTMLElement): BoxState {
  const existing = boxes.get(root);
  if (existing) return existing;
  const input = root.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
  // Built here, not in the page's markup: nothing of it exists until a screenshot is given.
  const status = Object.assign(document.createElement('span'), { role: 'status' });
  const percent = Object.assign(document.createElement('span'), { className: 'triage-screenshot-percent', ariaHidden: 'true' });
  const progress = Object.assign(document.createElement('progress'), { max: 100, ariaLabel: 'Reading the screenshot' });
  const cancel = Object.assign(document.createElement('button'), { type: 'button', className: 'button', textContent: 'Cancel' });
  const line = Object.assign(document.createElement('p'), { className: 'triage-screenshot-status' });
  line.append(status, ' ', percent);
  const panel = Object.assign(document.createElement('div'), { className: 'triage-screenshot', hidden: true });
  panel.append(line, progress, cancel);
  const note = Object.assign(document.createElement('p'), { className: 'triage-screenshot-note', role: 'status', hidden: true });
  root.querySelector('.triage-tools')!.after(panel);
  root.querySelector('[data-triage-output]')!.before(note);
  const state: BoxState = { reading: 0, panel, status, percent, progress, cancel, note, lastText: '' };

  const hideNote = () => {
    note.hidden = true;
    note.textContent = '';
    state.lastText = '';
  };
  cancel.addEventListener('click', () => {
    finish(state);
    stopOcr();
    state.note.hidden = false;
    state.note.textContent = 'Stopped reading the screenshot. Nothing was changed in the box.';
    root.querySelector<HTMLButtonElement>('[data-screenshot-choose]')?.focus();
  });
  root.querySelector('[data-clear]')?.addEventListener('click', () => {
    if (!state.panel.hidden) {
      finish(state);
      stopOcr();
    }
    hideNote();
  });
  input.addEventListener('input', () => {
    if (input.value.trim() === '') hideNote();
  });
  boxes.set(root, state);
  return state;
}

/** Ends the reading in progress (its result, if it comes, is dropped) and hides the progress. */
function finish(state: BoxState): void {
  state.reading++;
  state.panel.hidden = true;
}

function show(state: BoxState, progress: OcrProgress | { stage: 'preparing' }): void {
  const reading = progress.stage === 'reading';
  const label = progress.stage === 'loading' ? 'Loading the text reader (the first time only)…' : 'Reading the screenshot…';
  if (state.status.textContent !== label) state.status.textContent = label;
  state.percent.textContent = reading ? `${Math.round(progress.fraction * 100)}%` : '';
  if (reading) state.progress.value = Math.round(progress.fraction * 100);
  else state.progress.removeAttribute('value'); // indeterminate while loading
}

function fail(state: BoxState, message: string): void {
  finish(state);
  state.note.hidden = false;
  state.note.textContent = message;
}

export async function readScreenshot(root: HTMLElement, file: File, target: TriageTarget): Promise<void> {
  const state = stateOf(root);
  const reading = ++state.reading;
  const current = () => reading === state.reading;
  state.panel.hidden = false;
  state.note.hidden = true;
  show(state, { stage: 'preparing' });
  try {
    const [prepared, known] = await Promise.all([prepareScreenshot(file), loadKnownCodes()]);
    if (!current()) return;
    const recognised = await recognise(prepared.pgm, (progress) => {
      if (current()) show(state, progress);
    });
    if (!current()) return;
    const { text, repairs } = repairCodes(tidyRecognisedText(recognised.text), known);
    if (!text) {
      fail(state, 'No text was found in this screenshot. Check that it shows the error message, or paste the message as text.');
      return;
    }
    finish(state);
    const input = root.querySelector<HTMLTextAreaElement>('[data-triage-input]')!;
    const own = input.value.trim() !== '' && input.value !== state.lastText;
    const boxText = own ? `${input.value.trimEnd()}\n\n${text}` : text;
    state.lastText = boxText;
    state.note.hidden = false;
    state.note.textContent = own ? `${screenshotNotice(repairs)} Its text was added after yours.` : screenshotNotice(repairs);
    target.triageText(boxText);
  } catch (error) {
    if (!current()) return;
    fail(
      state,
      error instanceof ScreenshotError ? error.message : 'The screenshot could not be read here. Reload the page and try again, or paste the message as text.',
    );
  }
}
