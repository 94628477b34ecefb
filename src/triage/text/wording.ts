/**
 * Counts in words, the one way every message of the project writes them
 * (the engine's reasons, the page, the CLI, the build's errors):
 * "1 failed line", "1,204 failed lines".
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
