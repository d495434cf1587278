#!/usr/bin/env bash
# Installs the Debian packages cakupan needs that are not yet on this machine.
# Safe to run repeatedly: it only calls apt-get when something is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsqlite3-dev sqlite3
  nlohmann-json3-dev libfmt-dev libcli11-dev
  libboost-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev
)
if [ "${CAKUPAN_WITH_BENCH:-0}" = 1 ]; then
  packages+=(time wrk)
fi

# --- dashboard and browser test (owner: web front end) -------------------------
# With CAKUPAN_WITH_BROWSER=1: Debian's chromium and fonts, nodejs/npm if no
# node is on the PATH, and `npm ci` in web/ and tests/browser/ — see
# scripts/install-web-deps.sh, which `make test` also runs.
if [ "${CAKUPAN_WITH_BROWSER:-0}" = 1 ]; then
  bash "$(dirname "${BASH_SOURCE[0]}")/install-web-deps.sh"
fi
# --- end of dashboard and browser test ------------------------------------------

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
