#!/usr/bin/python3
"""Oracle for score --lc-weights fitted:COLUMN (tests/src/learning_fitted_test.cpp).

Independent of clusterlens: reads examples/cordis_ee_climate/data/{nodes,edges}.csv with Python's
csv module, computes the four learning-capacity indicators of domain.md with NetworkX 2.8
(harmonic closeness / max, number of alters / max, the share of tie strength to non-Estonian
partners (0 for an isolate), mean tie weight / max), and fits each outcome on them with NumPy's
lstsq (with an intercept) over the organisations that have a value. Standardised coefficients
b_k * sd(x_k) / sd(y); weights a_k = beta_k / sum |beta|.
Run: /usr/bin/python3 lc_fitted_oracle.py > lc_fitted_oracle.json
"""
import csv
import json
import os

import networkx as nx
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "..", "examples", "cordis_ee_climate", "data")

g = nx.Graph()
rows = {}
with open(os.path.join(data, "nodes.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        g.add_node(row["pic"])
        rows[row["pic"]] = row
with open(os.path.join(data, "edges.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        u, v, w = row["source_pic"], row["target_pic"], float(row["weight"])
        if g.has_edge(u, v):
            g[u][v]["weight"] += w
        else:
            g.add_edge(u, v, weight=w)

order = list(rows)
harmonic = nx.harmonic_centrality(g)
alters = {v: g.degree(v) for v in g}
strength = {v: g.degree(v, weight="weight") for v in g}
outside = {v: sum(d["weight"] for _, u, d in g.edges(v, data=True) if rows[u]["country"] != "EE")
           for v in g}
mean_w = {v: strength[v] / alters[v] if alters[v] else 0.0 for v in g}


def by_max(x):
    m = max(x.values())
    return {v: x[v] / m for v in x}


xc, xs, xt = by_max(harmonic), by_max(alters), by_max(mean_w)
xo = {v: outside[v] / strength[v] if strength[v] else 0.0 for v in g}
cases = {}
for outcome in ("ec_contribution_case_eur", "n_coordinated_in_case"):
    used = [v for v in order if rows[v][outcome] != ""]
    y = np.array([float(rows[v][outcome]) for v in used])
    X = np.array([[xc[v], xs[v], xo[v], xt[v]] for v in used])
    A = np.column_stack([np.ones(len(used)), X])
    b, *_ = np.linalg.lstsq(A, y, rcond=None)
    rss = float(np.sum((y - A @ b) ** 2))
    tss = float(np.sum((y - y.mean()) ** 2))
    beta = b[1:] * X.std(axis=0, ddof=1) / y.std(ddof=1)
    weights = beta / np.abs(beta).sum()
    cases[outcome] = {"actors": len(used), "dropped": len(order) - len(used),
                      "coef": b[1:].tolist(), "beta": beta.tolist(), "weights": weights.tolist(),
                      "r2": 1 - rss / tss, "adj_r2": 1 - (rss / tss) * (len(used) - 1) / (len(used) - 5)}
print(json.dumps({"provenance": "tests/data/oracle/lc_fitted_oracle.py: NetworkX " + nx.__version__ +
                  ", NumPy " + np.__version__ + " lstsq on examples/cordis_ee_climate/data",
                  "order": ["centrality", "size", "openness", "tie_strength"], "cases": cases},
                 indent=1))
