#!/usr/bin/python3
"""Interoperability check: files clusterlens writes must open in the peers users have.

Reads clusterlens' GraphML (as Gephi users would hand it to NetworkX/igraph) and NetworkX
node-link JSON with NetworkX (Debian python3-networkx), and the GraphML with python-igraph when it
is installed, and compares actor/tie counts, total weight and a model attribute with the values
given on the command line. A GEXF file, when given, is read with NetworkX's read_gexf (as Gephi
users hand it on) and checked the same way, with the relation of every edge; python-igraph has
no GEXF reader, so GEXF is not read with it.
Usage: check_with_networkx.py GRAPHML JSON ACTORS TIES TOTAL_WEIGHT [GEXF]
"""
import json
import sys

import networkx as nx

graphml, jsonfile, actors, ties, total = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
gexf = sys.argv[6] if len(sys.argv) > 6 else None
failures = []

def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")

g = nx.read_graphml(graphml)
check("graphml actors", g.number_of_nodes(), actors)
check("graphml ties", g.number_of_edges(), ties)
check("graphml total weight", round(g.size(weight="weight"), 9), total)
parts = {d.get("part") for _, d in g.nodes(data=True)}
check("graphml parts present", parts <= {"core", "assisting", "external", None}, True)

with open(jsonfile, encoding="utf-8") as f:
    h = nx.node_link_graph(json.load(f))
check("json actors", h.number_of_nodes(), actors)
check("json ties", h.number_of_edges(), ties)
check("json total weight", round(h.size(weight="weight"), 9), total)

if gexf:
    x = nx.read_gexf(gexf)
    check("gexf actors", x.number_of_nodes(), actors)
    check("gexf ties", x.number_of_edges(), ties)
    check("gexf total weight", round(x.size(weight="weight"), 9), total)
    gexf_parts = {d.get("part") for _, d in x.nodes(data=True)}
    check("gexf parts present", gexf_parts <= {"core", "assisting", "external", None} and len(gexf_parts - {None}) > 0, True)
    check("gexf every edge has a relation", all("relation" in d for _, _, d in x.edges(data=True)), True)

try:
    import igraph
    ig = igraph.Graph.Read_GraphML(graphml)
    check("python-igraph actors", ig.vcount(), actors)
    check("python-igraph ties", ig.ecount(), ties)
except ImportError:
    print("python-igraph not installed: skipped")

if failures:
    print("\n".join(failures))
    sys.exit(1)
formats = "GraphML, JSON and GEXF" if gexf else "GraphML and JSON"
print(f"1 passed, 0 failed: {formats} open in NetworkX {nx.__version__} with {actors} actors and {ties} ties")
