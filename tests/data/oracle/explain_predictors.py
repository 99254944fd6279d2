#!/usr/bin/python3
"""Predictor table for the explain oracle (tests/data/oracle/explain_oracle.R), made without
clusterlens: the four dimensions of learning capacity (domain.md; src/learning/learning_capacity.hpp)
of every actor of examples/cordis_ee_climate/data, computed with Python's csv module and NetworkX
2.8 (Debian python3-networkx), with the CORDIS mapping applied by hand (country EE -> local, else
global), and the outcomes n_projects_in_case and ec_contribution_case_eur (empty: unknown)
copied from nodes.csv.
  closeness          harmonic centrality on binary paths / (n - 1)   (nx.harmonic_centrality)
  ego_size           number of distinct neighbours (ego not counted)
  ext_share          strength to global actors / strength (parallel ties summed; none here)
  mean_tie_strength  strength / degree (mean weight of the actor's ties)
Run: /usr/bin/python3 explain_predictors.py > explain_cordis_ee_predictors.csv
"""
import csv
import os

import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "..", "examples", "cordis_ee_climate", "data")

g = nx.Graph()
outcome = {}
with open(os.path.join(data, "nodes.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        g.add_node(row["pic"], local=row["country"] == "EE")
        outcome[row["pic"]] = (row["n_projects_in_case"], row["ec_contribution_case_eur"])
with open(os.path.join(data, "edges.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        u, v, w = row["source_pic"], row["target_pic"], float(row["weight"])
        if u == v:
            continue
        if g.has_edge(u, v):
            g[u][v]["weight"] += w
        else:
            g.add_edge(u, v, weight=w)

n = g.number_of_nodes()
harmonic = nx.harmonic_centrality(g)
print("id,n_projects_in_case,ec_contribution_case_eur,closeness,ego_size,ext_share,mean_tie_strength")
for v in g.nodes():
    s = sum(d["weight"] for _, _, d in g.edges(v, data=True))
    ext = sum(d["weight"] for _, u, d in g.edges(v, data=True) if not g.nodes[u]["local"])
    k = g.degree(v)
    share = repr(ext / s) if s > 0 else ""
    mean = repr(s / k) if k > 0 else ""
    print(f"{v},{outcome[v][0]},{outcome[v][1]},{harmonic[v] / (n - 1)!r},{k},{share},{mean}")
