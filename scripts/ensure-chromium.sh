#!/usr/bin/env bash
# The end-to-end tests and the in-browser benchmark drive Debian's Chromium (/usr/bin/chromium)
# through playwright-core; they never download a browser. This installs the package when it is
# missing and we may (root with apt-get); otherwise it says why and succeeds, and those tests skip.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "ensure-chromium: $CHROMIUM is missing and we are not root: the browser tests will skip (install it with: sudo apt-get install chromium)" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and there is no apt-get: the browser tests will skip" >&2
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium with apt-get" >&2
if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
  echo "ensure-chromium: apt-get could not install chromium: the browser tests will skip" >&2
  exit 0
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: chromium was installed but $CHROMIUM is missing: the browser tests will skip" >&2
fi
exit 0
