# The fuzz targets with their dictionaries and seed folders, sourced by run_short.sh and
# run_long.sh after setting root (the repository), corpus (the shared real-world corpus,
# ../shared/corpus; may be absent) and seeds (where make_seeds.py wrote the joined seeds).
# Seeds are read where they lie; libFuzzer reads a folder recursively.
fuzz_targets=(edge_list csv_ties csv_pair matrix dl pajek pajek_clu gml graphml gexf json vna
  workbook mapping gzip)

# The dictionary of a target (tests/fuzz/NAME.dict).
fuzz_dict() {
  case "$1" in
    csv_ties | csv_pair | matrix) echo csv ;;
    pajek_clu) echo pajek ;;
    *) echo "$1" ;;
  esac
}

# The seed folders of a target, those that exist.
fuzz_seed_dirs() {
  local d="$root/tests/data" m="$root/tests/data/malformed" c="$corpus" dirs
  case "$1" in
    edge_list) dirs="$d/edgelist $c/edgelist $m" ;;
    csv_ties) dirs="$d/edgelist $c/csv $m" ;;
    csv_pair) dirs="$seeds/csv_pair" ;;
    matrix) dirs="$c/csv $d/edgelist $m" ;;
    dl) dirs="$d/dl $c/dl $c/ucinet $m" ;;
    pajek) dirs="$d/pajek $c/pajek $c/waves $m" ;;
    pajek_clu) dirs="$seeds/pajek_clu" ;;
    gml) dirs="$d/gml $c/gml $m" ;;
    graphml) dirs="$d/graphml $d/reference $c/graphml $m" ;;
    gexf) dirs="$c/gexf $m" ;;
    json) dirs="$seeds/json" ;;
    vna) dirs="$d/vna $c/vna $m" ;;
    workbook) dirs="$d/workbooks" ;;
    mapping) dirs="$seeds/mapping" ;;
    gzip) dirs="$d/graphml $d/edgelist $d/pajek $m" ;;
  esac
  for x in $dirs; do [ -d "$x" ] && echo "$x"; done
  return 0
}

# What counts as a finding (besides a crash or a sanitizer report): 10 s for one input, 2 GiB
# of memory; inputs of at most 64 KiB (the readers have no input limits of their own yet).
fuzz_flags=(-timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1)
