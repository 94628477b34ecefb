/**
 * How many single-letter slips turn one word into another: insertions,
 * deletions, substitutions and swaps of two neighbouring letters ("expierd"
 * → "expired" is one). Optimal string alignment distance, bounded: it stops
 * as soon as the answer is known to exceed `max`, so comparing a long word
 * costs little. Twenty lines of clear code, not worth a dependency.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0); // row i-2
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j); // row i-1
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** Slips tolerated in a word of this length: none below 4 letters, 1 up to 5, 2 up to 9, 3 beyond. */
export function allowedSlips(length: number): number {
  return length < 4 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
}
