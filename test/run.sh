#!/usr/bin/env bash
# `npm test`: everything. ESLint (with the engine's import boundaries),
# Prettier's check and the type check (`astro check`) need no build and touch
# no file the unit tests read, so they run beside the unit tests (engine,
# content model, rules' own examples, CLI), their output printed when they
# end; then the site is built and tested in a real browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/ensure-browser.sh

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
npm run lint > "$logs/lint" 2>&1 &
lint=$!
npx astro check > "$logs/check" 2>&1 &
check=$!

failed=0
npx vitest run -c test/vitest.config.ts || failed=1
for step in lint check; do
  pid=${!step}
  if wait "$pid"; then
    echo "$step: passed"
  else
    cat "$logs/$step"
    echo "$step: FAILED"
    failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1

npm run build
npx playwright test -c test/playwright.config.ts
