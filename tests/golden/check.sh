#!/usr/bin/env bash
# ctest golden_outputs: the main job's and the examples' outputs equal the committed manifest
# byte for byte (paths normalised). On a difference it prints which files changed and keeps the
# outputs in OUTDIR for a diff against a run of the previous commit.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$1"
out="$2"
bash "$here/main_job_outputs.sh" "$bin" "$out" >"$out.sha256"
if ! diff -u "$here/outputs.sha256" "$out.sha256"; then
  echo "outputs differ from tests/golden/outputs.sha256 (outputs kept in $out)" >&2
  exit 1
fi
echo "all $(wc -l <"$out.sha256") outputs byte-identical"
