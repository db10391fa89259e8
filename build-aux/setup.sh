#!/usr/bin/env bash
# Installs what the project needs from Debian (only what is missing),
# configures the build directory once and builds. Idempotent.
#
# usage: build-aux/setup.sh [BUILDDIR]   (default: build)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-"$root/build"}

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

mapfile -t wanted < <(grep -v -e '^#' -e '^$' "$root/build-aux/deps.txt")
missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
# Node.js and npm install the contract mock server (Prism); a machine that
# already has a node of its own keeps it.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$root" -Dwerror=true
fi
meson compile -C "$builddir"
