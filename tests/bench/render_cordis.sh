#!/usr/bin/env bash
# Benchmark (reports, never asserts) of `clusterlens render` on CORDIS cuts, against the peer a
# user would reach for by hand: Graphviz's sfdp command on a plain DOT file of the same network
# (no styling, no legend), in the same run. Networks (made by make_subsets.py):
#   ee     the bundled Estonian climate cluster (400 actors, 6,850 ties)
#   top20  organisations with >= 20 projects (973 actors, ~99.5k ties): "a 1,000-actor cluster"
#   full   the whole network (35,871 actors, 796,670 ties): the overview (top 1,500 by size)
# Each network is scored once first (not timed; the whole network with --betweenness-samples 500
# to keep this benchmark short); then render's default (concentric) and --layout sfdp are timed.
# Target: a 1,000-actor cluster renders legibly in <= 5 s. Medians of RUNS runs,
# wall time and peak memory from /usr/bin/time.
# Usage: tests/bench/render_cordis.sh [BUILD_DIR] [RUNS] [GRAPHS]   (defaults build-release, 5,
#   "ee top20 full")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build-release}"
runs="${2:-5}"
graphs="${3:-ee top20 full}"
bin="$build/src/clusterlens"
map="$root/examples/cordis_ee_climate/cordis.toml"
net="$root/../shared/data/cordis-h2020/network"
py=/usr/bin/python3
[ -x "$bin" ] || { echo "build clusterlens first"; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
command -v sfdp >/dev/null || { echo "needs Graphviz's sfdp (apt-get install graphviz)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" "$root/tests/bench/make_subsets.py" "$net" "$work" 20 >/dev/null

folder_of() {
  case "$1" in
    ee) echo "$root/examples/cordis_ee_climate/data" ;;
    full) echo "$net" ;;
    *) echo "$work/$1" ;;
  esac
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# timed NAME CMD...: RUNS runs; prints "NAME: median S s, peak M MiB"
timed() {
  local name="$1"
  shift
  : >"$work/t"; : >"$work/m"
  for ((r = 1; r <= runs; r++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" ||
      { echo "failed: $*"; cat "$work/err"; return 1; }
    read -r t m <"$work/time"
    echo "$t" >>"$work/t"; echo "$m" >>"$work/m"
  done
  echo "  $name: median $(median <"$work/t") s, peak $(($(median <"$work/m") / 1024)) MiB"
}

echo "machine: $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); commit $(git -C "$root" rev-parse --short HEAD); runs: $runs"
for g in $graphs; do
  folder=$(folder_of "$g")
  extra=()
  [ "$g" = full ] && extra=(--betweenness-samples 500)
  "$bin" score "$folder" --map "$map" -o "$work/score-$g" --permutations 0 "${extra[@]}" >/dev/null
  scored="$work/score-$g/network.graphml"
  echo "=== $g: $(grep -m1 '^OK' <("$bin" validate "$scored") || true)"
  timed "clusterlens render (concentric, SVG)" "$bin" render "$scored" -o "$work/$g.svg"
  head -n 3 "$work/out" | sed 's/^/    /'
  cp "$work/$g.svg" "$work/keep-$g.svg"
  timed "clusterlens render --layout sfdp (SVG)" "$bin" render "$scored" --layout sfdp -o "$work/$g-sfdp.svg"
  timed "clusterlens render --collapse-external country (PNG)" "$bin" render "$scored" --collapse-external country -o "$work/$g.png"
  # The peer: the same network as plain DOT, laid out and drawn by sfdp.
  "$py" - "$folder" "$work/$g.gv" <<'PY'
import csv, gzip, os, sys
folder, out = sys.argv[1], sys.argv[2]
def table(names):
    for n in names:
        p = os.path.join(folder, n)
        if os.path.exists(p):
            return gzip.open(p, "rt", encoding="utf-8") if n.endswith(".gz") else open(p, encoding="utf-8")
seen = set()
with open(out, "w") as f:
    f.write("graph G {\n  node [shape=point];\n")
    with table(["org_coparticipation_edges.csv.gz", "edges.csv"]) as e:
        for r in csv.DictReader(e):
            a, b = sorted((r["source_pic"], r["target_pic"]))
            if a != b and (a, b) not in seen:
                seen.add((a, b))
                f.write(f'  "{a}" -- "{b}";\n')
    f.write("}\n")
PY
  if [ "$g" = full ]; then
    echo "  peer sfdp -Tsvg: not run on the whole network (797k ties; minutes and an unreadable result)"
  else
    timed "peer: sfdp -Tsvg on plain DOT (no styling, no legend)" sfdp -Tsvg -o "$work/$g-peer.svg" "$work/$g.gv"
  fi
done
