#!/usr/bin/python3
"""Oracle for the per-component eigenvector centrality (tests/src/eigenvector_components_test.cpp).

Independent of clusterlens and of igraph: the weighted adjacency matrix A (parallel ties summed,
self-loops dropped, as clusterlens' loader does) is split into connected components with
NetworkX 2.8; each component's leading eigenpair comes from NumPy 1.24's dense symmetric solver
(numpy.linalg.eigh, LAPACK), x_c = |v| / max |v|. The convention checked: x_i = x_c(i) for the
components whose λ_c equals the largest λ (relative 1e-9), 0 elsewhere. Networks: the bundled
Estonian CORDIS example (examples/cordis_ee_climate: one component), its local network (the 8
Estonian actors and the ties among them: 4 components, one with ties), the Latvian SC5 case
(examples/cordis_sc5_baltics/LV: 3 components of 172, 21 and 10 actors) and three isolated
pairs.
Run: /usr/bin/python3 eigenvector_oracle.py > eigenvector_oracle.json
"""
import csv
import json
import os

import networkx as nx
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))


def dominant(g):
    out, lambdas = {v: 0.0 for v in g.nodes()}, []
    parts = []
    for comp in nx.connected_components(g):
        nodes = sorted(comp)
        if len(nodes) < 2:
            continue
        A = nx.to_numpy_array(g, nodelist=nodes, weight="weight")
        w, V = np.linalg.eigh(A)
        v = np.abs(V[:, -1])
        parts.append((float(w[-1]), nodes, v / v.max()))
        lambdas.append({"size": len(nodes), "lambda": float(w[-1])})
    top = max(p[0] for p in parts)
    for lam, nodes, x in parts:
        if lam >= top * (1 - 1e-9):
            for v, xv in zip(nodes, x):
                out[v] = float(xv)
    return {"eigenvector": out,
            "components": sorted(lambdas, key=lambda c: (-c["lambda"], -c["size"]))}


res = {"source": "NetworkX 2.8 components + NumPy 1.24 eigh per component (eigenvector_oracle.py)"}


def load(folder, local=None):
    g = nx.Graph()
    with open(os.path.join(folder, "nodes.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if local is None or r[local[0]] == local[1]:
                g.add_node(r["pic"])
    with open(os.path.join(folder, "edges.csv"), newline="") as f:
        for r in csv.DictReader(f):
            s, t, w = r["source_pic"], r["target_pic"], float(r["weight"])
            if s == t or s not in g or t not in g:
                continue
            if g.has_edge(s, t):
                g[s][t]["weight"] += w
            else:
                g.add_edge(s, t, weight=w)
    return g


examples = os.path.join(here, "..", "..", "..", "examples")
ee = os.path.join(examples, "cordis_ee_climate", "data")
res["cordis"] = dominant(load(ee))
res["cordis_local"] = dominant(load(ee, ("local", "1")))
res["baltics_lv"] = dominant(load(os.path.join(examples, "cordis_sc5_baltics", "LV")))
pairs = nx.Graph([("a", "b"), ("c", "d"), ("e", "f")])
nx.set_edge_attributes(pairs, 1.0, "weight")
res["three_pairs"] = dominant(pairs)
print(json.dumps(res, indent=1, sort_keys=True))
