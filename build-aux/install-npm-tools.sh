#!/usr/bin/env bash
# Installs the npm tools the tests use: the contract mock server Prism
# (@stoplight/prism-cli) at the exact version pinned in
# ../shared/emporix/prism-version.txt.
#
# The install lives in a cache folder that survives clones and builds:
#   ${SP_NPM_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/stock-promotion/npm-tools}/prism-cli-<version>
# and is skipped when that version is already there, so running this again is
# cheap. tests/prism/sp-prism.c looks in the same place (or takes $SP_PRISM).
# Prints one line: the path of the prism binary. Quiet otherwise; npm's log
# goes to <dir>/npm-install.log and is shown only when the install fails.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SP_SHARED_DIR:-"$root/../shared"}
version_file="$shared/emporix/prism-version.txt"

if [ ! -r "$version_file" ]; then
  echo "install-npm-tools: $version_file not found; cannot pin Prism" >&2
  exit 1
fi
version=$(tr -d ' \t\r\n' < "$version_file")
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "install-npm-tools: $version_file: not a version: '$version'" >&2
  exit 1
fi

base=${SP_NPM_TOOLS_DIR:-"${XDG_CACHE_HOME:-$HOME/.cache}/stock-promotion/npm-tools"}
dir="$base/prism-cli-$version"
prism="$dir/node_modules/.bin/prism"

if [ -x "$prism" ] && [ "$("$prism" --version 2>/dev/null)" = "$version" ]; then
  echo "prism $version: $prism"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "install-npm-tools: npm not found (apt-get install npm)" >&2
  exit 1
fi

# Install into a scratch folder first and move it into place, so an
# interrupted install never looks like a finished one.
mkdir -p "$base"
tmp=$(mktemp -d "$base/.prism-cli-$version.XXXXXX")
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
printf '{"name":"sp-npm-tools","private":true}\n' > "$tmp/package.json"
if ! (cd "$tmp" && npm install --save-exact --no-audit --no-fund --loglevel=error \
        "@stoplight/prism-cli@$version") > "$tmp/npm-install.log" 2>&1; then
  echo "install-npm-tools: npm install @stoplight/prism-cli@$version failed:" >&2
  tail -n 30 "$tmp/npm-install.log" >&2
  exit 1
fi
if [ "$("$tmp/node_modules/.bin/prism" --version 2>/dev/null)" != "$version" ]; then
  echo "install-npm-tools: the installed prism does not report version $version" >&2
  exit 1
fi

rm -rf "$dir"
mv "$tmp" "$dir"
trap - EXIT
echo "prism $version: $prism"
