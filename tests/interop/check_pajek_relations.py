#!/usr/bin/python3
"""Why clusterlens writes one Pajek .net per relation (README "Output"), checked with the peers.

Converts Padgett's Florentine families (shared corpus ucinet/PADGETT.DAT: marriage PADGM 20 ties,
business PADGB 15, 16 families; published counts, MANIFEST.md) to OUT/p.net and reads the files
with NetworkX (nx.read_pajek) and python-igraph (Graph.Read_Pajek):
- each OUT/p.<relation>.net opens in both with 16 actors, the family names and the relation's ties;
- OUT/p.net, Pajek's form with one "*Edges :k \"name\"" block per relation, does not: igraph
  refuses the ":k" header and NetworkX reads the second header as a tie between two new nodes.
  If a peer starts reading that form, this check fails and the choice should be revisited.
Usage: check_pajek_relations.py CLUSTERLENS CORPUS_DIR OUT_DIR   (exit 77: corpus missing)
"""
import os
import subprocess
import sys

import networkx as nx

clusterlens, corpus, out = sys.argv[1], sys.argv[2], sys.argv[3]
src = os.path.join(corpus, "ucinet", "PADGETT.DAT")
if not os.path.exists(src):
    print(f"corpus file missing: {src}: skipped")
    sys.exit(77)
os.makedirs(out, exist_ok=True)
net = os.path.join(out, "p.net")
subprocess.run([clusterlens, "convert", src, "-o", net], check=True, stdout=subprocess.DEVNULL)
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


for relation, ties in (("PADGM", 20), ("PADGB", 15)):
    path = os.path.join(out, f"p.{relation}.net")
    g = nx.read_pajek(path)
    check(f"NetworkX {relation} actors", g.number_of_nodes(), 16)
    check(f"NetworkX {relation} ties", nx.Graph(g).number_of_edges(), ties)
    check(f"NetworkX {relation} names", "MEDICI" in g and "STROZZI" in g, True)
    try:
        import igraph
    except ImportError:
        print("python-igraph not installed: skipped")
        continue
    h = igraph.Graph.Read_Pajek(path)
    check(f"igraph {relation} actors", h.vcount(), 16)
    check(f"igraph {relation} ties", h.ecount(), ties)
    check(f"igraph {relation} names", "MEDICI" in h.vs["name"], True)

# The form with both relations in one file.
g = nx.read_pajek(net)
check("NetworkX reads p.net with nodes that are not families", g.number_of_nodes() > 16, True)
try:
    import igraph

    try:
        igraph.Graph.Read_Pajek(net)
        failures.append("igraph now reads several relations in one .net: revisit the choice")
    except Exception:  # igraph: "Parse error in Pajek file"
        pass
except ImportError:
    pass

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"ok: p.PADGM.net and p.PADGB.net open in NetworkX {nx.__version__} and python-igraph "
      "with 16 families and 20 / 15 ties; p.net (two relations) does not, as expected")
