#!/usr/bin/env bash
# Sets everything up and opens Stock Promotion on its demo workspace.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
builddir="$root/build"

"$root/build-aux/setup.sh" "$builddir"

data_dir=${XDG_DATA_HOME:-$HOME/.local/share}/stock-promotion
db="$data_dir/workspace.db"
if [ ! -f "$db" ]; then
  mkdir -p "$data_dir"
  echo "run: writing the demo workspace to $db"
  "$builddir/src/cli/stock-promotion-cli" --db "$db" demo
fi

export GSETTINGS_SCHEMA_DIR="$builddir/data"
exec "$builddir/src/app/stock-promotion" "$@"
