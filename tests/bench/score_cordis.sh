#!/usr/bin/env bash
# Benchmark (reports, never asserts) of the whole `clusterlens score` job against python-igraph
# and NetworkX computing the measures they offer (tests/bench/peer_score.py), on four graphs
# from the CORDIS H2020 co-participation data, side by side in the same run:
#   ee     the bundled Estonian climate cluster (examples/cordis_ee_climate/data)
#   top30  organisations with >= 30 projects and the ties among them (make_subsets.py)
#   top10  organisations with >= 10 projects
#   full   the whole network (../shared/data/cordis-h2020/network)
# clusterlens runs with its defaults (exact betweenness on all cores, E-I test with 10,000
# permutations, every measure) and --timings for the per-stage seconds. Wall time and peak
# resident memory from /usr/bin/time; medians over RUNS runs (peers on top10 and the whole
# network run once, with PEER_TIMEOUT_S each). A peer measure still running after
# MEASURE_LIMIT seconds (default 120) is stopped (NetworkX only; python-igraph's measures
# run to the end) and the peer's time is then a lower bound
# (NetworkX's constraint and effective size take a minute each on the 400-actor example);
# NetworkX is not run on the whole network at all.
# Target: the whole network scored in <= 120 s and <= 2 GB on the 2-core machine.
# Usage: tests/bench/score_cordis.sh [BUILD_DIR] [RUNS] [PEER_TIMEOUT_S] [GRAPHS]
#   (defaults build-release, 3, 1800, "ee top30 top10 full")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build-release}"
runs="${2:-3}"
peer_timeout="${3:-1800}"
graphs="${4:-ee top30 top10 full}"
measure_limit="${MEASURE_LIMIT:-120}"  # seconds one peer measure may run (peer_score.py --limit)
bin="$build/src/clusterlens"
map="$root/examples/cordis_ee_climate/cordis.toml"
net="$root/../shared/data/cordis-h2020/network"
py=/usr/bin/python3  # Debian's, where python3-networkx and python3-igraph live
[ -x "$bin" ] || { echo "build clusterlens first (cmake --build $build)"; exit 1; }
[ -d "$net" ] || { echo "benchmark needs ../shared/data/cordis-h2020/network"; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" "$root/tests/bench/make_subsets.py" "$net" "$work" 30 10

folder_of() {
  case "$1" in
    ee) echo "$root/examples/cordis_ee_climate/data" ;;
    full) echo "$net" ;;
    *) echo "$work/$1" ;;
  esac
}

# measure CMD...: prints "seconds peak_kib"; the command's stdout/stderr go to $work/last.*
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/last.out" 2>"$work/last.err" ||
    { echo "failed: $*" >&2; cat "$work/last.err" >&2; return 1; }
  cat "$work/time"
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "machine: $(nproc) cores; $(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ); commit $(git -C "$root" rev-parse --short HEAD)"
echo "clusterlens $("$bin" --version | awk '{print $2}') ($build); runs: $runs (medians)"
for g in $graphs; do
  folder=$(folder_of "$g")
  echo "=== $g ($folder)"
  : >"$work/ct"; : >"$work/cm"
  for ((r = 1; r <= runs; r++)); do
    read -r t m < <(measure "$bin" score "$folder" --map "$map" -o "$work/out-$g" --timings)
    echo "$t" >>"$work/ct"; echo "$m" >>"$work/cm"
  done
  grep -m1 "^OK:" "$work/last.out" | sed 's/^/  /'
  sed -n 's/^timing: /  stage (last run): /p' "$work/last.err"
  ct=$(median <"$work/ct"); cm=$(median <"$work/cm")
  echo "  clusterlens score: median ${ct} s, peak $((cm / 1024)) MiB (runs: $(tr '\n' ' ' <"$work/ct"))"
  peers="igraph networkx"
  if [ "$g" = full ]; then
    peers=igraph
    echo "  networkx: not run on the whole network (its pure-Python betweenness, harmonic"
    echo "    closeness and constraint would take hours; see top30 and top10 for its scaling)"
  fi
  for peer in $peers; do
    peer_runs=$runs
    limit=$peer_timeout
    case "$g" in top10 | full) peer_runs=1 ;; esac
    per_measure=$measure_limit  # NetworkX: stop a measure after MEASURE_LIMIT s
    [ "$peer" = igraph ] && per_measure=$peer_timeout  # igraph: let every measure finish
    : >"$work/pt"; : >"$work/pm"
    ok=1
    for ((r = 1; r <= peer_runs; r++)); do
      if read -r t m < <(measure timeout "$limit" "$py" "$root/tests/bench/peer_score.py" --limit="$per_measure" "$peer" "$folder"); then
        echo "$t" >>"$work/pt"; echo "$m" >>"$work/pm"
      else
        ok=0
        break
      fi
    done
    if [ "$ok" = 1 ]; then
      sed -n '1p;/measures total/p' "$work/last.out" | sed 's/^/  /'
      grep -E "betweenness|constraint" "$work/last.out" | sed 's/^ */  (last run) /'
      pt=$(median <"$work/pt"); pm=$(median <"$work/pm")
      echo "  $peer process: median ${pt} s, peak $((pm / 1024)) MiB ($peer_runs run(s))"
      bound=""
      grep -q "stopped at" "$work/last.out" && bound="<= "
      awk -v a="$ct" -v b="$pt" -v p="$peer" -v bound="$bound" 'BEGIN {printf "  ratio clusterlens whole job / %s subset: %s%.3f\n", p, bound, a / b}'
    else
      echo "  $peer: did not finish within ${limit} s (last lines:)"
      tail -n 3 "$work/last.out" | sed 's/^/    /'
    fi
  done
done
