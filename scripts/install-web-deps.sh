#!/usr/bin/env bash
# Installs what the dashboard and its browser test need, only when missing:
#   - Debian's chromium (never a browser downloaded by Playwright), with fonts;
#   - Node.js and npm (Debian's nodejs 18 is enough; a newer node already on
#     the PATH is kept);
#   - `npm ci` in web/ (ECharts, served at /vendor/echarts/) and in
#     tests/browser/ (playwright-core), from the committed lockfiles.
# Safe to run repeatedly: apt-get and npm run only when something is missing or
# a lockfile changed. Called by `make test` (through the Makefile) and by
# scripts/install-deps.sh when CAKUPAN_WITH_BROWSER=1.
#
#   CAKUPAN_WITH_BROWSER=0   install only web/'s ECharts (no chromium, no test deps)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
with_browser="${CAKUPAN_WITH_BROWSER:-1}"

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
if ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs)
fi
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi
if [ "$with_browser" = 1 ]; then
  if [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  # Fonts for legible screenshots (chromium only recommends them).
  for p in fonts-dejavu-core fonts-liberation; do
    if ! installed "$p"; then missing+=("$p"); fi
  done
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 18 ]; then
  echo "Node.js $(node --version) is too old: the browser test needs Node.js 18 or newer" >&2
  exit 1
fi

# npm ci in a directory when node_modules is missing or older than the lockfile.
npm_ci() {
  local dir="$1"
  local stamp="$dir/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$dir/package-lock.json" ]; then
    return 0
  fi
  echo "npm ci in ${dir#"$root"/}"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
}

npm_ci "$root/web"
if [ "$with_browser" = 1 ]; then
  npm_ci "$root/tests/browser"
fi
