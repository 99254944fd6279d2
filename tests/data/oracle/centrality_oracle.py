#!/usr/bin/python3
"""Oracle for tests/src/centrality_test.cpp (src/centrality/centrality.hpp).

Independent of clusterlens: every value is computed twice, with NetworkX 2.8 and with
python-igraph 0.10 (Debian python3-networkx, python3-igraph), on the same edge lists; the script
stops if the two peers disagree by more than 1e-9 (relative, absolute below 1) after both are
brought to clusterlens' conventions, which are:

- degree = distinct neighbours (a mutual dyad counts once); in/out-degree = arcs;
  strength = in + out weight;
- betweenness: unnormalised, each unordered pair once (undirected), ordered pairs (directed);
  "_weighted" variants use distance = 1 / weight (NetworkX with exact fractions, so that paths of
  equal length in exact arithmetic tie; igraph with its 1e-10 relative tolerance);
- closeness = harmonic centrality over OUT-paths divided by n - 1. NetworkX's
  harmonic_centrality sums distances TO a node in a digraph, so it is run on G.reverse();
  igraph: harmonic_centrality(mode="out", normalized=True);
- eigenvector: scaled so the maximum is 1 (igraph's scale=True); NetworkX's unit-norm vector is
  divided by its maximum. Directed: in-eigenvector (both peers' default). Isolates get 0;
- pagerank: damping 0.85, weighted, directed; the stored value is igraph's (PRPACK), NetworkX's
  power iteration (tol 1e-13) must agree;
- coreness: k-core over in + out degree (NetworkX core_number, igraph coreness(mode="all"));
- centralization (Freeman 1979): computed here from the NetworkX values with the formulas in
  centrality.hpp; transitivity: global, direction ignored (NaN -> null).

Networks: Padgett's Florentine marriages and Krackhardt's advice network (GraphML in
tests/data/reference), Borgatti's 1997 example (as in NetworkX's test_structuralholes.py,
binary and weighted; its ties are written into the JSON) and the CORDIS example
(examples/cordis_ee_climate/data, ids = pic, parallel rows summed as clusterlens' loader does).

Run: /usr/bin/python3 tests/data/oracle/centrality_oracle.py > tests/data/oracle/centrality_oracle.json
"""
import csv
import json
import math
import os
import sys
from fractions import Fraction

import igraph as ig
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "..", "..")
TOL = 1e-9


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOL * max(1.0, abs(a), abs(b))


def check(name, measure, nxv, igv):
    for k in nxv:
        if not close(nxv[k], igv[k]):
            sys.exit(f"{name} {measure} {k}: NetworkX {nxv[k]} != igraph {igv[k]}")


def to_igraph(g):
    nodes = list(g.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()],
                 directed=g.is_directed())
    h.es["weight"] = [float(d.get("weight", 1.0)) for _, _, d in g.edges(data=True)]
    h.es["dist"] = [1.0 / w for w in h.es["weight"]]
    return h, nodes


def centralization(g, scores):
    """Freeman (1979): sum_i (max - c_i) / theoretical maximum; None when n < 3."""
    n = g.number_of_nodes()
    if n < 3:
        return {"degree": None, "betweenness": None, "closeness": None}
    def spread(vals):
        m = max(vals.values())
        return sum(m - v for v in vals.values())
    d = g.is_directed()
    return {
        # star: centre n-1, leaves 1 (degree = distinct neighbours, also for digraphs)
        "degree": spread(scores["degree"]) / ((n - 1) * (n - 2)),
        # star: centre (n-1)(n-2)/2 unordered pairs, (n-1)(n-2) ordered pairs when directed
        "betweenness": spread(scores["betweenness"]) /
                       ((n - 1) ** 2 * (n - 2) / (1 if d else 2)),
        # harmonic/(n-1): undirected star (n-2)/2; directed out-star n-1
        "closeness": spread(scores["closeness"]) / ((n - 1) if d else (n - 2) / 2),
    }


def measures(name, g):
    n = g.number_of_nodes()
    h, nodes = to_igraph(g)
    d = g.is_directed()
    und = g.to_undirected()
    isolates = set(nx.isolates(g))
    for u, v, data in g.edges(data=True):
        data.setdefault("weight", 1.0)
        # exact rational lengths: ties between paths such as 1/2 + 1/3 + 1/6 and 1/1 stay ties
        # in NetworkX (igraph compares float sums with a relative tolerance of 1e-10)
        data["dist"] = Fraction(1) / Fraction(data["weight"])
    out = {}

    def put(measure, nxv, igl):
        igv = {nodes[i]: x for i, x in enumerate(igl)}
        check(name, measure, nxv, igv)
        out[measure] = {k: nxv[k] for k in nodes}

    hu = h.copy()
    hu.to_undirected(mode="collapse")
    put("degree", dict(und.degree()), hu.degree())
    put("in_degree", dict(g.in_degree()) if d else dict(g.degree()), h.degree(mode="in"))
    put("out_degree", dict(g.out_degree()) if d else dict(g.degree()), h.degree(mode="out"))
    put("strength", dict(g.degree(weight="weight")), h.strength(mode="all", weights="weight"))
    for suffix, w in (("", None), ("_weighted", "dist")):
        put("betweenness" + suffix, nx.betweenness_centrality(g, normalized=False, weight=w),
            h.betweenness(directed=True, weights=w))
        fwd = g.reverse() if d else g
        hc = nx.harmonic_centrality(fwd, distance=w)
        put("closeness" + suffix, {k: float(v) / (n - 1) for k, v in hc.items()},
            h.harmonic_centrality(mode="out", weights=w, normalized=True))
    ev = nx.eigenvector_centrality_numpy(g, weight="weight")
    top = max(ev.values())
    ev = {k: (0.0 if k in isolates else v / top) for k, v in ev.items()}
    iev = h.eigenvector_centrality(directed=True, scale=True, weights="weight")
    iev = [0.0 if nodes[i] in isolates else x for i, x in enumerate(iev)]
    put("eigenvector", ev, iev)
    ipr = h.pagerank(directed=True, damping=0.85, weights="weight", implementation="prpack")
    npr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    check(name, "pagerank", npr, {nodes[i]: x for i, x in enumerate(ipr)})
    out["pagerank"] = {nodes[i]: x for i, x in enumerate(ipr)}
    put("coreness", nx.core_number(g), h.coreness(mode="all"))

    t_nx = nx.transitivity(nx.Graph(und))
    t_ig = hu.transitivity_undirected(mode="nan")
    if math.isnan(t_ig):
        t_ig = None
    if t_ig is None:
        t_nx = None  # NetworkX returns 0 when there is no connected triple
    if not close(t_nx, t_ig):
        sys.exit(f"{name} transitivity: NetworkX {t_nx} != igraph {t_ig}")
    return {
        "directed": d,
        "actors": n,
        "ties": g.number_of_edges(),
        "measures": out,
        "centralization": centralization(g, out),
        "transitivity": t_nx,
    }


def graphml(file):
    return nx.read_graphml(os.path.join(root, "tests", "data", "reference", file))


def borgatti(weighted):
    ties = [("A", "B", 2), ("A", "F", 3), ("A", "G", 5), ("A", "E", 2), ("E", "G", 8),
            ("F", "G", 3), ("B", "G", 4), ("B", "D", 1), ("D", "G", 3), ("G", "C", 10)]
    g = nx.Graph()
    g.add_nodes_from("ABCDEFG")
    for u, v, w in ties:
        g.add_edge(u, v, weight=float(w if weighted else 1))
    return g, [[u, v, float(w if weighted else 1)] for u, v, w in ties]


def cordis():
    data = os.path.join(root, "examples", "cordis_ee_climate", "data")
    g = nx.Graph()
    with open(os.path.join(data, "nodes.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_node(row["pic"])
    with open(os.path.join(data, "edges.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            u, v, w = row["source_pic"], row["target_pic"], float(row["weight"])
            if u == v:
                continue
            if g.has_edge(u, v):
                g[u][v]["weight"] += w
            else:
                g.add_edge(u, v, weight=w)
    return g


def main():
    networks = {}
    flo = graphml("networkdata_flo_marriage.graphml")
    networks["flo_marriage"] = measures("flo_marriage", flo)
    networks["flo_marriage"]["file"] = "reference/networkdata_flo_marriage.graphml"
    networks["flo_marriage"]["names"] = {k: v["name"] for k, v in flo.nodes(data=True)}
    networks["ht_advice"] = measures("ht_advice", graphml("networkdata_ht_advice.graphml"))
    networks["ht_advice"]["file"] = "reference/networkdata_ht_advice.graphml"
    for key, weighted in (("borgatti1997", False), ("borgatti1997_weighted", True)):
        g, ties = borgatti(weighted)
        networks[key] = measures(key, g)
        networks[key]["ties"] = ties
    networks["cordis_ee"] = measures("cordis_ee", cordis())
    networks["cordis_ee"]["example"] = "cordis_ee_climate"
    print(json.dumps({
        "source": "NetworkX " + nx.__version__ + " and python-igraph " + ig.__version__ +
                  " (agreeing to 1e-9; pagerank stored from igraph PRPACK), script "
                  "tests/data/oracle/centrality_oracle.py",
        "networks": networks,
    }, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
