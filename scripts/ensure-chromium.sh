#!/usr/bin/env bash
# Make sure Debian's headless-capable Chromium is at /usr/bin/chromium for the browser tests.
# Installs it with apt-get only when it is missing (needs root); never downloads Playwright's browsers.
set -euo pipefail
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-chromium: $CHROMIUM is missing; install it with: sudo apt-get install -y chromium" >&2
    exit 1
fi
echo "ensure-chromium: installing chromium with apt-get (once)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
test -x "$CHROMIUM"
