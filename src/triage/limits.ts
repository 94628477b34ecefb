/** Pastes longer than this are refused with a message rather than processed (about 6 MB of text). */
export const MAX_INPUT_CHARS = 6_000_000;
