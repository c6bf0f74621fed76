#!/usr/bin/env bash
# Makes sure Debian's headless-capable `chromium` is installed (the service's /docs test loads the page in it).
# Installs it with apt when running as root; otherwise explains what to install.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> installing chromium with apt (for the /docs browser test)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
  command -v chromium >/dev/null 2>&1 && exit 0
fi
echo "error: chromium is not installed; install Debian's chromium package (or run as root so this script can)" >&2
exit 1
