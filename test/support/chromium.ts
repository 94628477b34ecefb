/**
 * The Chromium the browser tests, benchmarks and Lighthouse drive: Debian's
 * when present (Playwright's own download does not work on these machines),
 * with the flags a headless, offline, root run needs.
 */
import { existsSync } from 'node:fs';

const firstPresent = (paths: string[]): string | undefined => paths.find((path) => existsSync(path));

/** The full browser: Lighthouse and the benchmarks measure what a person's Chrome does. */
export const systemChromium: string | undefined = firstPresent(['/usr/bin/chromium', '/usr/bin/chromium-browser']);

/**
 * The browser tests' Chromium: Debian's headless shell when present — the same
 * Blink and V8 without the browser's UI layer, as Playwright itself uses for
 * headless runs — which takes the suite from ~3.4 to ~1.9 minutes on two cores;
 * otherwise the full browser.
 */
export const testChromium: string | undefined = firstPresent(['/usr/bin/chromium-headless-shell']) ?? systemChromium;

/** No sandbox (root), no GPU, and none of the background traffic a closed network refuses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
