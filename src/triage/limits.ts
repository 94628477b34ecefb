/** Pastes longer than this are refused with a message rather than processed (about 6 MB of text). */
export const MAX_INPUT_CHARS = 6_000_000;

/**
 * A result stays small whatever the paste: at most this many records are
 * listed (the rest are counted in stats.omitted and in each error's
 * `records`), each listed record's `text` is cut at MAX_SEGMENT_TEXT
 * characters (`start`/`end` give all of it in the input), and a record lists
 * at most MAX_MATCHES_PER_RECORD matches with MAX_RECORD_EVIDENCE spans each
 * (engine.ts).
 * A 6 MB export gives well under a megabyte of result.
 */
export const MAX_SEGMENTS = 500;
export const MAX_SEGMENT_TEXT = 1_000;
