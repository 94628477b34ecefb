/**
 * Symbolic error codes (`TooManyRequests`, `Microsoft.Exchange.Foo`), indexed
 * by their first word so match/codes.ts finds each as the words it is made of.
 */
import { codeWords } from './template.ts';
import type { Token } from '../text/tokenise.ts';

/** Symbolic codes by their first word, with the words that must follow (joined by dots). */
export class SymbolicCodes {
  private readonly byFirstWord = new Map<string, Array<{ key: string; rest: string[] }>>();

  add(code: string): void {
    const [first, ...rest] = codeWords(code);
    const list = this.byFirstWord.get(first!) ?? [];
    list.push({ key: code.toLowerCase(), rest });
    list.sort((a, b) => b.rest.length - a.rest.length); // the longest code that fits wins
    this.byFirstWord.set(first!, list);
  }

  /** The code starting at token `index`, as [key, last token], or undefined. */
  at(tokens: readonly Token[], text: string, index: number): [string, number] | undefined {
    const candidates = this.byFirstWord.get(tokens[index]!.key);
    if (!candidates) return undefined;
    for (const { key, rest } of candidates) {
      let last = index;
      const fits = rest.every((word) => {
        const next = tokens[last + 1];
        if (!next || next.key !== word || text.slice(tokens[last]!.end, next.start) !== '.') return false;
        last++;
        return true;
      });
      if (fits) return [key, last];
    }
    return undefined;
  }
}
