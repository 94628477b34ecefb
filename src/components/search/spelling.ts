/**
 * "Did you mean": corrects the words of a search query that no page holds
 * against the knowledge base's own words (every rule's title, summary,
 * resolution, steps and messages, from /triage-index.json), so `pasword`
 * becomes "password". Pagefind has no typo tolerance of its own.
 *
 * A word is corrected to the known word the fewest slips away, within the
 * slips the triage engine tolerates for a word of its length (its
 * editDistance and allowedSlips, src/triage/match/edit-distance.ts); between
 * equally close words, the one the articles use most. A few thousand words
 * are compared directly: no fuzzy-search index is needed for that.
 *
 * Loaded on demand, only when a search finds nothing good: it fetches
 * /triage-index.json (cached afterwards), which the search page should not
 * pay for on every visit.
 */
import { loadTriageIndex } from '../../lib/triage-index.ts';
import { allowedSlips, editDistance } from '../../triage/match/edit-distance.ts';
import type { TriageIndex } from '../../triage/types.ts';

/** Each known word with how often the articles use it. */
export type Vocabulary = Map<string, number>;

/** Shorter words are too often right as typed ("sync", "ipp") or too close to others to correct. */
const MIN_WORD = 4;

function addWords(vocabulary: Vocabulary, text: string): void {
  for (const match of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const word = match[0];
    if (word.length >= MIN_WORD) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
  }
}

/** The words of every rule's title, summary, resolution, steps and messages. */
export function vocabularyOf(index: Pick<TriageIndex, 'messages' | 'rules'>): Vocabulary {
  const vocabulary: Vocabulary = new Map();
  for (const rule of index.rules) for (const text of [rule.title, rule.summary, rule.resolution, ...rule.steps]) addWords(vocabulary, text);
  for (const message of index.messages) addWords(vocabulary, message.text);
  return vocabulary;
}

/** The known word `word` most likely meant, or null when none is within the slips allowed. */
export function correctWord(word: string, vocabulary: Vocabulary): string | null {
  if (word.length < MIN_WORD || /[^\p{L}]/u.test(word) || vocabulary.has(word)) return null;
  const slips = allowedSlips(word.length);
  let best: { word: string; distance: number; uses: number } | null = null;
  for (const [candidate, uses] of vocabulary) {
    if (Math.abs(candidate.length - word.length) > slips) continue;
    const distance = editDistance(word, candidate, slips);
    if (distance > slips) continue;
    if (!best || distance < best.distance || (distance === best.distance && uses > best.uses)) best = { word: candidate, distance, uses };
  }
  return best?.word ?? null;
}

let loading: Promise<Vocabulary> | undefined;

function load(): Promise<Vocabulary> {
  loading ??= loadTriageIndex(location.origin).then(vocabularyOf);
  loading.catch(() => (loading = undefined)); // try again on the next search
  return loading;
}

/** Corrections for the words that have one (word → known word); none when the index cannot be loaded. */
export async function correctWords(words: string[]): Promise<Map<string, string>> {
  const corrections = new Map<string, string>();
  try {
    const vocabulary = await load();
    for (const word of words) {
      const correction = correctWord(word, vocabulary);
      if (correction) corrections.set(word, correction);
    }
  } catch {
    // No index (offline, or `astro dev`): the query is searched without corrections.
  }
  return corrections;
}
