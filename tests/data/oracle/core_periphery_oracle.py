#!/usr/bin/python3
"""Oracle for tests/src/core_periphery_test.cpp (Borgatti & Everett 2000 core/periphery models).

Independent of clusterlens' coordinate descent: minimises R(c) = Σ_{i≠j} (a_ij − c_i c_j)² with
SciPy's L-BFGS-B (analytic gradient) from a random start, then computes the fit as the Pearson
correlation between a_ij and c_i c_j over all pairs i < j with NumPy on the explicit n×n
matrices, and the concentration Σ (c_i/Σc)². Coreness is scaled to max 1. Networks: Borgatti's
1997 example (as in NetworkX's test_structuralholes.py, binary), Padgett's Florentine marriages
(tests/data/reference), and the CORDIS example. Debian python3-numpy 1.24 / python3-scipy 1.10 /
python3-networkx 2.8. 
"correlation" (the paper's continuous objective, not the same as minres): maximises the Pearson
correlation between a_ij and c_i c_j over pairs i < j with L-BFGS-B (c >= 0, numerical
gradient) from 20 random starts, the best kept. "discrete": exhaustive search over all 2^n − 2
core/periphery partitions (NumPy, vectorised), the best Pearson correlation between a_ij and the
ideal pattern δ_ij (1 core–core, 0 periphery–periphery; core–periphery pairs excluded, or 1),
pairs i < j. Networks for these: the three above, NetworkX's florentine_families_graph (Padgett,
15 families, no Pucci) and karate_club_graph (Zachary; correlation only: 2^34 partitions is too
many to enumerate) and three seeded G(n, p) graphs; their edge lists are in the JSON.
Run: /usr/bin/python3 core_periphery_oracle.py (writes core_periphery_oracle.json beside it:
SciPy's L-BFGS-B prints Fortran notes to stdout, so stdout is not the JSON). About 4 minutes.
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


def adjacency(g):
    nodes = sorted(g.nodes())
    idx = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((len(nodes), len(nodes)))
    for u, v in g.edges():
        if u != v:
            A[idx[u], idx[v]] = A[idx[v], idx[u]] = 1.0
    return nodes, A


def correlation_fit(g):
    nodes, A = adjacency(g)
    n = len(nodes)
    iu = np.triu_indices(n, 1)
    a = A[iu]

    def neg(c):
        p = np.outer(c, c)[iu]
        return 0.0 if p.std() == 0 else -float(np.corrcoef(a, p)[0, 1])

    best = None
    for seed in range(20):
        x0 = np.random.default_rng(seed).uniform(0.1, 1.0, n)
        r = minimize(neg, x0, method="L-BFGS-B", bounds=[(0, None)] * n,
                     options={"maxiter": 100000, "ftol": 1e-15, "gtol": 1e-10})
        if best is None or r.fun < best.fun:
            best = r
    return -float(best.fun)


def discrete_fit(g, blocks):
    nodes, A = adjacency(g)
    n = len(nodes)
    iu = np.triu_indices(n, 1)
    tied = A[iu] > 0
    masks = np.arange(1, 2 ** n - 1, dtype=np.int64)
    M = ((masks[:, None] >> np.arange(n)) & 1).astype(bool)
    ci, cj = M[:, iu[0]], M[:, iu[1]]
    if blocks == "excluded":
        use = ~(ci ^ cj)
        pat = ci & cj
    else:
        use = np.ones_like(ci)
        pat = ci | cj
    N = use.sum(1).astype(float)
    T = (use & tied).sum(1).astype(float)
    K = (use & pat).sum(1).astype(float)
    X = (use & pat & tied).sum(1).astype(float)
    den = T * (N - T) * K * (N - K)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(den > 0, (N * X - T * K) / np.sqrt(np.where(den > 0, den, 1)), -2.0)
    b = int(np.argmax(r))
    return {"fit": float(r[b]), "core_size": int(M[b].sum()),
            "core": sorted(str(nodes[i]) for i in range(n) if M[b, i])}


def edge_list(g):
    return [[str(u), str(v)] for u, v in g.edges() if u != v]


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
extra = {"borgatti": b, "flo_marriage": nx.Graph(m),
         "flo_families": nx.florentine_families_graph(), "karate": nx.karate_club_graph()}
for i, (nn, p) in enumerate([(10, 0.3), (12, 0.25), (14, 0.2)]):
    extra["gnp%d" % i] = nx.gnp_random_graph(nn, p, seed=11 + i)
for name, g in extra.items():
    e = out.setdefault(name, {})
    if name in ("flo_families", "karate") or name.startswith("gnp"):
        e["edges"] = edge_list(g)
        e["minres_fit"] = fit(g)["fit"]
    e["correlation_fit"] = correlation_fit(g)
    if g.number_of_nodes() <= 16:
        e["discrete_excluded"] = discrete_fit(g, "excluded")
        e["discrete_ones"] = discrete_fit(g, "ones")
out["source"] += "; correlation: L-BFGS-B, 20 starts; discrete: exhaustive search"
with open(os.path.join(here, "core_periphery_oracle.json"), "w") as f:
    f.write(json.dumps(out, indent=1, sort_keys=True) + "\n")
