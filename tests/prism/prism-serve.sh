#!/usr/bin/env bash
# Serves Emporix specs with Prism (mock, --errors) on 127.0.0.1 for manual or
# scripted contract checks, and waits until every one listens.
#
#   tests/prism/prism-serve.sh [--port FIRST] SPEC...
#     SPEC: a file name in ../shared/emporix/specs (price-service.yml) or a path
#
# Prints one line per spec once all are ready: "<spec> http://127.0.0.1:<port>/",
# then keeps running until SIGINT/SIGTERM, which stops every Prism it started.
# Prism's output goes to $SP_PRISM_LOG_DIR/<spec>.log (default: a temp dir,
# printed on stderr); request violations are the lines with "[VALIDATOR] ... error".
# Prism is found in $SP_PRISM or in the cache of build-aux/install-npm-tools.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${SP_SHARED_DIR:-"$root/../shared"}
port=0
specs=()

while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --port=*) port=${1#--port=}; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) specs+=("$1"); shift ;;
  esac
done
[ ${#specs[@]} -gt 0 ] || { echo "usage: $0 [--port FIRST] SPEC..." >&2; exit 2; }

prism=${SP_PRISM:-}
if [ -z "$prism" ]; then
  version=$(tr -d ' \t\r\n' < "$shared/emporix/prism-version.txt")
  base=${SP_NPM_TOOLS_DIR:-"${XDG_CACHE_HOME:-$HOME/.cache}/stock-promotion/npm-tools"}
  prism="$base/prism-cli-$version/node_modules/.bin/prism"
fi
[ -x "$prism" ] || { echo "Prism not found at $prism; run build-aux/install-npm-tools.sh" >&2; exit 77; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

logs=${SP_PRISM_LOG_DIR:-$(mktemp -d /tmp/sp-prism.XXXXXX)}
mkdir -p "$logs"
echo "Prism logs: $logs" >&2

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 0' INT TERM

declare -A ports
for spec in "${specs[@]}"; do
  case "$spec" in /*) path=$spec ;; *) path="$shared/emporix/specs/$spec" ;; esac
  [ -f "$path" ] || { echo "no such spec: $path" >&2; exit 2; }
  if [ "$port" = 0 ]; then p=$(free_port); else p=$port; port=$((port + 1)); fi
  name=$(basename "$spec")
  NO_COLOR=1 "$prism" mock --errors -h 127.0.0.1 -p "$p" "$path" > "$logs/$name.log" 2>&1 &
  pids+=("$!")
  ports[$name]=$p
done

deadline=$((SECONDS + 120))
for spec in "${specs[@]}"; do
  name=$(basename "$spec")
  until grep -q "Prism is listening" "$logs/$name.log" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      echo "Prism did not start for $name:" >&2; tail -n 20 "$logs/$name.log" >&2; exit 1
    fi
    sleep 0.2
  done
done

for spec in "${specs[@]}"; do
  name=$(basename "$spec")
  echo "$name http://127.0.0.1:${ports[$name]}/"
done

wait
