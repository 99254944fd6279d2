#!/usr/bin/python3
"""Oracle for tests/src/ties_roles_test.cpp: tie strength, learning dimensions, typology, lock-in.

Independent of clusterlens: NetworkX 2.8.8 (Debian python3-networkx) for neighbourhoods and
local bridges (networkx.local_bridges), and a from-the-definition Python re-implementation of
the typology and lock-in rules documented in src/roles/typology.hpp and src/learning/lock_in.hpp
(written from the docs, not from the C++ code). Networks: Borgatti's 1997 example (as in
NetworkX's test_structuralholes.py) and the CORDIS example (examples/cordis_ee_climate,
mapping as in cordis.toml). Run: /usr/bin/python3 ties_roles_oracle.py > ties_roles_oracle.json
"""
import csv
import json
import os
import statistics

import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))


def onnela(g, u, v):
    n = len(set(g[u]) & set(g[v]))
    den = (g.degree(u) - 1) + (g.degree(v) - 1) - n
    return n / den if den > 0 else None


def tie_part(g, edges):
    bridges = {frozenset((u, v)) for u, v, _ in nx.local_bridges(g)}
    ws = [d["weight"] for _, _, d in g.edges(data=True)]
    med = statistics.median(ws)
    out = {}
    for u, v in edges:
        out[f"{u}|{v}"] = {
            "overlap": onnela(g, u, v),
            "local_bridge": frozenset((u, v)) in bridges,
            "strong": g[u][v]["weight"] > med,
        }
    ov = [x["overlap"] for x in out.values() if x["overlap"] is not None]
    return out, {
        "median_weight": med,
        "mean_weight": sum(ws) / len(ws),
        "strong_share": sum(1 for w in ws if w > med) / len(ws),
        "mean_overlap": sum(ov) / len(ov),
        "local_bridges": len(bridges),
    }


# Borgatti 1997, weighted (the weights of tests/src/burt_test.cpp)
borgatti = [("A", "B", 2), ("A", "F", 3), ("A", "G", 5), ("A", "E", 2), ("E", "G", 8),
            ("F", "G", 3), ("B", "G", 4), ("B", "D", 1), ("D", "G", 3), ("G", "C", 10)]
g = nx.Graph()
g.add_weighted_edges_from(borgatti)
b_ties, b_net = tie_part(g, [(u, v) for u, v, _ in borgatti])

# CORDIS example
data = os.path.join(here, "..", "..", "..", "examples", "cordis_ee_climate", "data")
types = {"PRC": "firm", "HES": "university", "REC": "research", "PUB": "government", "OTH": "intermediary"}
c = nx.Graph()
loc = {}
typ = {}
with open(os.path.join(data, "nodes.csv"), newline="") as f:
    for r in csv.DictReader(f):
        c.add_node(r["pic"])
        loc[r["pic"]] = "local" if r["country"] == "EE" else "global"
        typ[r["pic"]] = types[r["activity_type"]]
edges = []
with open(os.path.join(data, "edges.csv"), newline="") as f:
    for r in csv.DictReader(f):
        c.add_edge(r["source_pic"], r["target_pic"], weight=float(r["weight"]))
        edges.append((r["source_pic"], r["target_pic"]))
c_ties, c_net = tie_part(c, edges)

# linkage and learning dimensions (no stage data: firm-firm ties are "firm_firm")
firmlike = {"firm", "customer", "supplier", "subcontractor"}
institute = {"university", "research", "government", "intermediary", "consultant"}
link, dims = {}, {}
for u, v in edges:
    lu, lv = loc[u] == "local", loc[v] == "local"
    k = "buzz" if lu and lv else ("pipeline" if lu or lv else "extra_local")
    link[k] = link.get(k, 0) + 1
    if lu != lv:
        d = "pipeline"
    elif lu and lv:
        fu, fv = typ[u] in firmlike, typ[v] in firmlike
        d = "firm_firm" if fu and fv else ("multi_angle" if (fu and typ[v] in institute) or (fv and typ[u] in institute) else "other")
    else:
        d = "other"
    dims[d] = dims.get(d, 0) + 1

# typology: firms = local firm-like actors (part core); undirected, so no Morrison condition
firms = [n for n in c if loc[n] == "local" and typ[n] in firmlike]
xint = {n: sum(1 for m in c[n] if loc[m] == "local") for n in firms}
xext = {n: sum(c[n][m]["weight"] for m in c[n] if loc[m] == "global") for n in firms}
ti = sum(xint.values()) / len(firms) if firms else None
te = sum(xext.values()) / len(firms) if firms else None
typology = {}
for n in firms:
    hi, he = xint[n] > 0 and xint[n] >= ti, xext[n] > 0 and xext[n] >= te
    typology[n] = {"internal": xint[n], "external": xext[n],
                   "role": "technological_gatekeeper" if hi and he else "mutual_exchanger" if hi else "external_star" if he else "isolated"}

# lock-in indicators
local = [n for n in c if loc[n] == "local"]
E = sum(1 for u, v in edges if (loc[u] == "local") != (loc[v] == "local"))
I = sum(1 for u, v in edges if loc[u] == "local" and loc[v] == "local")
held = {n: sum(1 for m in c[n] if loc[m] == "global") for n in local}
L = len(local)
lock = {
    "local_ei": (E - I) / (E + I),
    "pipelines_per_local_actor": E / L,
    "pipeline_concentration": sum((h / E) ** 2 for h in held.values()),
    "local_density": I / (L * (L - 1) / 2),
}
fired = (lock["local_ei"] <= -0.5) + (lock["pipelines_per_local_actor"] < 1) + (lock["pipeline_concentration"] >= 0.5) + (lock["local_density"] >= 0.5)

print(json.dumps({
    "source": "NetworkX " + nx.__version__ + " + definitions re-implemented in ties_roles_oracle.py",
    "borgatti": {"ties": b_ties, "network": b_net},
    "cordis": {"ties": c_ties, "network": c_net, "linkage": link, "learning_dimension": dims,
               "typology": typology, "typology_thresholds": [ti, te],
               "lock_in": lock, "lock_in_fired": int(fired)},
}, indent=1, sort_keys=True))
