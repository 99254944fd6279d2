#!/usr/bin/env bash
# Benchmark (reports, never asserts): load time and peak memory of `clusterlens validate` on the
# whole CORDIS H2020 co-participation network (35,871 organisations, 796,670 ties), against a peer
# measured in the same run: python3 + NetworkX building the same weighted graph from the same
# gzipped CSV. Targets: <= 3 s and <= 1 GB on the 2-core machine.
# Usage: tests/bench/load_cordis.sh [BUILD_DIR] [RUNS]   (default build-release, 5 runs; needs /usr/bin/time: apt-get install time)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build-release}"
runs="${2:-5}"
net="$root/../shared/data/cordis-h2020/network"
map="$root/examples/cordis_ee_climate/cordis.toml"
[ -d "$net" ] || { echo "benchmark needs ../shared/data/cordis-h2020/network"; exit 1; }
bin="$build/src/clusterlens"

measure() {  # prints "seconds peak_kb"
  /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1
}
peer=$(mktemp)
cat >"$peer" <<'PY'
import csv, gzip, sys
import networkx as nx
d = sys.argv[1]
g = nx.Graph()
with gzip.open(d + "/org_nodes.csv.gz", "rt", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        g.add_node(row["pic"], type=row["activity_type"], country=row["country"])
with gzip.open(d + "/org_coparticipation_edges.csv.gz", "rt", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        g.add_edge(row["source_pic"], row["target_pic"], weight=float(row["weight"]))
print(g.number_of_nodes(), g.number_of_edges())
PY
cl_t=(); cl_m=(); py_t=(); py_m=()
for i in $(seq "$runs"); do
  read -r t m < <(measure "$bin" validate "$net" --map "$map")
  cl_t+=("$t"); cl_m+=("$m")
  read -r t m < <(measure /usr/bin/python3 "$peer" "$net")
  py_t+=("$t"); py_m+=("$m")
done
rm -f "$peer"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ct=$(median "${cl_t[@]}"); cm=$(median "${cl_m[@]}"); pt=$(median "${py_t[@]}"); pm=$(median "${py_m[@]}")
echo "runs: $runs (medians; 2-core machine, noisy)"
echo "clusterlens validate: ${ct} s, peak $((cm / 1024)) MiB"
echo "python3+networkx load: ${pt} s, peak $((pm / 1024)) MiB"
awk -v a="$ct" -v b="$pt" 'BEGIN {printf "time ratio clusterlens/networkx: %.2f\n", a / b}'
awk -v a="$ct" -v m="$cm" 'BEGIN {printf "targets: time %s (<= 3 s), memory %s (<= 1 GB)\n", (a <= 3 ? "met" : "MISSED"), (m <= 1048576 ? "met" : "MISSED")}'
