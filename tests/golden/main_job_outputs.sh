#!/usr/bin/env bash
# Runs the main job (examples/quickstart.sh) and the bundled examples' commands with BIN into
# OUTDIR, then prints one "sha256  relative/path" line per output file, sorted, with the
# absolute paths the outputs embed (input and output paths in summary.json and the like)
# replaced by <root> and <out> first. The printed manifest is committed as
# tests/golden/outputs.sha256 (issue 11: the restructuring keeps every output byte-identical);
# the ctest golden_outputs compares against it. After an intended change, regenerate with
#   bash tests/golden/main_job_outputs.sh BIN /tmp/g > tests/golden/outputs.sha256
# and say in the commit which outputs changed and why.
set -euo pipefail
bin="$1"
out="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rm -rf "$out"
mkdir -p "$out"
cd "$root"
ee="examples/cordis_ee_climate"
b="examples/cordis_sc5_baltics"
title="Climate projects with an Estonian partner (CORDIS H2020, SC5)"
# Under the sanitizer build LeakSanitizer would print its suppression counts to stderr.
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
run() { "$bin" "$@" >>"$out/stdout.txt" 2>>"$out/stderr.txt"; }
run validate "$ee/data" --map "$ee/cordis.toml" --json "$out/validate.json"
run convert "$ee/data" --map "$ee/cordis.toml" -o "$out/network.graphml"
run convert "$ee/data" --map "$ee/cordis.toml" -o "$out/csv"
run convert "$ee/data" --map "$ee/cordis.toml" -o "$out/network.gexf"
run convert "$ee/data" --map "$ee/cordis.toml" -o "$out/network.json"
run convert "$ee/data" --map "$ee/cordis.toml" -o "$out/pajek.net"
run score "$ee/data" --map "$ee/cordis.toml" -o "$out/score" --communities leiden
run score "$ee/data" --map "$ee/cordis.toml" -o "$out/score_fitted" --lc-weights fitted:ec_contribution_case_eur
run explain "$ee/data" --map "$ee/cordis.toml" -o "$out/explain" --outcome ec_contribution_case_eur
run qap "$ee/data" --map "$ee/cordis.toml" -o "$out/qap" --covariates same_type,both_local
run communities "$ee/data" --map "$ee/cordis.toml" -o "$out/communities" --clique-min 10
run report "$ee/data" --map "$ee/cordis.toml" -o "$out/report.html" --title "$title"
run render "$out/score/network.graphml" -o "$out/figure.svg" --title "$title"
run render "$out/score/network.graphml" -o "$out/figure.png" --title "$title"
run render "$out/score/network.graphml" -o "$out/pipelines_by_country.svg" \
  --collapse-external country --title "Estonian climate cluster: pipelines by partner country"
run render "$out/score/network.graphml" -o "$out/position_map.svg" --position-map \
  --title "Estonian climate cluster: firm roles"
run render "$out/score/network.graphml" -o "$out/communities.svg" --color-by community \
  --title "Estonian climate cluster: Leiden communities"
run render "$out/score/network.graphml" -o "$out/community_graph.svg" --community-graph \
  --title "Estonian climate cluster: communities and the ties between them"
run render "$out/score/network.graphml" -o "$out/figure_17cm.pdf" \
  --width 17cm --font-size 7 --legend bottom --title none
run render "$out/score/network.graphml" -o "$out/ego.svg" --ego 919399660 --radius 1
run render "$out/score/network.graphml" -o "$out/grey.svg" --style greyscale --tie-colour dimension --legend bottom
run render "$out/score/network.graphml" -o "$out/figure.dot"
run render "$ee/data" --map "$ee/cordis.toml" --collapse-external country -o "$out/countries.svg"
run compare "$ee/data" --map "$ee/cordis.toml" -o "$out/compare" --report
run compare "$b/EE" "$b/LT" --map "$b/cordis.toml" -o "$out/ee_vs_lt" --communities leiden --report
run compare "$b/EE" "$b/LV" "$b/LT" --map "$b/cordis.toml" -o "$out/baltics" --report
cd "$out"
# Paths embedded in the outputs (and in stdout) are machine-specific: normalise them.
find . -type f ! -name '*.png' ! -name '*.pdf' -print0 |
  xargs -0 sed -i -e "s#$out#<out>#g" -e "s#$root#<root>#g"
find . -type f -print0 | sort -z | xargs -0 sha256sum | sed 's#  \./#  #'
