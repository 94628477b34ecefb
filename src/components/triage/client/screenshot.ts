/**
 * Screenshots into the triage box: an image pasted (Ctrl+V), dropped, or
 * chosen with "Read a screenshot". This is all that loads with the page: it
 * only notices an image and then imports the reader (./screenshot-reader.ts),
 * which brings the OCR. A paste that carries text as well as a picture (cells
 * copied from a spreadsheet) stays a text paste.
 */

/** What the reader needs of the triage box: a way to triage a text as if it had been pasted. */
export interface TriageTarget {
  triageText(text: string): void;
}

type Reader = typeof import('./screenshot-reader.ts');

/** The first image file a paste or a drop carries, if any. */
function imageIn(data: DataTransfer | null): File | undefined {
  if (!data) return undefined;
  for (const item of data.items ?? []) {
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile() ?? undefined;
  }
  return [...(data.files ?? [])].find((file) => file.type.startsWith('image/'));
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Pastes with nothing focused go to the first box of the page. */
let pageBox: HTMLElement | undefined;

export function mountScreenshotInput(root: HTMLElement, target: TriageTarget): void {
  const choose = root.querySelector<HTMLButtonElement>('[data-screenshot-choose]');
  const picker = root.querySelector<HTMLInputElement>('[data-screenshot-file]');
  if (!choose || !picker) return;
  let reader: Promise<Reader> | undefined;

  const read = (file: File) => {
    reader ??= import('./screenshot-reader.ts');
    reader.then(
      (module) => module.readScreenshot(root, file, target),
      () => {
        reader = undefined; // offline, or a new version was published: try again next time
        const status = root.querySelector<HTMLElement>('[data-triage-status]');
        if (status) status.textContent = 'The screenshot reader could not be loaded. Check the connection, reload the page and try again.';
      },
    );
  };

  choose.addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    picker.value = ''; // choosing the same file again must still read it
    if (file) read(file);
  });

  const onPaste = (event: ClipboardEvent) => {
    if (event.clipboardData?.getData('text/plain').trim()) return;
    const file = imageIn(event.clipboardData);
    if (!file) return;
    event.preventDefault();
    read(file);
  };
  root.addEventListener('paste', onPaste);
  if (!pageBox) {
    pageBox = root;
    document.addEventListener('paste', (event) => {
      if (!root.contains(event.target as Node) && !isEditable(event.target)) onPaste(event);
    });
  }

  root.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault(); // allows the drop (and stops the browser opening the file)
    root.toggleAttribute('data-dropping', true);
  });
  root.addEventListener('dragleave', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) root.removeAttribute('data-dropping');
  });
  root.addEventListener('drop', (event) => {
    root.removeAttribute('data-dropping');
    const file = event.dataTransfer?.files[0];
    if (!file) return; // dropped text: the text box takes it as usual
    event.preventDefault();
    read(file);
  });
}
