#!/usr/bin/python3
"""graph-tool's exact betweenness on a CORDIS network folder (org_nodes.csv.gz and
org_coparticipation_edges.csv.gz, or the bundled example's nodes.csv and edges.csv), read as clusterlens reads it (parallel rows summed,
self-loops dropped), timed alone (the call, not the loading), on THREADS OpenMP threads.
With --weighted, tie length is 1/weight, as clusterlens' --weighted-paths. Prints one line:
"seconds N" and, with OURS (clusterlens' actors.csv of the same network), the largest relative
difference between the two betweenness vectors (both count each unordered pair once when
norm=False), relative to the largest value.

Usage: peer_graphtool.py FOLDER [--weighted] [--threads N] [--ours actors.csv]
"""
import argparse
import csv
import gzip
import os
import sys
import time

import numpy as np
import graph_tool as gt
from graph_tool.centrality import betweenness


def opened(folder, gzipped, plain):
    """The folder's gzipped table, or the plain one (the bundled example's)."""
    if os.path.exists(os.path.join(folder, gzipped)):
        return gzip.open(os.path.join(folder, gzipped), "rt", encoding="utf-8")
    return open(os.path.join(folder, plain), encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--weighted", action="store_true")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--ours")
    a = ap.parse_args()
    with opened(a.folder, "org_nodes.csv.gz", "nodes.csv") as f:
        ids = [row["pic"] for row in csv.DictReader(f)]
    index = {v: i for i, v in enumerate(ids)}
    summed = {}
    with opened(a.folder, "org_coparticipation_edges.csv.gz", "edges.csv") as f:
        for row in csv.DictReader(f):
            s, t = index[row["source_pic"]], index[row["target_pic"]]
            if s == t:
                continue
            key = (s, t) if s < t else (t, s)
            summed[key] = summed.get(key, 0.0) + float(row["weight"])
    g = gt.Graph(directed=False)
    g.add_vertex(len(ids))
    ends = np.array(list(summed.keys()), dtype=np.int64)
    g.add_edge_list(ends)
    length = g.new_edge_property("double")
    length.a = 1.0 / np.array(list(summed.values()), dtype=np.float64)
    gt.openmp_set_num_threads(a.threads)
    t0 = time.perf_counter()
    vb, _ = betweenness(g, weight=length if a.weighted else None, norm=False)
    seconds = time.perf_counter() - t0
    out = f"seconds {seconds:.2f}"
    if a.ours:
        with open(a.ours, encoding="utf-8") as f:
            ours = {row["id"]: float(row["betweenness"]) for row in csv.DictReader(f)}
        theirs = vb.a.copy()
        mine = np.array([ours[i] for i in ids])
        scale = max(1.0, float(np.max(np.abs(mine))))
        out += f" max_rel_diff {float(np.max(np.abs(mine - theirs))) / scale:.2e}"
    print(out)


if __name__ == "__main__":
    sys.exit(main())
