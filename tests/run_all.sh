#!/usr/bin/env bash
# README command 2 (and what .ci/run calls): install what is missing, build, run every test.
#   1. Release build + ctest (unit tests, malformed-input corpus, examples)
#   2. AddressSanitizer + UndefinedBehaviorSanitizer build + ctest (skip: CLUSTERLENS_SKIP_SANITIZE=1)
#   3. fuzz targets (clang, libFuzzer + ASan + UBSan), 2000 runs each over their seeds
#      (skip: CLUSTERLENS_SKIP_FUZZ=1; tests/fuzz/run_long.sh runs them long)
#   4. formatting check (clang-format 14, .clang-format)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash .ci/deps.sh --test
jobs="$(nproc)"

echo "== Release build and tests"
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Release -DCLUSTERLENS_BUILD_TESTS=ON >/dev/null
cmake --build build-test -j"$jobs"
ctest --test-dir build-test --output-on-failure --no-tests=error -j"$jobs"

if [ "${CLUSTERLENS_SKIP_SANITIZE:-0}" != "1" ]; then
  echo "== Sanitizer build (ASan + UBSan) and tests"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCLUSTERLENS_SANITIZE=ON -DCLUSTERLENS_BUILD_TESTS=ON >/dev/null
  cmake --build build-asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$root/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$jobs"
fi

if [ "${CLUSTERLENS_SKIP_FUZZ:-0}" != "1" ]; then
  echo "== Fuzz targets (clang, libFuzzer + ASan + UBSan), 2000 runs each"
  CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" -DCLUSTERLENS_BUILD_TESTS=OFF \
    -DCLUSTERLENS_BUILD_FUZZERS=ON >/dev/null
  cmake --build build-fuzz -j"$jobs" --target fuzzers
  bash tests/fuzz/run_short.sh build-fuzz 2000
fi

echo "== Formatting (clang-format)"
files=$(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find graphs src render tests -name '*.[ch]pp')
clang-format --dry-run -Werror $files
echo "All checks passed."
