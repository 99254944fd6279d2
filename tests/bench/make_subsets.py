#!/usr/bin/env python3
"""Cuts the benchmark graphs of tests/bench/score_cordis.sh from the whole CORDIS H2020
co-participation network: for each threshold T, the organisations with at least T projects
and the ties among them (the dense core of European research collaboration), written in the
network folder's own format so the CORDIS mapping reads them unchanged.

Usage: make_subsets.py NETWORK_DIR OUT_DIR T [T ...]   (writes OUT_DIR/top<T>/)
"""
import csv
import gzip
import os
import sys


def main():
    src, out, thresholds = sys.argv[1], sys.argv[2], [int(t) for t in sys.argv[3:]]
    with gzip.open(src + "/org_nodes.csv.gz", "rt", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        node_fields = reader.fieldnames
        nodes = list(reader)
    with gzip.open(src + "/org_coparticipation_edges.csv.gz", "rt", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        edge_fields = reader.fieldnames
        edges = list(reader)
    for t in thresholds:
        keep = {r["pic"] for r in nodes if int(r["n_projects"]) >= t}
        folder = os.path.join(out, f"top{t}")
        os.makedirs(folder, exist_ok=True)
        with gzip.open(folder + "/org_nodes.csv.gz", "wt", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, node_fields)
            w.writeheader()
            w.writerows(r for r in nodes if r["pic"] in keep)
        m = 0
        with gzip.open(folder + "/org_coparticipation_edges.csv.gz", "wt", encoding="utf-8",
                       newline="") as f:
            w = csv.DictWriter(f, edge_fields)
            w.writeheader()
            for r in edges:
                if r["source_pic"] in keep and r["target_pic"] in keep:
                    w.writerow(r)
                    m += 1
        print(f"top{t}: organisations with >= {t} projects: {len(keep)} actors, {m} tie rows")


if __name__ == "__main__":
    main()
