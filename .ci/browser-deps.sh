#!/usr/bin/env bash
# Install Debian's chromium and chromium-driver for tests/test_site_browser.py.
# Idempotent: does nothing when both binaries are already present.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "browser-deps: chromium and chromedriver already installed"
  chromium --version || true
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-cjk
chromium --version
chromedriver --version
