#!/usr/bin/python3
"""Interoperability check: files clusterlens writes must open in the peers users have.

Converts the bundled Estonian climate cluster (examples/cordis_ee_climate, a CSV pair) with
clusterlens to GraphML, NetworkX node-link JSON and GEXF, and opens them with NetworkX (Debian
python3-networkx: read_graphml, node_link_graph, read_gexf) and the GraphML with python-igraph
(python-igraph has no GEXF reader). The expected counts, total weight and actor types are read
from the input CSV files here with Python's csv module, not from clusterlens.
Usage: check_with_networkx.py CLUSTERLENS REPO_ROOT OUT_DIR
"""
import csv
import json
import os
import subprocess
import sys

import networkx as nx

clusterlens, root, out = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
example = os.path.join(root, "examples", "cordis_ee_climate")
data, mapping = os.path.join(example, "data"), os.path.join(example, "cordis.toml")

# Expected values from the input itself.
with open(os.path.join(data, "nodes.csv"), encoding="utf-8") as f:
    nodes = list(csv.DictReader(f))
with open(os.path.join(data, "edges.csv"), encoding="utf-8") as f:
    edges = list(csv.DictReader(f))
types = {"PRC": "firm", "HES": "university", "REC": "research", "PUB": "government",
         "OTH": "intermediary"}  # the mapping's [actors.type_values]
actors = len(nodes)
pairs = {frozenset((e["source_pic"], e["target_pic"])) for e in edges}
ties = len(pairs)
total = round(sum(float(e["weight"]) for e in edges), 9)
type_of = {n["pic"]: types[n["activity_type"]] for n in nodes}

files = {}
for ext in ["graphml", "json", "gexf"]:
    files[ext] = os.path.join(out, "ee." + ext)
    subprocess.run([clusterlens, "convert", data, "--map", mapping, "-o", files[ext]],
                   check=True, stdout=subprocess.DEVNULL)

failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def check_graph(name, g):
    check(f"{name} actors", g.number_of_nodes(), actors)
    check(f"{name} ties", g.number_of_edges(), ties)
    check(f"{name} total weight", round(g.size(weight="weight"), 9), total)
    got_types = {str(n): d.get("type") for n, d in g.nodes(data=True)}
    check(f"{name} actor types", got_types, type_of)
    check(f"{name} relation", {d.get("relation") for _, _, d in g.edges(data=True)},
          {"coparticipation"})


check_graph("graphml (networkx)", nx.read_graphml(files["graphml"]))
with open(files["json"], encoding="utf-8") as f:
    check_graph("json (networkx)", nx.node_link_graph(json.load(f)))
check_graph("gexf (networkx)", nx.read_gexf(files["gexf"]))

try:
    import igraph
    ig = igraph.Graph.Read_GraphML(files["graphml"])
    check("graphml (python-igraph) actors", ig.vcount(), actors)
    check("graphml (python-igraph) ties", ig.ecount(), ties)
    check("graphml (python-igraph) total weight", round(sum(ig.es["weight"]), 9), total)
except ImportError:
    failures.append("python-igraph is not installed (bash .ci/deps.sh --test)")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"GraphML, JSON and GEXF open in NetworkX {nx.__version__} and GraphML in python-igraph "
      f"{igraph.__version__} with {actors} actors, {ties} ties, total weight {total}")
