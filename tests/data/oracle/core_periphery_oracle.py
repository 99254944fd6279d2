#!/usr/bin/python3
"""Oracle for tests/src/core_periphery_test.cpp (Borgatti & Everett 2000 continuous model).

Independent of clusterlens' coordinate descent: minimises R(c) = Σ_{i≠j} (a_ij − c_i c_j)² with
SciPy's L-BFGS-B (analytic gradient) from a random start, then computes the fit as the Pearson
correlation between a_ij and c_i c_j over all pairs i < j with NumPy on the explicit n×n
matrices, and the concentration Σ (c_i/Σc)². Coreness is scaled to max 1. Networks: Borgatti's
1997 example (as in NetworkX's test_structuralholes.py, binary), Padgett's Florentine marriages
(tests/data/reference), and the CORDIS example. Debian python3-numpy 1.24 / python3-scipy 1.10 /
python3-networkx 2.8. Run: /usr/bin/python3 core_periphery_oracle.py > core_periphery_oracle.json
"""
import csv
import json
import os

import networkx as nx
import numpy as np
from scipy.optimize import minimize

here = os.path.dirname(os.path.abspath(__file__))


def fit(g):
    nodes = sorted(g.nodes())
    idx = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    A = np.zeros((n, n))
    for u, v in g.edges():
        if u != v:
            A[idx[u], idx[v]] = A[idx[v], idx[u]] = 1.0
    off = ~np.eye(n, dtype=bool)

    def f(c):
        P = np.outer(c, c)
        Rm = (A - P) * off
        return float((Rm ** 2).sum()), -4.0 * (Rm @ c)

    rng = np.random.default_rng(7)
    res = minimize(f, rng.uniform(0.1, 1.0, n), jac=True, method="L-BFGS-B",
                   options={"maxiter": 100000, "ftol": 1e-15, "gtol": 1e-12})
    c = np.abs(res.x)
    c = c / c.max()
    iu = np.triu_indices(n, 1)
    r = float(np.corrcoef(A[iu], np.outer(c, c)[iu])[0, 1])
    s = c / c.sum()
    return {"coreness": {nodes[i]: float(c[i]) for i in range(n)}, "fit": r,
            "concentration": float((s ** 2).sum()), "objective": float(res.fun)}


out = {"source": "SciPy L-BFGS-B on the minres objective + NumPy correlation (core_periphery_oracle.py)"}
b = nx.Graph([("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"), ("F", "G"), ("B", "G"),
              ("B", "D"), ("D", "G"), ("G", "C")])
out["borgatti"] = fit(b)
m = nx.read_graphml(os.path.join(here, "..", "reference", "networkdata_flo_marriage.graphml"))
out["flo_marriage"] = fit(nx.Graph(m))
data = os.path.join(here, "..", "..", "..", "examples", "cordis_ee_climate", "data")
c = nx.Graph()
with open(os.path.join(data, "nodes.csv"), newline="") as f:
    for r in csv.DictReader(f):
        c.add_node(r["pic"])
with open(os.path.join(data, "edges.csv"), newline="") as f:
    for r in csv.DictReader(f):
        c.add_edge(r["source_pic"], r["target_pic"])
out["cordis"] = fit(c)
print(json.dumps(out, indent=1, sort_keys=True))
