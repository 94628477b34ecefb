/**
 * What an answer read from a screenshot says about where its text came from,
 * in the same words on the page and in the CLI: OCR may misread characters,
 * and a code it repaired is named with what was actually read.
 */
import type { Repair } from './repair.ts';

/** "read AADSTS7OOO82 as AADSTS700082, and 7OOO82 as 700082" */
export function repairSentence(repairs: readonly Repair[]): string {
  const parts = repairs.map((repair, index) => (index === 0 ? `read ${repair.read} as ${repair.as}` : `${repair.read} as ${repair.as}`));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The notice shown with a result whose text was read from a screenshot (`name`: the file's, when it means something). */
export function screenshotNotice(repairs: readonly Repair[], name?: string): string {
  const repaired = repairs.length > 0 ? ` Where the OCR read letters in an error code, we ${repairSentence(repairs)}.` : '';
  return `Read from a screenshot${name ? ` (${name})` : ''}: some characters may be misread, so check the text against the image.${repaired}`;
}
