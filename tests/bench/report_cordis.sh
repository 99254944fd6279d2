#!/usr/bin/env bash
# Benchmark (reports, never asserts) of `clusterlens report` on the whole CORDIS network (35,871
# actors, 796,670 ties; exact betweenness and the 10,000-permutation E-I test, as score does):
# the time and peak memory to write the file, its size, and the time until the page is
# interactive (window.clusterlensReady, the page's own clock from navigation start, and the wall
# time from asking Chromium to open it) in headless Chromium, RUNS times, medians. The bundled
# example is measured the same way for scale. Target (issue 15): under ~20 MB and interactive
# within 3 s. Usage: tests/bench/report_cordis.sh [BUILD_DIR] [RUNS]   (defaults build-release, 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="${1:-$root/build-release}/src/clusterlens"
runs="${2:-3}"
map="$root/examples/cordis_ee_climate/cordis.toml"
[ -x "$bin" ] || { echo "build clusterlens first"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "commit $(git -C "$root" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), load before: $(cut -d' ' -f1 /proc/loadavg)"
echo "| case | file MB | write s | peak RSS MB | ready ms (page, median) | ready ms (wall, median) |"
echo "|---|---:|---:|---:|---:|---:|"
for case in example cordis; do
  if [ "$case" = example ]; then input="$root/examples/cordis_ee_climate/data"; else
    input="$root/../shared/data/cordis-h2020/network"; fi
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" report "$input" --map "$map" \
    -o "$work/$case.html" >/dev/null 2>&1
  read -r secs kb <"$work/time"
  : >"$work/page" && : >"$work/wall"
  for _ in $(seq "$runs"); do
    out=$(/usr/bin/python3 "$root/tests/report/browser_report.py" "$work/$case.html" "$work/shots" \
      --ready-only --timeout 120)
    awk '$1 == "ready_ms" {print $2}' <<<"$out" >>"$work/page"
    awk '$1 == "ready_wall_ms" {print $2}' <<<"$out" >>"$work/wall"
  done
  size=$(stat -c %s "$work/$case.html")
  echo "| $case | $(awk -v s="$size" 'BEGIN {printf "%.1f", s / 1e6}') | $secs |" \
    "$((kb / 1024)) | $(median <"$work/page") | $(median <"$work/wall") |"
done
echo "load after: $(cut -d' ' -f1 /proc/loadavg)"
