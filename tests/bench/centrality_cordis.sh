#!/usr/bin/env bash
# Benchmark (reports, never asserts): every centrality measure on the whole CORDIS H2020
# co-participation network (35,871 organisations, 796,670 ties) with bench_centrality, then
# python-igraph's exact betweenness on the same graph (same gzipped CSV files, parallel rows
# summed, self-loops dropped, as clusterlens' loader does), timed once, and the largest
# relative difference between the two betweenness vectors; then graph-tool's (Debian
# python3-graph-tool, OpenMP on all cores, tests/bench/peer_graphtool.py) when installed. The
# 1-minute load average is printed before each. Target: all measures,
# exact betweenness included, <= 120 s on the 2-core machine.
# Usage: tests/bench/centrality_cordis.sh [BUILD_DIR] [RUNS] [PEER_TIMEOUT_S]
#   (defaults build-centrality, 3 runs, 1800 s; configures BUILD_DIR with
#   -DCLUSTERLENS_BUILD_BENCH=ON and builds bench_centrality when it is not there yet)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build-centrality}"
runs="${2:-3}"
peer_timeout="${3:-1800}"
net="$root/../shared/data/cordis-h2020/network"
[ -d "$net" ] || { echo "benchmark needs ../shared/data/cordis-h2020/network"; exit 1; }
bin="$build/src/bench_centrality"
if [ ! -x "$bin" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCLUSTERLENS_BUILD_BENCH=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" --target bench_centrality
fi

ours=$(mktemp)
peer=$(mktemp)
trap 'rm -f "$ours" "$peer"' EXIT
echo "load before clusterlens: $(cut -d' ' -f1 /proc/loadavg)"
"$bin" --runs "$runs" --dump "$ours" "$net" "$root/examples/cordis_ee_climate/cordis.toml"

cat >"$peer" <<'PY'
import csv, gzip, sys, time
import igraph as ig
d, ours = sys.argv[1], sys.argv[2]
with gzip.open(d + "/org_nodes.csv.gz", "rt", encoding="utf-8") as f:
    ids = [row["pic"] for row in csv.DictReader(f)]
index = {v: i for i, v in enumerate(ids)}
edges, weights = [], []
with gzip.open(d + "/org_coparticipation_edges.csv.gz", "rt", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        edges.append((index[row["source_pic"]], index[row["target_pic"]]))
        weights.append(float(row["weight"]))
g = ig.Graph(n=len(ids), edges=edges)
g.es["weight"] = weights
g.simplify(combine_edges="sum")
print(f"python-igraph {ig.__version__}: {g.vcount()} actors, {g.ecount()} ties")
start = time.perf_counter()
b = g.betweenness(directed=False)
print(f"python-igraph exact betweenness: {time.perf_counter() - start:.1f} s (1 run)")
mine = {}
with open(ours, encoding="utf-8") as f:
    for row in csv.DictReader(f):
        mine[row["id"]] = float(row["betweenness"])
worst = max(abs(mine[v] - b[i]) / max(1.0, abs(b[i])) for i, v in enumerate(ids))
print(f"largest relative difference clusterlens vs python-igraph: {worst:.3g}")
PY
echo "---"
echo "load before python-igraph: $(cut -d' ' -f1 /proc/loadavg)"
timeout "$peer_timeout" /usr/bin/python3 "$peer" "$net" "$ours" ||
  echo "python-igraph betweenness did not finish within ${peer_timeout} s"
echo "---"
if /usr/bin/python3 -c "import graph_tool" 2>/dev/null; then
  echo "load before graph-tool: $(cut -d' ' -f1 /proc/loadavg)"
  echo "graph-tool exact betweenness, $(nproc) threads: $(timeout "$peer_timeout" /usr/bin/python3 \
    "$root/tests/bench/peer_graphtool.py" "$net" --threads "$(nproc)" --ours "$ours" ||
    echo "did not finish within ${peer_timeout} s")"
else
  echo "graph-tool: not installed (apt-get install python3-graph-tool), skipped"
fi
