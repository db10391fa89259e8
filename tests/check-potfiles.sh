#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in is not sorted (as libadwaita's CI does).
set -eu
root=$1
cd "$root"
status=0
for f in $(git ls-files 'src/*.c' 'resources/*.ui' 2>/dev/null || find src resources -name '*.c' -o -name '*.ui'); do
  if grep -q -E '\b(_|N_|C_)\s*\(|translatable="yes"' "$f"; then
    if ! grep -qx "$f" po/POTFILES.in; then
      echo "missing from po/POTFILES.in: $f"
      status=1
    fi
  fi
done
if ! LC_ALL=C sort -c po/POTFILES.in 2>/dev/null; then
  echo "po/POTFILES.in is not sorted"
  status=1
fi
while read -r f; do
  [ -z "$f" ] && continue
  [ -f "$f" ] || { echo "po/POTFILES.in names a missing file: $f"; status=1; }
done < po/POTFILES.in
exit $status
