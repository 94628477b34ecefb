/**
 * The words the knowledge base's messages are made of, indexed for typo
 * correction: by length (a word within k slips of another differs in length
 * by at most k, so only those lengths are compared) and in sorted order (the
 * words a cut-off word could be the start of form one range).
 *
 * Every word the edit-distance check accepts is found: the index only skips
 * words whose length rules them out. For a knowledge base of thousands of
 * words that is a few hundred comparisons per unknown word, each stopping as
 * soon as it exceeds the slips allowed (match/edit-distance.ts), and each
 * unknown word is looked up once (match/fuzzy.ts keeps the answers).
 */
export class WordIndex {
  private readonly byLength = new Map<number, string[]>();
  private readonly sorted: string[];

  constructor(words: Iterable<string>) {
    const unique = [...new Set(words)].sort();
    this.sorted = unique;
    for (const word of unique) {
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  get size(): number {
    return this.sorted.length;
  }

  /** Words of a length from `min` to `max`, in sorted order within each length. */
  *ofLengths(min: number, max: number): Generator<string> {
    for (let length = Math.max(1, min); length <= max; length++) yield* this.byLength.get(length) ?? [];
  }

  /** Words that start with `prefix` and are longer than it, in sorted order. */
  startingWith(prefix: string): string[] {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++)
      if (this.sorted[i]!.length > prefix.length) found.push(this.sorted[i]!);
    return found;
  }
}
