#!/usr/bin/python3
"""Oracle for tests/src/burt_test.cpp (Burt's structural holes, src/holes/burt.hpp).

Independent of clusterlens: reads the networks with NetworkX 2.8 (Debian python3-networkx) and
Python's csv module, and computes per actor
  constraint_igraph      python-igraph Graph.constraint(weights=...) (the igraph C engine);
  constraint_networkx    networkx.constraint(G, weight=...)      (null where NetworkX gives NaN);
  effective_size_networkx networkx.effective_size(G, weight=...) (null where NaN; on a binary
                         undirected graph NetworkX uses Borgatti's n - 2t/n);
and, from the "mutual" graph (see below),
  effective_size, efficiency = effective_size / N,
  hierarchy = sum_j r_ij ln r_ij / (N ln N), r_ij = c_ij / (C_i / N), with c_ij from
              networkx.local_constraint (Coleman-Theil; null for N < 2),
  ego_size = N (ego not counted), ego_density = networkx.density of the ego network without ego
             (null for N < 2),
  ego_constraint, ego_effective_size, ego_hierarchy: the ego-network model, computed by building
             each ego network explicitly (networkx.ego_graph(G, i, undirected=True), i.e. i and
             its contacts with all ties among them) and calling networkx.constraint /
             effective_size / local_constraint on it for i.
null stands for NaN (isolates; N < 2 for hierarchy and density).

The mutual graph: Burt's measures see a directed network only through a_ij = z_ij + z_ji over
contacts N(i) = in- or out-neighbours. NetworkX 2.8 returns NaN for directed sinks (it tests
len(G[v]) == 0, successors only), so for a directed network the values not named *_networkx
come from the undirected graph with weight a_ij, on which NetworkX's p_ij = a_ij / sum_k a_ik
and m_jq are the same numbers. For undirected networks the mutual graph is the network itself.

Networks: Padgett's Florentine marriage network (binary, undirected, Pucci is an isolate),
Krackhardt's high-tech managers' advice and reports-to networks (binary, directed; in
reports-to the president reports to no one, a sink where NetworkX gives NaN), and the CORDIS example
examples/cordis_ee_climate/data (weighted by shared projects, undirected; duplicate rows summed).
Actors are keyed by their id (GraphML node id, CORDIS pic).

Run: /usr/bin/python3 burt_oracle.py > burt_oracle.json   (a few minutes: NetworkX is slow)
"""
import csv
import json
import math
import os

import igraph
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "..", "..")


def nan_to_none(x):
    return None if x is None or math.isnan(x) else x


def mutual_graph(g, weight):
    """Undirected graph with weight a_ij = z_ij + z_ji (for an undirected g: g itself)."""
    if not g.is_directed():
        return g
    u = nx.Graph()
    u.add_nodes_from(g)
    for s, t, d in g.edges(data=True):
        w = d.get(weight, 1) if weight else 1
        if u.has_edge(s, t):
            u[s][t]["a"] += w
        else:
            u.add_edge(s, t, a=w)
    return u


def hierarchy(g, i, weight):
    contacts = list(g[i])
    n = len(contacts)
    if n < 2:
        return None
    local = [nx.local_constraint(g, i, j, weight=weight) for j in contacts]
    total = sum(local)
    h = sum((c * n / total) * math.log(c * n / total) for c in local)
    return h / (n * math.log(n))


def igraph_constraint(g, weight):
    ids = list(g.nodes())
    index = {v: k for k, v in enumerate(ids)}
    edges = [(index[s], index[t]) for s, t in g.edges()]
    ig = igraph.Graph(n=len(ids), edges=edges, directed=g.is_directed())
    weights = [d.get(weight, 1) for _, _, d in g.edges(data=True)] if weight else None
    return dict(zip(ids, ig.constraint(weights=weights)))


def analyse(g, weight):
    mw = "a" if g.is_directed() else weight
    mg = mutual_graph(g, weight)
    c_ig = igraph_constraint(g, weight)
    c_nx = nx.constraint(g, weight=weight)
    es_nx = nx.effective_size(g, weight=weight)
    es_mutual = nx.effective_size(mg, weight=mw) if g.is_directed() else es_nx
    actors = {}
    for i in g.nodes():
        n = mg.degree(i)
        row = {
            "constraint_igraph": nan_to_none(c_ig[i]),
            "constraint_networkx": nan_to_none(c_nx[i]),
            "effective_size_networkx": nan_to_none(es_nx[i]),
            "effective_size": nan_to_none(es_mutual[i]),
            "efficiency": None if n == 0 else es_mutual[i] / n,
            "hierarchy": hierarchy(mg, i, mw),
            "ego_size": n,
            "ego_density": None,
            "ego_constraint": None,
            "ego_effective_size": None,
            "ego_hierarchy": None,
        }
        if n >= 2:
            row["ego_density"] = nx.density(nx.ego_graph(g, i, undirected=True, center=False))
        if n >= 1:
            ego = nx.ego_graph(mg, i)
            row["ego_constraint"] = nx.constraint(ego, nodes=[i], weight=mw)[i]
            row["ego_effective_size"] = nx.effective_size(ego, nodes=[i], weight=mw)[i]
            row["ego_hierarchy"] = hierarchy(ego, i, mw)
        actors[i] = row
    return {
        "directed": g.is_directed(),
        "weighted": weight is not None,
        "actors": actors,
    }


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
    ref = os.path.join(here, "..", "reference")
    out = {
        "source": "NetworkX " + nx.__version__ + " (constraint, effective_size, local_constraint, "
        "ego_graph, density) and python-igraph " + igraph.__version__ + " (constraint); "
        "script tests/data/oracle/burt_oracle.py",
        "networks": {
            "flo_marriage": analyse(
                nx.read_graphml(os.path.join(ref, "networkdata_flo_marriage.graphml")), None),
            "ht_advice": analyse(
                nx.read_graphml(os.path.join(ref, "networkdata_ht_advice.graphml")), None),
            "ht_reports": analyse(
                nx.read_graphml(os.path.join(ref, "networkdata_ht_reports.graphml")), None),
            "cordis_ee_climate": analyse(cordis(), "weight"),
        },
    }
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
