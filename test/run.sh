#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest. ESLint (with the
# engine's import boundaries) and Prettier first, then unit tests
# (engine, content model, rules' own examples), then the type check, then the
# built site in a real browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/ensure-browser.sh
npm run lint
npx vitest run -c test/vitest.config.ts
npx astro check
npm run build
npx playwright test -c test/playwright.config.ts
