#!/usr/bin/env bash
# README command 1: install what is missing, build Release, run the main job on the bundled real
# example (the Estonian climate cluster cut from EU CORDIS Horizon 2020), print where outputs are.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash .ci/deps.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DCLUSTERLENS_BUILD_TESTS=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target clusterlens
bin="$root/build-release/src/clusterlens"
out="$root/out/cordis_ee_climate"
mkdir -p "$out"
example="examples/cordis_ee_climate"
baltics="examples/cordis_sc5_baltics"
echo
echo "== clusterlens validate (EU CORDIS H2020, SC5 climate projects with an Estonian partner)"
"$bin" validate "$example/data" --map "$example/cordis.toml" --json "$out/validate.json"
echo
echo "== clusterlens convert"
"$bin" convert "$example/data" --map "$example/cordis.toml" -o "$out/network.graphml"
"$bin" convert "$example/data" --map "$example/cordis.toml" -o "$out/csv"
"$bin" convert "$example/data" --map "$example/cordis.toml" -o "$out/network.gexf"
echo
echo "== clusterlens score (centrality, structural holes, openness, brokerage, roles, learning capacity, lock-in, communities)"
"$bin" score "$example/data" --map "$example/cordis.toml" -o "$out/score" --communities leiden
echo
echo "== clusterlens score with learning-capacity weights estimated from an outcome (EC funding in the case)"
"$bin" score "$example/data" --map "$example/cordis.toml" -o "$out/score_fitted" \
  --lc-weights fitted:ec_contribution_case_eur
echo
echo "== clusterlens explain (EC funding in the case on the four dimensions; permutation p-values)"
"$bin" explain "$example/data" --map "$example/cordis.toml" -o "$out/explain" \
  --outcome ec_contribution_case_eur
echo
echo "== clusterlens qap (MRQAP: are organisations of the same type, or two Estonian ones, more often partners?)"
"$bin" qap "$example/data" --map "$example/cordis.toml" -o "$out/qap" \
  --covariates same_type,both_local
echo
echo "== clusterlens communities (Leiden, best of 10 seeded runs, and the maximal cliques of 10 or more)"
"$bin" communities "$example/data" --map "$example/cordis.toml" -o "$out/communities" --clique-min 10
echo
echo "== clusterlens report (one HTML file to hand over: findings, the network to explore, tables, figures)"
"$bin" report "$example/data" --map "$example/cordis.toml" -o "$out/report.html" \
  --title "Climate projects with an Estonian partner (CORDIS H2020, SC5)"
echo
echo "== clusterlens render (annotated figures with a legend: rings, pipelines by country, firm roles, communities)"
"$bin" render "$out/score/network.graphml" -o "$out/figure.svg" \
  --title "Climate projects with an Estonian partner (CORDIS H2020, SC5)"
"$bin" render "$out/score/network.graphml" -o "$out/figure.png" \
  --title "Climate projects with an Estonian partner (CORDIS H2020, SC5)"
"$bin" render "$out/score/network.graphml" -o "$out/pipelines_by_country.svg" \
  --collapse-external country --title "Estonian climate cluster: pipelines by partner country"
"$bin" render "$out/score/network.graphml" -o "$out/position_map.svg" --position-map \
  --title "Estonian climate cluster: firm roles"
"$bin" render "$out/score/network.graphml" -o "$out/communities.svg" --color-by community \
  --title "Estonian climate cluster: Leiden communities"
"$bin" render "$out/score/network.graphml" -o "$out/community_graph.svg" --community-graph \
  --title "Estonian climate cluster: communities and the ties between them"
"$bin" render "$out/score/network.graphml" -o "$out/figure_17cm.pdf" \
  --width 17cm --font-size 7 --legend bottom --title none   # a journal column, 7 pt text
echo
echo "== clusterlens compare (local buzz versus global pipelines)"
"$bin" compare "$example/data" --map "$example/cordis.toml" -o "$out/compare" --report
echo
echo "== clusterlens compare, two networks (Estonia and Lithuania, same theme: what they share, tie stability)"
"$bin" compare "$baltics/EE" "$baltics/LT" --map "$baltics/cordis.toml" -o "$root/out/ee_vs_lt" \
  --communities leiden --report
echo
echo "== clusterlens compare, many clusters (the same SC5 theme in Estonia, Latvia, Lithuania)"
"$bin" compare "$baltics/EE" "$baltics/LV" "$baltics/LT" --map "$baltics/cordis.toml" \
  -o "$root/out/baltics" --report
echo
echo "Open $out/report.html in a browser (it needs no network; send it as it is);"
echo "each comparison has its own: $out/compare/report.html, out/ee_vs_lt/report.html, out/baltics/report.html."
echo "Outputs are in $out:"
(cd "$out" && find . -type f | sort) | sed 's/^/  /'
echo "the two-cluster comparison in $root/out/ee_vs_lt and the three-cluster one in $root/out/baltics"
echo "Source: CORDIS, European Commission — Horizon 2020 projects dataset, 2020-12-14."
