#!/usr/bin/env bash
# Chromium of Debian for the browser tests (tests/browser, Playwright with executable_path):
# installed with apt when missing; Playwright never downloads a browser. Idempotent.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "Chromium présent : $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "Chromium installé : $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
