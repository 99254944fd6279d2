#!/usr/bin/env bash
# Benchmark (reports, never asserts; issue 12 "a size test", issue 16 "scale past one CORDIS"):
# generates a CORDIS-like co-participation network with tests/bench/gen_projects.cpp (projects
# as cliques, power-law project sizes and actor activity, part/type/locality attributes) and
# scores it end to end with sampled betweenness and sampled closeness, recording wall time and
# peak resident memory (/usr/bin/time -v), the per-stage seconds (score --timings) and the
# machine load before and after. The files go to WORK (default /dev/shm/clusterlens-gen, never
# the repository) and are kept for a second run with the same seed.
# Usage: tests/bench/score_generated.sh [BUILD_DIR] [ACTORS] [TIES] [K] [SEED] [WORK]
#   defaults: build, 1000000, 10000000, 100, 1, /dev/shm/clusterlens-gen
# K is both --betweenness-samples and --closeness-samples. Extra score options: SCORE_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build}"
actors="${2:-1000000}"
ties="${3:-10000000}"
k="${4:-100}"
seed="${5:-1}"
work="${6:-/dev/shm/clusterlens-gen}"
bin="$build/src/clusterlens"
[ -x "$bin" ] || { echo "build clusterlens first (cmake --build $build --target clusterlens)"; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
mkdir -p "$work"
net="$work/net-$actors-$ties-$seed"
gen="$work/gen_projects"
if [ ! -x "$gen" ] || [ "$root/tests/bench/gen_projects.cpp" -nt "$gen" ]; then
  g++ -O2 -std=c++20 "$root/tests/bench/gen_projects.cpp" -o "$gen"
fi
if [ ! -s "$net/edges.csv" ]; then
  mkdir -p "$net"
  echo "generating $actors actors, ~$ties ties, seed $seed into $net"
  /usr/bin/time -f "generation: %e s, peak %M KiB" "$gen" "$actors" "$ties" "$seed" "$net"
fi
ls -l "$net"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (+ uncommitted changes)')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
out="$work/out-$actors-$ties-$seed"
rm -rf "$out"
# shellcheck disable=SC2086
/usr/bin/time -v -o "$work/time.txt" nice "$bin" score "$net" -o "$out" \
  --betweenness-samples "$k" --closeness-samples "$k" --seed "$seed" --timings ${SCORE_OPTS:-} \
  >"$work/score.out" 2>"$work/score.err" || { cat "$work/score.err"; exit 1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "^timing:|warning" "$work/score.err" || true
tail -1 "$work/score.out"
grep -E "Elapsed|Maximum resident|Percent of CPU" "$work/time.txt"
ls -l "$out"
if command -v python3 >/dev/null; then
  python3 - "$out/summary.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
print("betweenness:", json.dumps(s["betweenness"]))
print("closeness:", json.dumps(s.get("closeness")))
print("warnings:", json.dumps(s.get("warnings")))
EOF
fi
