#!/usr/bin/python3
"""Oracle for the CORDIS example (tests/src/composition_test.cpp, tests/graphs/load_test.cpp).

Independent of clusterlens: reads examples/cordis_ee_climate/data/{nodes,edges}.csv with Python's
csv module and NetworkX 2.8 (Debian python3-networkx), applies the CORDIS mapping by hand
(PRC->firm, HES->university, REC->research, PUB->government, OTH->intermediary; country EE ->
local, else global; part: global -> external, local firm -> core, other local -> assisting) and
prints the expected numbers as JSON. Run: /usr/bin/python3 cordis_ee_oracle.py > cordis_ee_oracle.json
"""
import csv
import json
import os
import sys

import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "..", "examples", "cordis_ee_climate", "data")
types = {"PRC": "firm", "HES": "university", "REC": "research", "PUB": "government", "OTH": "intermediary"}

g = nx.Graph()
with open(os.path.join(data, "nodes.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        t = types[row["activity_type"]]
        loc = "local" if row["country"] == "EE" else "global"
        part = "external" if loc == "global" else ("core" if t == "firm" else "assisting")
        g.add_node(row["pic"], type=t, locality=loc, part=part)
with open(os.path.join(data, "edges.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        u, v, w = row["source_pic"], row["target_pic"], float(row["weight"])
        if g.has_edge(u, v):
            g[u][v]["weight"] += w
        else:
            g.add_edge(u, v, weight=w)

def count(attr):
    out = {}
    for _, d in g.nodes(data=True):
        out[d[attr]] = out.get(d[attr], 0) + 1
    return dict(sorted(out.items()))

comps = list(nx.connected_components(g))
strength = dict(g.degree(weight="weight"))
top = sorted(strength.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(json.dumps({
    "source": "NetworkX " + nx.__version__ + " on examples/cordis_ee_climate/data (script: cordis_ee_oracle.py)",
    "actors": g.number_of_nodes(),
    "ties": g.number_of_edges(),
    "by_type": count("type"),
    "by_locality": count("locality"),
    "by_part": count("part"),
    "density": nx.density(g),
    "components": len(comps),
    "largest_component": max(len(c) for c in comps),
    "isolates": nx.number_of_isolates(g),
    "total_weight": g.size(weight="weight"),
    "top_strength": [[k, v] for k, v in top],
}, indent=2))
