/**
 * Text from a ticket is shown to an agent in a terminal: escape sequences in
 * it (`ESC[2J` clears the screen, colours can forge a "Match (high)" line,
 * `\r` overwrites one) must never reach the terminal raw. Everything the
 * readable report prints passes through `printable`.
 */

/** C0 controls except tab and newline, DEL, C1 controls, and bidi overrides/isolates (which reorder what follows). */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeOf(character: string): string {
  const code = character.charCodeAt(0);
  if (code === 0x1b) return '\\e';
  if (code === 0x0d) return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control, escape and direction-changing character shown as an escape (`\e[2J`). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeOf);
}
