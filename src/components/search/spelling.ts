/**
 * "Did you mean": corrects a misspelt search query with the triage engine's
 * own typo correction (src/triage/match/fuzzy.ts) against the words of every
 * error message (the triage index's vocabulary), so `pasword` finds
 * "password". Pagefind has no typo tolerance of its own.
 *
 * Loaded on demand, only when a search finds nothing: it brings fuse.js and
 * fetches /triage-index.json (both cached afterwards), which the search page
 * should not pay for on every visit.
 */
import { TypoCorrector } from '../../triage/match/fuzzy.ts';
import { normalise } from '../../triage/text/normalise.ts';
import { tokenise } from '../../triage/text/tokenise.ts';
import { isSignificant } from '../../triage/text/vocabulary.ts';
import type { TriageIndex } from '../../triage/types.ts';

interface Speller {
  corrector: TypoCorrector;
  vocabulary: Set<string>;
}

/** The words of every message template and title in the index. */
export function vocabularyOf(index: Pick<TriageIndex, 'messages' | 'rules'>): Set<string> {
  const words = new Set<string>();
  for (const message of index.messages) for (const chunk of message.chunks) for (const key of chunk) if (isSignificant(key)) words.add(key);
  for (const rule of index.rules) for (const token of tokenise(normalise(rule.title).text)) if (!token.mask && isSignificant(token.key)) words.add(token.key);
  return words;
}

/**
 * The query with each unknown word replaced by the vocabulary word it most
 * likely meant; null when nothing needed correcting.
 */
export function correctWith(query: string, speller: Speller): string | null {
  const text = normalise(query).text;
  const tokens = tokenise(text);
  const corrections = speller.corrector.correct(tokens, speller.vocabulary);
  if (corrections.size === 0) return null;
  return tokens.map((token, index) => corrections.get(index) ?? text.slice(token.start, token.end)).join(' ');
}

let loading: Promise<Speller> | undefined;

function load(): Promise<Speller> {
  loading ??= fetch('/triage-index.json')
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<TriageIndex>;
    })
    .then((index) => {
      const vocabulary = vocabularyOf(index);
      return { corrector: new TypoCorrector([...vocabulary]), vocabulary };
    });
  loading.catch(() => (loading = undefined)); // try again on the next search
  return loading;
}

/** Corrects `query` against the knowledge base's words; null when there is nothing to correct (or the index is unavailable). */
export async function correctQuery(query: string): Promise<string | null> {
  try {
    return correctWith(query, await load());
  } catch {
    return null;
  }
}
