#!/usr/bin/env python3
"""The peers' side of tests/bench/score_cordis.sh: the measures of `clusterlens score` that
python-igraph or NetworkX offer, on the same CORDIS-format folder (org_nodes.csv.gz +
org_coparticipation_edges.csv.gz, or the example's nodes.csv + edges.csv), built the way
clusterlens' loader builds it (parallel rows summed, self-loops dropped, undirected). Prints one line per measure with its wall-clock time
and a total. Measures a peer lacks (E-I with a permutation test, Gould-Fernandez brokerage
with sna's null, tie overlap, typology, learning capacity, lock-in, continuous core-periphery)
are listed as such, not imitated: the comparison is of what both do.

Usage: peer_score.py [--limit=SECONDS] igraph|networkx FOLDER
  A measure still running after SECONDS (default 300) is stopped (SIGALRM; python-igraph
checks for it too); the total is then a lower bound and the output says which measures were
stopped.
"""
import csv
import gzip
import os
import signal
import sys
import time


def open_table(folder, names):
    """The first of `names` that exists in folder (gzipped or plain CSV)."""
    for name in names:
        path = os.path.join(folder, name)
        if os.path.exists(path):
            if name.endswith(".gz"):
                return gzip.open(path, "rt", encoding="utf-8")
            return open(path, encoding="utf-8")
    raise SystemExit(f"{folder}: none of {names}")


def load(folder):
    with open_table(folder, ["org_nodes.csv.gz", "nodes.csv"]) as f:
        ids = [row["pic"] for row in csv.DictReader(f)]
    index = {v: i for i, v in enumerate(ids)}
    summed = {}
    with open_table(folder, ["org_coparticipation_edges.csv.gz", "edges.csv"]) as f:
        for row in csv.DictReader(f):
            a, b = index[row["source_pic"]], index[row["target_pic"]]
            if a == b:
                continue
            key = (a, b) if a < b else (b, a)
            summed[key] = summed.get(key, 0.0) + float(row["weight"])
    return ids, summed


LIMIT = 300  # seconds one measure may take; see --limit


class Stopped(Exception):
    pass


def on_alarm(signum, frame):
    raise Stopped()


def timed(name, fn, rows):
    """Runs fn; a measure still running after LIMIT seconds is stopped and counted as LIMIT
    (so totals are lower bounds then, and say so)."""
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(LIMIT)
    start = time.perf_counter()
    try:
        fn()
        signal.alarm(0)
        rows.append((name, time.perf_counter() - start, True))
        print(f"  {name}: {rows[-1][1]:.2f} s", flush=True)
    except Stopped:
        rows.append((name, float(LIMIT), False))
        print(f"  {name}: > {LIMIT} s (stopped)", flush=True)


def run_igraph(ids, ties):
    import igraph as ig

    g = ig.Graph(n=len(ids), edges=list(ties.keys()))
    g.es["weight"] = list(ties.values())
    print(f"python-igraph {ig.__version__}: {g.vcount()} actors, {g.ecount()} ties", flush=True)
    rows = []
    timed("degree + strength", lambda: (g.degree(), g.strength(weights="weight")), rows)
    timed("betweenness (exact)", lambda: g.betweenness(directed=False), rows)
    timed("harmonic closeness", lambda: g.harmonic_centrality(normalized=True), rows)
    timed("eigenvector", lambda: g.eigenvector_centrality(weights="weight"), rows)
    timed("pagerank", lambda: g.pagerank(weights="weight"), rows)
    timed("coreness", lambda: g.coreness(), rows)
    timed("transitivity", lambda: g.transitivity_undirected(), rows)
    timed("Burt constraint", lambda: g.constraint(weights="weight"), rows)
    return rows


def run_networkx(ids, ties):
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(len(ids)))
    g.add_weighted_edges_from((a, b, w) for (a, b), w in ties.items())
    print(f"NetworkX {nx.__version__}: {g.number_of_nodes()} actors, "
          f"{g.number_of_edges()} ties", flush=True)
    rows = []
    timed("degree + strength", lambda: (dict(g.degree()), dict(g.degree(weight="weight"))), rows)
    timed("betweenness (exact)", lambda: nx.betweenness_centrality(g, normalized=False), rows)
    timed("harmonic closeness", lambda: nx.harmonic_centrality(g), rows)
    timed("eigenvector", lambda: nx.eigenvector_centrality_numpy(g, weight="weight"), rows)
    timed("pagerank", lambda: nx.pagerank(g, weight="weight"), rows)
    timed("coreness", lambda: nx.core_number(g), rows)
    timed("transitivity", lambda: nx.transitivity(g), rows)
    timed("Burt constraint", lambda: nx.constraint(g, weight="weight"), rows)
    timed("effective size", lambda: nx.effective_size(g, weight="weight"), rows)
    return rows


def main():
    global LIMIT
    args = sys.argv[1:]
    if args and args[0].startswith("--limit="):
        LIMIT = int(args.pop(0).split("=", 1)[1])
    which, folder = args[0], args[1]
    start = time.perf_counter()
    ids, ties = load(folder)
    print(f"  load: {time.perf_counter() - start:.2f} s", flush=True)
    rows = run_igraph(ids, ties) if which == "igraph" else run_networkx(ids, ties)
    total = sum(t for _, t, _ in rows)
    stopped = [name for name, _, done in rows if not done]
    if stopped:
        print(f"  measures total: >= {total:.2f} s ({', '.join(stopped)} stopped at {LIMIT} s)")
    else:
        print(f"  measures total: {total:.2f} s")
    print("  not offered by the peer: E-I permutation test, Gould-Fernandez brokerage z, tie "
          "overlap and local bridges, typology, learning capacity, lock-in, continuous "
          "core-periphery")


if __name__ == "__main__":
    main()
