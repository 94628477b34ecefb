/**
 * The message-template tier: how much of a rule's message appears, word for
 * word and in order, in a record.
 *
 * A template is compiled to literal chunks (the text between placeholders).
 * For each chunk we find the maximal runs of consecutive chunk words that
 * also stand consecutively in the record, where the record may leave out the
 * message's small words between two significant ones, as people do when they
 * retype a message ("Password expired" for "Password is expired"), but may not
 * put others in their place ("Request was throttled" is not "The request has
 * been throttled") — the classic longest-common-run recurrence over the two
 * sequences of significant words, evaluated sparsely: for each record word we
 * visit only the chunk places holding the same word. That is
 * linear in the record's length for a fixed template, and no template is
 * ever turned into a regular expression, so none can backtrack.
 */
import type { Token } from '../text/tokenise.ts';
import { isSignificant } from '../text/vocabulary.ts';
import { allowedSlips, editDistance } from './edit-distance.ts';
import { gapOf, type Phrase, type PreparedChunk } from '../index/chunks.ts';

export type { Phrase, PreparedChunk } from '../index/chunks.ts';

/**
 * A record's significant words, in order, and where its sentences end
 * between them: computed once per record and reading, shared by every
 * message compared with it.
 */
export interface RecordSkeleton {
  /** Token index of each significant word. */
  tokens: Int32Array;
  /** 1 when a sentence ends between the previous significant word and this one. */
  breakBefore: Uint8Array;
  sentenceBreak: SentenceBreak;
}

export function recordSkeleton(keys: readonly string[], sentenceBreak: SentenceBreak = () => false): RecordSkeleton {
  const positions: number[] = [];
  const breaks: number[] = [];
  let broke = false;
  for (let t = 0; t < keys.length; t++) {
    if (isSignificant(keys[t]!)) {
      positions.push(t);
      breaks.push(broke && positions.length > 1 ? 1 : 0);
      broke = false;
    }
    if (sentenceBreak(t)) broke = true;
  }
  return { tokens: Int32Array.from(positions), breakBefore: Uint8Array.from(breaks), sentenceBreak };
}

/** What a chunk contributed: which of its positions were found, and where in the record. */
export interface ChunkHits {
  covered: boolean[];
  /** Token index ranges [first, last] in the record that matched. */
  runs: Array<[number, number]>;
  /** A place where the record says another word than the message, right beside a matched run. */
  contradiction?: Contradiction;
  /** The record token where a counted run reached the chunk's last word, if one did. */
  endedChunkAt?: number;
}

/** "…the following parameter: 'client_id'" where the message says 'password'. */
export interface Contradiction {
  said: string;
  expected: string;
}

/**
 * Checks the words just outside a matched run: when the message goes on with
 * a significant word and the record, at the same place, has a different
 * significant word, the record is a different message that shares a phrase.
 * (A paste cut off there, or followed by punctuation or a masked id, is not;
 * nor is a word cut by a console wrap or misspelt: "ne|eded", "expird".)
 * `from`/`to` are chunk positions, `first`/`last` record tokens.
 */
function contradictionAround(
  chunk: PreparedChunk,
  keys: readonly string[],
  sentenceBreak: SentenceBreak,
  from: number,
  to: number,
  first: number,
  last: number,
): Contradiction | undefined {
  /** The record's word at `recordAt` against the message's at `chunkAt`: the same, a slip of it, or another word. */
  const compare = (chunkAt: number, recordAt: number): 'same' | 'slip' | 'other' | 'none' => {
    if (chunkAt < 0 || chunkAt >= chunk.keys.length || !chunk.significant[chunkAt]) return 'none';
    if (recordAt < 0 || recordAt >= keys.length || !isSignificant(keys[recordAt]!)) return 'none';
    const said = keys[recordAt]!;
    const expected = chunk.keys[chunkAt]!;
    if (said === expected) return 'same';
    if (isPieceOf(said, expected, keys[recordAt + 1], recordAt === keys.length - 1) || alike(said, expected)) return 'slip';
    return 'other';
  };
  /** Looks outward from a run's edge (`step` +1 after it, -1 before it), one word past a slip ("paramet: 'grant_type'"). */
  const look = (chunkAt: number, recordAt: number, step: 1 | -1): Contradiction | undefined => {
    for (let words = 0; words < 2; words++, chunkAt += step, recordAt += step) {
      const verdict = compare(chunkAt, recordAt);
      if (verdict === 'other') return { said: keys[recordAt]!, expected: chunk.keys[chunkAt]! };
      if (verdict !== 'slip') return undefined;
    }
    return undefined;
  };
  // A word across a sentence end in the paste is not "in the same place":
  // "Tenant 'x' not found. This may happen if…" is an older wording, not another error.
  return (!sentenceBreak(last) ? look(to + 1, last + 1, 1) : undefined) ?? (!sentenceBreak(first - 1) ? look(from - 1, first - 1, -1) : undefined);
}

/**
 * Is `said` the start of `expected` because the paste stops there (the last
 * word, cut off) or goes on with the rest of it (a console wrap: "ne" "eded")?
 * Not when the paste goes on with something else: "client id" is not
 * "client_assertion" cut short.
 */
function isPieceOf(said: string, expected: string, next: string | undefined, last: boolean): boolean {
  if (!expected.startsWith(said)) return false;
  if (last || next === undefined) return true;
  const joined = said + next;
  return expected.startsWith(joined) || joined.startsWith(expected);
}

/** True when a sentence ends between record tokens `t` and `t + 1`. */
export type SentenceBreak = (t: number) => boolean;

/** Same word, a piece of it (cut off, or split by a console wrap), or a slip of it. */
export function alike(said: string, expected: string): boolean {
  const slips = allowedSlips(Math.min(said.length, expected.length));
  return expected.startsWith(said) || said.startsWith(expected) || editDistance(said, expected, slips) <= slips;
}

/**
 * A message that goes on into its next sentence differently: the paste
 * matches one sentence to its end and begins the next one as the message
 * does, then says something else ("…parameter 'UserName'. The argument "jd"
 * does not match…" against "…The argument is null or empty."). `last` is the
 * record token where the first sentence's run ended.
 */
function contradictionInNextSentence(next: PreparedChunk, keys: readonly string[], last: number): Contradiction | undefined {
  let r = last + 1;
  let p = 0;
  let sharedWords = 0;
  while (r < keys.length && p < next.keys.length && keys[r] === next.keys[p]) {
    if (next.significant[p]) sharedWords++;
    r++;
    p++;
  }
  if (sharedWords === 0 || r >= keys.length || p >= next.keys.length) return undefined;
  while (p < next.keys.length && !next.significant[p]) p++; // the message's next telling word
  const said = keys[r]!;
  if (p >= next.keys.length || !isSignificant(said) || alike(said, next.keys[p]!)) return undefined;
  return { said, expected: next.keys[p]! };
}

/**
 * Finds the maximal runs shared by the chunk and the record. A run counts as
 * evidence when it holds at least two significant words, or all of the
 * chunk's; a lone shared word ("invalid", "token") proves nothing.
 */
export function matchChunk(chunk: PreparedChunk, keys: readonly string[], record: RecordSkeleton): ChunkHits {
  const size = chunk.skeleton.length;
  const covered = new Array<boolean>(chunk.keys.length).fill(false);
  const runs: Array<[number, number]> = [];
  if (size === 0) return { covered, runs };
  const endedAt = new Int32Array(size).fill(-2);
  const runLength = new Int32Array(size);
  const wordAt = (at: number) => keys[record.tokens[at]!]!;
  const chunkWord = (place: number) => chunk.keys[chunk.skeleton[place]!]!;
  // Only maximal runs are kept, each decided in O(1) when it ends: a run is not
  // maximal when the next record word continues it at the next chunk place.
  // (No table of every (word, place) pair: a record repeating a chunk word
  // 200,000 times would overflow a Set and take superlinear time.)
  const maximal: Array<[number, number, number]> = [];
  const words = record.tokens.length;
  /**
   * May a run go on from record word `at - 1` and chunk place `place - 1` to
   * `at` and `place`? When the record has nothing between the two words (it
   * left the message's small words out), or exactly what the message has.
   */
  const bridges = (at: number, place: number): boolean => {
    if (record.breakBefore[at]) return false;
    const recordGap = record.tokens[at]! - record.tokens[at - 1]! - 1;
    if (recordGap === 0) return true;
    if (recordGap !== gapOf(chunk, place)) return false;
    for (let k = 1; k <= recordGap; k++) if (keys[record.tokens[at - 1]! + k] !== chunk.keys[chunk.skeleton[place - 1]! + k]) return false;
    return true;
  };
  for (let at = 0; at < words; at++) {
    const places = chunk.places.get(wordAt(at));
    if (places === undefined) continue;
    for (const place of places) {
      const continues = place > 0 && endedAt[place - 1] === at - 1 && bridges(at, place);
      const length = continues ? runLength[place - 1]! + 1 : 1;
      endedAt[place] = at;
      runLength[place] = length;
      if (place + 1 < size && at + 1 < words && wordAt(at + 1) === chunkWord(place + 1) && bridges(at + 1, place + 1)) continue;
      maximal.push([at, place, length]);
    }
  }
  let contradiction: Contradiction | undefined;
  let endedChunkAt: number | undefined;
  if (maximal.length === 0) return { covered, runs };
  const coveredPlace = new Uint8Array(size);
  let uncovered = size;
  // Longest runs first; a later run counts only for chunk words not yet
  // found, so a message repeated or half-repeated elsewhere in the record
  // (another error's line) is not claimed twice.
  // Of runs as long, the one spanning more of the paste's words first ("username is empty" before "data source").
  const span = ([at, , length]: [number, number, number]) => record.tokens[at]! - record.tokens[at - length + 1]!;
  maximal.sort((a, b) => b[2] - a[2] || span(b) - span(a) || a[0] - b[0]);
  // Runs kept, as [chunk from, chunk to, record from]: a later run must keep
  // the message's order ("data source … username is empty" is not "Username
  // is empty for the data source").
  const kept: Array<[number, number, number]> = [];
  const inOrder = (from: number, to: number, at: number) =>
    kept.every(([keptFrom, keptTo, keptAt]) => (to < keptFrom ? at < keptAt : from > keptTo ? at > keptAt : false));
  for (const [at, place, length] of maximal) {
    if (uncovered === 0) break; // no later run can add a word
    const from = place - length + 1;
    const first = at - length + 1;
    let fresh = 0;
    for (let k = from; k <= place; k++) if (!coveredPlace[k]) fresh++;
    if (fresh === 0 || !(length >= 2 || length === size) || !inOrder(from, place, first)) continue;
    kept.push([from, place, first]);
    for (let k = from; k <= place; k++) coveredPlace[k] = 1;
    uncovered -= fresh;
    // In tokens: from the first significant word to the last, and the small
    // words around them that the paste has exactly as the message does.
    let chunkFrom = chunk.skeleton[from]!;
    let chunkTo = chunk.skeleton[place]!;
    let tokenFrom = record.tokens[first]!;
    let tokenTo = record.tokens[at]!;
    while (chunkFrom > 0 && tokenFrom > 0 && !chunk.significant[chunkFrom - 1] && keys[tokenFrom - 1] === chunk.keys[chunkFrom - 1]) {
      chunkFrom--;
      tokenFrom--;
    }
    while (chunkTo + 1 < chunk.keys.length && tokenTo + 1 < keys.length && !chunk.significant[chunkTo + 1] && keys[tokenTo + 1] === chunk.keys[chunkTo + 1]) {
      chunkTo++;
      tokenTo++;
    }
    // Covered: the significant words, and the small words the paste has too (not those it left out).
    for (let k = chunkFrom; k <= chunk.skeleton[from]!; k++) covered[k] = true;
    for (let k = from + 1; k <= place; k++) {
      covered[chunk.skeleton[k]!] = true;
      const bridged = record.tokens[first + k - from]! - record.tokens[first + k - from - 1]! - 1 > 0;
      if (bridged) for (let j = chunk.skeleton[k - 1]! + 1; j < chunk.skeleton[k]!; j++) covered[j] = true;
    }
    for (let k = chunk.skeleton[place]!; k <= chunkTo; k++) covered[k] = true;
    runs.push([tokenFrom, tokenTo]);
    contradiction ??= contradictionAround(chunk, keys, record.sentenceBreak, chunkFrom, chunkTo, tokenFrom, tokenTo);
    if (place === size - 1) endedChunkAt ??= tokenTo;
  }
  return { covered, runs, ...(contradiction ? { contradiction } : {}), ...(endedChunkAt !== undefined ? { endedChunkAt } : {}) };
}

/** How well one message template is supported by a record. */
export interface MessageScore {
  message: number;
  /** Weighted share of the template's words found (0–1): 1 is what a perfect paste of the message scores. */
  templateCoverage: number;
  /** Share of the record's significant words explained by the template (0–1). */
  recordCoverage: number;
  /** Significant template words found. */
  significantWords: number;
  /**
   * The phrases of the template found, in template order, each as its
   * significant words (a phrase ends where the paste stops matching or at a
   * placeholder): what the match stage asks the index about ("which other
   * rules say these very phrases?") to tell a telling part of a message
   * from a generic one.
   */
  found: Phrase[];
  /**
   * Each sentence of three or more significant words, with the share of it
   * found and its words found: "The refresh token has expired due to maximum
   * lifetime." may be the whole point of a two-sentence message.
   */
  sentences: SentenceScore[];
  /** The record says another word where the message has one (see contradictionAround). */
  contradiction?: Contradiction;
  /** Token ranges of the record that matched. */
  runs: Array<[number, number]>;
}

export interface SentenceScore {
  /** Weighted share of the sentence found (0–1). */
  coverage: number;
  /** Its phrases found (as `MessageScore.found`). */
  found: Phrase[];
}

interface SentenceTally {
  total: number;
  covered: number;
  words: number;
  found: Phrase[];
}

export function scoreMessage(
  message: number,
  chunks: PreparedChunk[],
  tokens: readonly Token[],
  keys: readonly string[],
  recordSignificantWords: number,
  record: RecordSkeleton = recordSkeleton(keys),
): MessageScore | null {
  let totalWeight = 0;
  let coveredWeight = 0;
  let significantWords = 0;
  const found: Phrase[] = [];
  const runs: Array<[number, number]> = [];
  const sentences = new Map<number, SentenceTally>();
  let contradiction: Contradiction | undefined;
  chunks.forEach((chunk, index) => {
    const hits = matchChunk(chunk, keys, record);
    contradiction ??= hits.contradiction;
    const next = chunks[index + 1];
    if (!contradiction && hits.endedChunkAt !== undefined && next && next.sentence === chunk.sentence + 1) {
      contradiction = contradictionInNextSentence(next, keys, hits.endedChunkAt);
    }
    let sentence = sentences.get(chunk.sentence);
    if (!sentence) sentences.set(chunk.sentence, (sentence = { total: 0, covered: 0, words: 0, found: [] }));
    let phrase: Phrase = [];
    const endPhrase = () => {
      if (phrase.length === 0) return;
      found.push(phrase);
      sentence.found.push(phrase);
      phrase = [];
    };
    chunk.weights.forEach((weight, position) => {
      totalWeight += weight;
      sentence.total += weight;
      if (chunk.significant[position]) sentence.words++;
      if (!hits.covered[position]) {
        endPhrase();
        return;
      }
      coveredWeight += weight;
      sentence.covered += weight;
      if (chunk.significant[position]) {
        significantWords++;
        phrase.push(chunk.keys[position]!);
      }
    });
    endPhrase();
    for (const run of hits.runs) runs.push(run); // push(...spread) overflows the stack on a huge record
  });
  if (runs.length === 0) return null;
  const explained = new Set<number>();
  for (const [first, last] of runs) {
    for (let t = first; t <= last; t++) if (isSignificant(tokens[t]!.key)) explained.add(t);
  }
  return {
    message,
    templateCoverage: totalWeight > 0 ? coveredWeight / totalWeight : 0,
    recordCoverage: recordSignificantWords > 0 ? explained.size / recordSignificantWords : 0,
    significantWords,
    found,
    sentences: sentenceScores(sentences.values()),
    ...(contradiction ? { contradiction } : {}),
    runs,
  };
}

/** The sentences worth judging alone: three or more significant words, and some of them found. */
function sentenceScores(sentences: Iterable<SentenceTally>): SentenceScore[] {
  const scores: SentenceScore[] = [];
  for (const sentence of sentences) {
    if (sentence.words < 3 || sentence.total === 0 || sentence.found.length === 0) continue;
    scores.push({ coverage: sentence.covered / sentence.total, found: sentence.found });
  }
  return scores;
}
