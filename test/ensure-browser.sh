#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium: Debian's when present; installs
# it with apt when root on Debian; otherwise Playwright's own download.
set -euo pipefail
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "No system Chromium: installing Playwright's own browser..."
  npx playwright install chromium
fi
