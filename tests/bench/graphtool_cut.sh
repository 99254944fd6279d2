#!/usr/bin/env bash
# Benchmark (reports, never asserts) for issue 16's second acceptance line: on the cut of
# CORDIS organisations with >= 3 projects (make_subsets.py), in one interleaved run, the whole
# `clusterlens score` against graph-tool's exact unweighted betweenness alone, and
# `score --weighted-paths` against graph-tool's weighted betweenness alone (Debian
# python3-graph-tool, OpenMP on all cores; tests/bench/peer_graphtool.py). Each round runs the
# four in turn and records the 1-minute load average before each; medians over RUNS rounds
# and the ratios of the medians (targets: <= 0.15 and <= 0.33). The first round also checks
# that the two betweenness vectors agree (largest relative difference).
# Usage: tests/bench/graphtool_cut.sh [BUILD_DIR] [RUNS] [THRESHOLD]   (build-release, 3, 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build-release}"
runs="${2:-3}"
cut="${3:-3}"
bin="$build/src/clusterlens"
map="$root/examples/cordis_ee_climate/cordis.toml"
net="$root/../shared/data/cordis-h2020/network"
py=/usr/bin/python3  # Debian's, where python3-graph-tool lives
[ -x "$bin" ] || { echo "build clusterlens first (cmake --build $build)"; exit 1; }
[ -d "$net" ] || { echo "benchmark needs ../shared/data/cordis-h2020/network"; exit 1; }
"$py" -c "import graph_tool" 2>/dev/null ||
  { echo "needs graph-tool: apt-get install python3-graph-tool"; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" "$root/tests/bench/make_subsets.py" "$net" "$work" "$cut"
folder="$work/top$cut"
load() { cut -d' ' -f1 /proc/loadavg; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "machine: $(nproc) cores; $(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ); commit $(git -C "$root" rev-parse --short HEAD)"
echo "cut: organisations with >= $cut projects ($folder); runs: $runs (medians, interleaved)"
: >"$work/s"; : >"$work/sw"; : >"$work/g"; : >"$work/gw"
for r in $(seq 1 "$runs"); do
  l1=$(load)
  /usr/bin/time -f "%e %M" -o "$work/t" "$bin" score "$folder" --map "$map" -o "$work/out" \
    >"$work/last.out" 2>"$work/last.err"
  read -r s1 m1 <"$work/t"; echo "$s1" >>"$work/s"
  l2=$(load)
  /usr/bin/time -f "%e %M" -o "$work/t" "$bin" score "$folder" --map "$map" --weighted-paths \
    -o "$work/outw" >"$work/last.out" 2>"$work/last.err"
  read -r s2 m2 <"$work/t"; echo "$s2" >>"$work/sw"
  l3=$(load)
  extra=(); [ "$r" = 1 ] && extra=(--ours "$work/out/actors.csv")
  g1=$("$py" "$root/tests/bench/peer_graphtool.py" "$folder" --threads "$(nproc)" "${extra[@]}")
  echo "$g1" | awk '{print $2}' >>"$work/g"
  l4=$(load)
  extra=(); [ "$r" = 1 ] && extra=(--ours "$work/outw/actors.csv")
  g2=$("$py" "$root/tests/bench/peer_graphtool.py" "$folder" --weighted --threads "$(nproc)" "${extra[@]}")
  echo "$g2" | awk '{print $2}' >>"$work/gw"
  echo "round $r: score ${s1} s (${m1} KiB, load $l1); score --weighted-paths ${s2} s (${m2} KiB, load $l2); graph-tool betweenness: $g1 (load $l3); weighted: $g2 (load $l4)"
done
S=$(median <"$work/s"); SW=$(median <"$work/sw"); G=$(median <"$work/g"); GW=$(median <"$work/gw")
echo "medians: score $S s, graph-tool betweenness $G s, ratio $(awk -v a="$S" -v b="$G" 'BEGIN{printf "%.3f", a/b}') (target <= 0.15)"
echo "medians: score --weighted-paths $SW s, graph-tool weighted betweenness $GW s, ratio $(awk -v a="$SW" -v b="$GW" 'BEGIN{printf "%.3f", a/b}') (target <= 0.33)"
echo "load at the end: $(load)"
