/**
 * The Chromium the browser tests and Lighthouse drive: Debian's when present
 * (Playwright's own download does not work on these machines), with the flags
 * a headless, offline, root run needs.
 */
import { existsSync } from 'node:fs';

export const systemChromium: string | undefined = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

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
