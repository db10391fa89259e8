#!/usr/bin/env bash
# Sets everything up and runs the whole test suite under Xvfb with a D-Bus
# session. Ends with "N passed, N failed" and exits non-zero on any failure.
#
# usage: build-aux/test.sh [meson test options, e.g. --suite store]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
builddir=${SP_BUILDDIR:-"$root/build"}

"$root/build-aux/setup.sh" "$builddir"

# npm tools the tests use (the contract mock server); cached, so idempotent.
if [ -x "$root/build-aux/install-npm-tools.sh" ]; then
  "$root/build-aux/install-npm-tools.sh"
fi

set +e
xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
status=$?
set -e

python3 - "$builddir/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
try:
    with open(sys.argv[1]) as f:
        for line in f:
            result = json.loads(line).get("result", "")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
except FileNotFoundError:
    failed = 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY

exit $status
