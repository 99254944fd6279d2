#!/usr/bin/env bash
# Issue 12's full-size hostile inputs (tests/data/hostile/make_hostile.py): for each, what
# `clusterlens validate` does with the default limits — exit code, the first line of its
# message, wall time and peak memory (GNU time) — as a Markdown table with the commit and the
# machine's load. A benchmark, not a test: the regression tests build smaller shapes in memory.
#   bash tests/bench/hostile_inputs.sh BUILD_DIR [WORK_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="$(cd "${1:?usage: hostile_inputs.sh BUILD_DIR [WORK_DIR]}" && pwd)/src/clusterlens"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
/usr/bin/python3 "$root/tests/data/hostile/make_hostile.py" "$work" >/dev/null
commit="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo '+dirty')"
echo "Commit $commit, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, default limits."
echo
echo "| file | size | exit | message (first line) | wall | peak RSS | load before |"
echo "|---|---:|---:|---|---:|---:|---:|"
for f in keys.graphml keys.gml keys20k.graphml wide.gml vertices.net bomb.csv.gz longline.txt.gz; do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  size="$(du -h "$work/$f" | cut -f1)"
  rc=0
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" validate "$work/$f" >"$work/out.txt" \
    2>"$work/err.txt" || rc=$?
  read -r wall rss < <(tail -1 "$work/time.txt")
  msg="$(grep -v '^Command exited' "$work/err.txt" | head -1 | sed "s|$work/||; s/|/\\\\|/g" | cut -c1-160)"
  [ -n "$msg" ] || msg="$(tail -1 "$work/out.txt" | cut -c1-160)"
  echo "| $f | $size | $rc | $msg | ${wall} s | $((rss / 1024)) MB | $load |"
done
