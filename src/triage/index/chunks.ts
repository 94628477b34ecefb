/**
 * A message template compiled for the scan (match/lexical.ts): its literal
 * chunks (the text between placeholders) with each word's weight and the
 * skeleton of significant words the scan walks. Built once per index.
 */
import { isSignificant } from '../text/vocabulary.ts';

/** A compiled chunk with what the scan needs precomputed. */
export interface PreparedChunk {
  message: number;
  /** Which sentence of the message the chunk belongs to. */
  sentence: number;
  keys: string[];
  /** Evidence weight per position: stop words and masked parts count little. */
  weights: number[];
  significant: boolean[];
  /** The positions of the significant words, in order: the chunk's skeleton. */
  skeleton: number[];
  /** Significant word → its places in the skeleton, highest first (the scan relies on that order). */
  places: Map<string, number[]>;
}

/** The small words between skeleton places `place - 1` and `place` of a chunk. */
export function gapOf(chunk: PreparedChunk, place: number): number {
  return chunk.skeleton[place]! - chunk.skeleton[place - 1]! - 1;
}

export function prepareChunk(message: number, keys: string[], sentence = 0): PreparedChunk {
  const significant = keys.map(isSignificant);
  const weights = keys.map((key, position) => (significant[position] ? 1 : key.startsWith('<') ? 0.5 : 0.25));
  const skeleton = keys.flatMap((_, position) => (significant[position] ? [position] : []));
  const places = new Map<string, number[]>();
  skeleton.forEach((position, place) => {
    const list = places.get(keys[position]!) ?? [];
    list.unshift(place);
    places.set(keys[position]!, list);
  });
  return { message, sentence, keys, weights, significant, skeleton, places };
}

/** A stretch of a template found in a paste, as its significant words: ["username", "empty"]. */
export type Phrase = string[];
