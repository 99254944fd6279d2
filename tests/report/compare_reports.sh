#!/usr/bin/env bash
# Writes compare --report for each of the three forms on the bundled examples, for
# browser_compare.py:  compare_reports.sh CLUSTERLENS EXAMPLES_DIR OUT_DIR
#   OUT_DIR/compare-lg    local versus global (cordis_ee_climate)
#   OUT_DIR/compare-two   two networks (Estonia and Lithuania, with communities)
#   OUT_DIR/compare-many  many clusters (Estonia, Latvia, Lithuania)
set -euo pipefail
bin=$1 ex=$2 out=$3
b="$ex/cordis_sc5_baltics"
"$bin" compare "$ex/cordis_ee_climate/data" --map "$ex/cordis_ee_climate/cordis.toml" \
  -o "$out/compare-lg" --report >/dev/null
"$bin" compare "$b/EE" "$b/LT" --map "$b/cordis.toml" -o "$out/compare-two" --report \
  --communities leiden >/dev/null
"$bin" compare "$b/EE" "$b/LV" "$b/LT" --map "$b/cordis.toml" -o "$out/compare-many" \
  --report >/dev/null
