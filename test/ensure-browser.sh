#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium: Debian's when present. When root
# on Debian, installs what is missing with apt: chromium-headless-shell (what the
# browser tests drive; the same engine without the browser's UI, about twice as
# fast here) and chromium (what Lighthouse and the benchmarks drive). Elsewhere,
# with no system Chromium at all, Playwright's own download.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || missing+=(chromium)
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
[ ${#missing[@]} -gt 0 ] || exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif [ ${#missing[@]} -eq 2 ]; then
  echo "No system Chromium: installing Playwright's own browser..."
  npx playwright install chromium
fi
# Otherwise one Chromium is present and the tests use it.
