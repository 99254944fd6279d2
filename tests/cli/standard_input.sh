#!/usr/bin/env bash
# ctest standard_input (issue 12): `-` reads the network from standard input, as a pipe.
#   standard_input.sh CLUSTERLENS REPO_ROOT OUT_DIR
set -euo pipefail
bin="$1"
root="$2"
out="$3"
rm -rf "$out"
mkdir -p "$out"
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
# A text format says nothing about itself: --format names it; without it, a clear usage error.
r=$(printf 'a b\nb c\n' | "$bin" validate - --format edgelist)
grep -q "OK: 3 actors, 2 ties" <<<"$r" || fail "edge list from a pipe: $r"
set +e
err=$(printf 'a b\n' | "$bin" validate - 2>&1 >/dev/null)
code=$?
set -e
[ "$code" = 2 ] || fail "edge list without --format: exit $code"
grep -q "cannot tell the format of standard input" <<<"$err" || fail "message: $err"
# GraphML tells its format; gzip is undone; score writes its outputs as from a file.
ee="$root/examples/cordis_ee_climate"
"$bin" convert "$ee/data" --map "$ee/cordis.toml" -o "$out/ee.graphml" >/dev/null
gzip -c "$out/ee.graphml" | "$bin" score - -o "$out/from_pipe" --permutations 0 >/dev/null
"$bin" score "$out/ee.graphml" -o "$out/from_file" --permutations 0 >/dev/null
cmp "$out/from_pipe/actors.csv" "$out/from_file/actors.csv" || fail "actors.csv differs"
# The input limit holds for a pipe too.
set +e
err=$(head -c 5000 /dev/zero | tr '\0' 'a' | "$bin" validate - --format edgelist \
  --max-input-bytes 1000 2>&1 >/dev/null)
code=$?
set -e
[ "$code" = 1 ] || fail "limit: exit $code"
grep -q "standard input is over the limit of 1000 bytes" <<<"$err" || fail "limit: $err"
echo "standard_input: ok"
