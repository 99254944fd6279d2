#!/bin/sh
# Issue 16, item 4: on a terminal, score shows each stage with its share done and the time
# left, rewritten in place, and ends it with the time it took; into a file or pipe it prints
# none of that. Runs the command under a pseudo-terminal made by script(1) (util-linux/bsdutils,
# in every Debian).
# Usage: progress_tty.sh CLUSTERLENS EXAMPLES_DIR WORK_DIR
set -eu
bin=$1 examples=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
command -v script >/dev/null || { echo "progress_tty: script(1) is missing (bsdutils)"; exit 1; }
net="$examples/cordis_ee_climate/data"
map="$examples/cordis_ee_climate/cordis.toml"
# --permutations 100000 makes the E-I stage last long enough for shares to be drawn.
script -qfec "'$bin' score '$net' --map '$map' --permutations 100000 -o '$work/tty'" \
  "$work/typescript" >/dev/null
fail=0
for want in "clusterlens: centrality ... done in " "clusterlens: openness and E-I ... done in " \
            "clusterlens: core-periphery ... done in "; do
  grep -qF "$want" "$work/typescript" || { echo "progress_tty: no '$want' on the terminal"; fail=1; }
done
# A share drawn in place: a carriage return, the stage, a percentage.
if ! tr '\r' '\n' <"$work/typescript" | grep -Eq '^clusterlens: openness and E-I \.\.\. [0-9]+%'; then
  echo "progress_tty: no share of the E-I stage drawn"; fail=1
fi
# Not a terminal: no stage lines, no carriage returns.
"$bin" score "$net" --map "$map" --permutations 100000 -o "$work/file" >"$work/out" 2>"$work/err"
if grep -q "done in\|%" "$work/err" || tr -d -c '\r' <"$work/err" | grep -q .; then
  echo "progress_tty: progress printed into a file:"; cat "$work/err"; fail=1
fi
[ $fail -eq 0 ] && echo "progress_tty: terminal shows the stages; a file gets none"
exit $fail
