#!/usr/bin/env bash
# Runs every fuzz target long, one after the other, and writes a results table (Markdown) with
# each target's runs, executions per second, coverage (libFuzzer's final cov: and ft:), corpus
# size (libFuzzer's corp:, seeds included, and the new inputs kept in OUT/corpus), findings,
# peak memory and time, with the commit, the date and the machine's load.
#   bash tests/fuzz/run_long.sh BUILD_DIR [TARGET...]       (default: every target)
# Settings (environment):
#   RUNS=1000000   runs per target (all workers together)
#   MAX_TIME=3600  time cap per target in seconds
#   JOBS=1         parallel workers per target (-jobs/-workers; at most the cores, nproc)
#   NICE=10        niceness, so builds sharing the machine keep their pace
#   OUT=BUILD_DIR/fuzz-long   where corpora, artifacts, logs and results.md go
# A target's corpus is kept in OUT/corpus/TARGET and grows from run to run. A crash, a
# sanitizer report, a timeout (10 s for one input) or running out of memory (2 GiB) is a
# finding: its input is in OUT/artifacts/ and the table says which. Exit 1 on any finding.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:?usage: run_long.sh BUILD_DIR [TARGET...]}" && pwd)"
shift
runs="${RUNS:-1000000}"
max_time="${MAX_TIME:-3600}"
jobs="${JOBS:-1}"
cores="$(nproc)"
if ((jobs > cores)); then jobs=$cores; fi
out="${OUT:-$build/fuzz-long}"
corpus="$(cd "$root/.." && pwd)/shared/corpus"
seeds="$out/seeds"
source "$root/tests/fuzz/targets.sh"
targets=("$@")
if ((${#targets[@]} == 0)); then targets=("${fuzz_targets[@]}"); fi
mkdir -p "$out/corpus" "$out/artifacts" "$out/logs"
rm -rf "$seeds" && python3 "$root/tests/fuzz/make_seeds.py" "$root" "$corpus" "$seeds"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

commit="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo '+dirty')"
results="$out/results.md"
{
  echo "Commit $commit, $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $cores cores," \
    "$jobs worker(s) per target at nice ${NICE:-10}; limits: -timeout=10 -rss_limit_mb=2048" \
    "-max_len=65536; at most $runs runs or $max_time s per target."
  echo
  echo "| target | runs | exec/s | cov | ft | corpus (units/size; new files kept) | findings | peak RSS | time | load (1-min avg) before / after |"
  echo "|---|---:|---:|---:|---:|---:|---|---:|---:|---|"
} >"$results.head"
: >"$results.rows"
found=0

# The last value of `key` (libFuzzer's "stat::key: N") in a log, summed over the logs given.
stat_sum() {
  local key=$1
  shift
  awk -v k="stat::$key:" '$1 == k { s += $2 } END { print s + 0 }' "$@"
}

for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t"
  mapfile -t dirs < <(fuzz_seed_dirs "$t")
  log="$out/logs/$t.log"
  rm -f "$log" "$out/logs/$t".job*.log
  load_before="$(cut -d' ' -f1 /proc/loadavg)"
  start=$SECONDS
  args=("${fuzz_flags[@]}" -max_total_time="$max_time"
    -dict="$root/tests/fuzz/$(fuzz_dict "$t").dict" -artifact_prefix="$out/artifacts/$t-")
  rc=0
  if ((jobs == 1)); then
    nice -n "${NICE:-10}" "$build/tests/fuzz/fuzz_$t" "${args[@]}" -runs="$runs" \
      "$out/corpus/$t" "${dirs[@]}" >"$log" 2>&1 || rc=$?
    logs=("$log")
  else
    # Each job writes fuzz-N.log in the current folder; the jobs share the corpus folder.
    (cd "$out/logs" && nice -n "${NICE:-10}" "$build/tests/fuzz/fuzz_$t" "${args[@]}" \
      -runs="$((runs / jobs))" -jobs="$jobs" -workers="$jobs" "$out/corpus/$t" "${dirs[@]}" \
      >"$log" 2>&1) || rc=$?
    for ((j = 0; j < jobs; j++)); do
      [ -f "$out/logs/fuzz-$j.log" ] && mv "$out/logs/fuzz-$j.log" "$out/logs/$t.job$j.log"
    done
    logs=("$out/logs/$t".job*.log)
  fi
  seconds=$((SECONDS - start))
  load_after="$(cut -d' ' -f1 /proc/loadavg)"
  done_runs="$(stat_sum number_of_executed_units "${logs[@]}")"
  rss="$(awk '$1 == "stat::peak_rss_mb:" { if ($2 > m) m = $2 } END { print m + 0 }' "${logs[@]}")"
  # libFuzzer's last status line: "#N DONE cov: C ft: F corp: UNITS/SIZE ...".
  last="$(grep -ho 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9]*[A-Za-z]*' "${logs[@]}" | tail -1)"
  cov="$(echo "$last" | awk '{ print $2 }')"
  ft="$(echo "$last" | awk '{ print $4 }')"
  corp="$(echo "$last" | awk '{ print $6 }')"
  kept="$(find "$out/corpus/$t" -type f | wc -l)"
  exec_s=$((seconds > 0 ? done_runs / seconds : done_runs))
  findings="none"
  if ((rc != 0)); then
    found=1
    kind="$(grep -hoE 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer): [a-z-]+|runtime error|clusterlens fuzz finding|ERROR: libFuzzer: [a-z-]+' "${logs[@]}" | head -1)"
    artifact="$(grep -ho "Test unit written to [^ ]*" "${logs[@]}" | head -1 | sed 's/Test unit written to //')"
    findings="**${kind:-exit $rc}** ($(basename "${artifact:-no artifact}"))"
  fi
  row="| $t | $done_runs | $exec_s | ${cov:-?} | ${ft:-?} | ${corp:-?} ($kept kept) | $findings | $rss MB | $seconds s | $load_before / $load_after |"
  echo "$row" >>"$results.rows"
  echo "$row"
done
cat "$results.head" "$results.rows" >"$results"
rm -f "$results.head" "$results.rows"
echo "results: $results"
exit "$found"
