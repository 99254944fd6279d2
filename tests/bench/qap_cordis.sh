#!/usr/bin/env bash
# Benchmark (reports, never asserts) of `clusterlens qap` (MRQAP, double semi-partialling) on
# CORDIS H2020 co-participation networks, against R sna's netlm(nullhyp = "qapspp") on the same
# case in the same run (tests/bench/peer_netlm.R):
#   ee     the bundled Estonian climate cluster (examples/cordis_ee_climate/data, 400 actors)
#   top30  organisations with >= 30 projects and the ties among them (make_subsets.py; 638)
#   top20  organisations with >= 20 projects (973)
# The model: coparticipation ~ same_type + both_local, undirected (n(n-1)/2 dyads), tie
# weights, 10,000 permutations, seed 1. clusterlens: wall and CPU time, peak memory (/usr/bin/time),
# median of RUNS runs, with --threads 1 and with all cores. R: one run of netlm with R_REPS
# permutations on ee (default 1000) and R_REPS/10 on the cuts (10,000 would take R hours: about
# 0.7 s per permutation on ee), its time scaled to 10,000 shown beside it (netlm's time is
# linear in the permutations: one lm() per permutation and term).
# Usage: tests/bench/qap_cordis.sh [BUILD_DIR] [RUNS] [R_REPS] [GRAPHS]
#   (defaults build-release, 3, 1000, "ee top30 top20")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build-release}"
runs="${2:-3}"
r_reps="${3:-1000}"
graphs="${4:-ee top30 top20}"
bin="$build/src/clusterlens"
map="$root/examples/cordis_ee_climate/cordis.toml"
net="$root/../shared/data/cordis-h2020/network"
py=/usr/bin/python3
[ -x "$bin" ] || { echo "build clusterlens first (cmake --build $build)"; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case " $graphs " in *" top"*)
  [ -d "$net" ] || { echo "the top cuts need ../shared/data/cordis-h2020/network"; exit 1; }
  "$py" "$root/tests/bench/make_subsets.py" "$net" "$work" 30 20 >/dev/null ;;
esac

measure() {  # prints "seconds peak_kib cpu_seconds"
  /usr/bin/time -f "%e %M %U" -o "$work/time" "$@" >"$work/last.out" 2>"$work/last.err" ||
    { echo "failed: $*" >&2; cat "$work/last.err" >&2; return 1; }
  cat "$work/time"
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "machine: $(nproc) cores; $(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ); commit $(git -C "$root" rev-parse --short HEAD)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for g in $graphs; do
  if [ "$g" = ee ]; then
    folder="$root/examples/cordis_ee_climate/data"
    nodes="$folder/nodes.csv"; edges="$folder/edges.csv"
  else
    folder="$work/$g"
    nodes="$folder/org_nodes.csv.gz"; edges="$folder/org_coparticipation_edges.csv.gz"
  fi
  echo "=== $g"
  for threads in 1 0; do
    : >"$work/ct"; : >"$work/cm"; : >"$work/cu"
    for ((r = 1; r <= runs; r++)); do
      read -r t m u < <(measure "$bin" qap "$folder" --map "$map" --covariates same_type,both_local \
        --permutations 10000 --seed 1 --threads "$threads" -o "$work/out-$g")
      echo "$t" >>"$work/ct"; echo "$m" >>"$work/cm"; echo "$u" >>"$work/cu"
    done
    [ "$threads" = 1 ] && sed -n '2p;/^  (intercept)/,/^  R²/p' "$work/last.out" | sed 's/^/  /'
    echo "  clusterlens qap, --threads $threads: median $(median <"$work/ct") s wall, $(median <"$work/cu") s CPU, peak $(($(median <"$work/cm") / 1024)) MiB (wall: $(tr '\n' ' ' <"$work/ct"))"
  done
  reps=$r_reps
  [ "$g" = ee ] || reps=$((r_reps / 10 > 10 ? r_reps / 10 : 10))
  Rscript "$root/tests/bench/peer_netlm.R" "$nodes" "$edges" "$reps" >"$work/r.out" 2>"$work/r.err" ||
    { echo "  R netlm failed:"; tail -3 "$work/r.err"; continue; }
  sed 's/^/  R /' "$work/r.out"
  awk -v reps="$reps" '/netlm seconds/ {printf "  R netlm scaled to 10000 permutations: %.0f s\n", $3 * 10000 / reps}' "$work/r.out"
  echo "  load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
done
