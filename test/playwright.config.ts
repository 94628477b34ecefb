import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, testChromium } from './support/chromium.ts';

/**
 * Browser tests run against the built site (Pagefind exists only after a build),
 * served statically on 127.0.0.1. Debian's Chromium (its headless shell when installed) is used when present;
 * elsewhere Playwright's own browser (installed by test/run.sh).
 */
const PORT = Number(process.env.KB_TEST_PORT ?? 4399);
const OUT_DIR = process.env.KB_OUT_DIR ?? 'dist';

export default defineConfig({
  testDir: './browser',
  outputDir: '../test-results',
  fullyParallel: true,
  // A guard against hangs, not a speed goal (those are `npm run bench`): generous, for a shared 2-core machine.
  timeout: 90_000,
  // Three on a 2-core machine: a browser test waits on pages, workers and the OCR much of the time, so two leave the cores idle.
  workers: 3,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(testChromium ? { executablePath: testChromium } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `node test/support/static-server.ts ${OUT_DIR} ${PORT}`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
