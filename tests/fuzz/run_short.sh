#!/usr/bin/env bash
# Runs every fuzz target briefly over its seeds (tests/run_all.sh's fuzz stage): a fixed
# number of runs with a fixed seed, so a run is repeatable; exits 1 on any finding.
#   bash tests/fuzz/run_short.sh BUILD_DIR [RUNS]     (RUNS: 2000 by default)
# BUILD_DIR is a build configured with -DCLUSTERLENS_BUILD_FUZZERS=ON and built (target
# `fuzzers`). Crash inputs go to BUILD_DIR/fuzz-artifacts/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:?usage: run_short.sh BUILD_DIR [RUNS]}" && pwd)"
runs="${2:-2000}"
corpus="$(cd "$root/.." && pwd)/shared/corpus"
seeds="$build/fuzz-seeds"
source "$root/tests/fuzz/targets.sh"
rm -rf "$seeds" && python3 "$root/tests/fuzz/make_seeds.py" "$root" "$corpus" "$seeds"
mkdir -p "$build/fuzz-artifacts"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
failed=()
for t in "${fuzz_targets[@]}"; do
  work="$(mktemp -d)"
  mapfile -t dirs < <(fuzz_seed_dirs "$t")
  start=$SECONDS
  if "$build/tests/fuzz/fuzz_$t" "${fuzz_flags[@]}" -runs="$runs" -seed=1 \
    -dict="$root/tests/fuzz/$(fuzz_dict "$t").dict" \
    -artifact_prefix="$build/fuzz-artifacts/$t-" "$work" "${dirs[@]}" >"$work.log" 2>&1; then
    echo "fuzz_$t: $(grep -o 'cov: [0-9]* ft: [0-9]*' "$work.log" | tail -1), $runs runs," \
      "$((SECONDS - start)) s"
  else
    echo "fuzz_$t: FINDING (log below; the input is in $build/fuzz-artifacts/)"
    tail -60 "$work.log"
    failed+=("$t")
  fi
  rm -rf "$work" "$work.log"
done
if ((${#failed[@]})); then
  echo "fuzz findings in: ${failed[*]}"
  exit 1
fi
