/**
 * How Tesseract is asked to read a screenshot, the same on the page and in the
 * CLI, and what is done to the text it returns.
 */

/** The language of the traineddata shipped (src/ocr/assets.ts). */
export const OCR_LANGUAGE = 'eng';

/** Tesseract's LSTM engine only: the legacy engine is not shipped (its data is four times the size). */
export const OCR_ENGINE_LSTM_ONLY = 1;

/**
 * Tesseract parameters. Automatic page segmentation: a screenshot is a page
 * of blocks (a dialog's title and message, a table's columns), not one block.
 */
export const TESSERACT_PARAMETERS = Object.freeze({
  tessedit_pageseg_mode: '3',
  // The pixels carry no resolution: tell Tesseract a screen's, so it does not guess from a missing one.
  user_defined_dpi: '96',
});

/** The recognised text, tidied: no trailing blanks, no runs of empty lines. */
export function tidyRecognisedText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
