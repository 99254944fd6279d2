#!/usr/bin/python3
"""Expected actor and tie counts of the shared corpus (../shared/corpus), from peers.

Every count here comes from a reader that is not clusterlens: NetworkX 2.8 and python-igraph 0.10
(Debian python3-networkx, python3-igraph) where they read the format, else a few lines of
Python over the file's own text (the DL matrices, CSV tables, VNA sections, edge lists). The
counts are then put under clusterlens' stated input policies, the same for every format
(README "Input policies"): self-loops dropped; parallel ties of one relation summed into one;
a relation whose ties all have their reverse with the same weight is undirected (DL, VNA),
and 0 in a matrix is no tie.

Output (tests/interop/corpus_counts.txt, committed, read by
tests/graphs/corpus_conformance_test.cpp's comments): one line per file,
`file | actors | ties per relation | peer`.
Usage: /usr/bin/python3 tests/interop/corpus_counts.py [CORPUS_DIR]
"""
import csv
import io
import os
import re
import sys
from collections import Counter

import igraph
import networkx as nx

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "corpus")
rows = []


def simple_count(edges, directed):
    """Distinct ties without loops: (a, b) ordered when directed, unordered otherwise."""
    seen = set()
    for a, b in edges:
        if a == b:
            continue
        seen.add((a, b) if directed else frozenset((a, b)))
    return len(seen)


def report(name, actors, relations, peer):
    rel = ", ".join(f"{k or '(unnamed)'} {v}" for k, v in sorted(relations.items()))
    rows.append(f"{name} | {actors} | {rel} | {peer}")


def p(rel):
    return os.path.join(root, rel)


# ---- NetworkX readers ---------------------------------------------------------------------
for rel in ["pajek/dolphins.net", "pajek/USAir97.net", "pajek/ADVICE.NET", "pajek/StudentGov.net",
            "waves/padgM.net", "waves/padgM_reordered.net"]:
    g = nx.read_pajek(p(rel))  # a MultiDiGraph or MultiGraph
    report(rel, g.number_of_nodes(), {"": simple_count(g.edges(), g.is_directed())},
           f"networkx {nx.__version__} read_pajek, loops dropped, parallel ties merged")

for rel in ["gexf/lesmis.gexf", "gexf/data.gexf"]:
    text = open(p(rel), "rb").read()
    note = ""
    if b"gexf.net/1.3" in text:
        # NetworkX 2.8 knows GEXF 1.1 and 1.2draft only; read 1.3 under the 1.2draft namespace
        # (the elements this file uses are the same in both).
        text = re.sub(rb"https?://(www\.)?gexf\.net/1\.3(/viz)?",
                      lambda m: b"http://www.gexf.net/1.2draft" + (m.group(2) or b""), text)
        note = " (1.3 namespace read as 1.2draft)"
    g = nx.read_gexf(io.BytesIO(text))
    report(rel, g.number_of_nodes(), {"": simple_count(g.edges(), g.is_directed())},
           f"networkx {nx.__version__} read_gexf{note}, loops dropped")

g = nx.read_gml(p("gml/label.gml"), label="id")
report("gml/label.gml", g.number_of_nodes(), {"": simple_count(g.edges(), g.is_directed())},
       f"networkx {nx.__version__} read_gml")

for rel in ["graphml/ig_written.graphml", "graphml/yfiles.graphml"]:
    g = igraph.Graph.Read_GraphML(p(rel))
    report(rel, g.vcount(), {"": simple_count([e.tuple for e in g.es], g.is_directed())},
           f"python-igraph {igraph.__version__} Read_GraphML")

for rel in ["dl/edgelist3.dl", "dl/fullmatrix4.dl"]:
    g = igraph.Graph.Read_DL(p(rel), directed=True)
    arcs = [e.tuple for e in g.es]
    # Symmetric (every arc has its reverse) reads as undirected under clusterlens' DL rule.
    symmetric = all((b, a) in set(arcs) for a, b in arcs)
    report(rel, g.vcount(), {"": simple_count(arcs, not symmetric)},
           f"python-igraph {igraph.__version__} Read_DL" + (", symmetric: undirected" if symmetric else ""))


# ---- DL matrices by hand (igraph refuses valued and multi-matrix UCINET files) -----------------
def dl_matrices(path):
    text = open(path, encoding="latin-1").read()
    n = int(re.search(r"n\s*=\s*(\d+)", text, re.I).group(1))
    nm_m = re.search(r"nm\s*=\s*(\d+)", text, re.I)
    nm = int(nm_m.group(1)) if nm_m else 1
    labels_m = re.search(r"(?:matrix|level) labels:\s*(.*?)\s*(?:row labels|col labels|labels|data):",
                         text, re.I | re.S)
    names = re.split(r"[\s,]+", labels_m.group(1).strip()) if labels_m else [str(i) for i in range(nm)]
    data = text[re.search(r"data:", text, re.I).end():]
    values = [float(v) for v in data.split()]
    assert len(values) == nm * n * n, (path, len(values), nm, n)
    out = {}
    for k in range(nm):
        block = values[k * n * n:(k + 1) * n * n]
        arcs = {(i, j): block[i * n + j] for i in range(n) for j in range(n) if i != j and block[i * n + j] != 0}
        symmetric = all(arcs.get((j, i)) == w for (i, j), w in arcs.items())
        out[names[k]] = len(arcs) // 2 if symmetric else len(arcs)
    return n, out


for rel in ["ucinet/PADGETT.DAT", "ucinet/KRACKAD.DAT", "ucinet/SAMPSON.DAT"]:
    n, out = dl_matrices(p(rel))
    report(rel, n, out, "own parse of the DL text: non-zero off-diagonal cells per matrix, halved when symmetric")


# ---- text formats by hand -----------------------------------------------------------------
def vna_two_relations(path):
    lines = [l.split() for l in open(path, encoding="utf-8") if l.strip()]
    start = next(i for i, l in enumerate(lines) if l[0].lower() == "*tie")
    header = lines[start + 1]
    ends = set()
    per = Counter()
    for row in lines[start + 2:]:
        if row[0].startswith("*"):
            break
        ends.update(row[:2])
        for name, v in zip(header[2:], row[2:]):
            if float(v) != 0:
                per[name] += 1
    node_start = [i for i, l in enumerate(lines) if l[0].lower() == "*node"]
    return ends, per


# emptyattribute.vna: *node data lists the actors; *tie data rows "from to [strength]".
lines = [l.split() for l in open(p("vna/emptyattribute.vna"), encoding="utf-8") if l.strip()]
sections = [i for i, l in enumerate(lines) if l[0].startswith("*")]
def section(word):
    i = next(i for i in sections if lines[i][0].lower() == "*" + word)
    end = next((k for k in sections if k > i), len(lines))
    return lines[i + 2:end]
ties = [tuple(r[:2]) for r in section("tie")]
report("vna/emptyattribute.vna", len({r[0] for r in section("node")}), {"": simple_count(ties, True)},
       "own parse of the *node data and *tie data sections")

# Stranke94: a signed *Matrix; positive and negative cells counted apart (--negative split).
text = open(p("pajek/Stranke94.net"), encoding="latin-1").read()
cells = [float(v) for v in text[text.lower().index("*matrix") + 7:].split()]
n = 10
pos = sum(1 for i in range(n) for j in range(n) if i != j and cells[i * n + j] > 0)
neg = sum(1 for i in range(n) for j in range(n) if i != j and cells[i * n + j] < 0)
report("pajek/Stranke94.net (--negative split)", n, {"": pos, "negative": neg},
       "own parse of the *Matrix rows: positive and negative off-diagonal cells")

# dl/ucinet_as.txt and dl/nodelist_noeq.dl: read by hand (igraph refuses both headers).
report("dl/ucinet_as.txt", 3, {"": 2}, "by hand: edgelist1, labels embedded, A-B 1.0, B-C 2.0")

ends, per = vna_two_relations(p("vna/netdraw_two_relations_ws.vna"))
report("vna/netdraw_two_relations_ws.vna", len(ends), dict(per),
       "own parse: every *tie data column after from, to is a relation, 0 = no tie (NetDraw)")

with open(p("edgelist/decimal_comma.txt"), encoding="utf-8") as f:
    ties = [l.rsplit(None, 1)[0].split() for l in f if l.strip() and not l.startswith(("#", "%"))]
report("edgelist/decimal_comma.txt", len({x for t in ties for x in t}), {"": len(ties)},
       "own parse: two ids and a weight per line")


def csv_rows(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    first = text.splitlines()[0]
    delim = ";" if first.count(";") > first.count(",") else ","
    return list(csv.reader(text.splitlines(), delimiter=delim))


for folder, nodes, edges in [("csv/excel_decimal_comma", "nodes.csv", "edges.csv"),
                             ("csv/excel_trailing_columns", "n2.csv", "e2.csv")]:
    n = [r for r in csv_rows(p(f"{folder}/{nodes}"))[1:] if any(c.strip() for c in r)]
    e = [r for r in csv_rows(p(f"{folder}/{edges}"))[1:] if any(c.strip() for c in r)]
    head = [h.strip().lower() for h in csv_rows(p(f"{folder}/{edges}"))[0]]
    directed = "type" in head and any(r[head.index("type")].strip().lower() == "directed" for r in e)
    by_rel = {}
    for r in e:
        name = r[head.index("relation")].strip() if "relation" in head else ""
        by_rel.setdefault(name, []).append((r[0].strip(), r[1].strip()))
    report(folder, len({r[0].strip() for r in n}), {k: simple_count(v, directed) for k, v in by_rel.items()},
           "python csv module (BOM, ';'): rows of the two tables, per relation" + (", directed" if directed else ""))

n = csv_rows(p("csv/quakers_wrong_id/quakers_nodelist.csv"))
e = csv_rows(p("csv/quakers_wrong_id/quakers_edgelist.csv"))
report("csv/quakers_wrong_id (id = Name)", len({r[0] for r in n[1:]}),
       {"": simple_count([(r[0], r[1]) for r in e[1:]], False)}, "python csv module")

m = csv_rows(p("csv/adjacency_matrix.csv"))
labels = [c.strip() for c in m[0][1:]]
arcs = {}
for row in m[1:]:
    for j, v in enumerate(row[1:]):
        v = v.strip()
        if v and float(v) != 0 and row[0].strip() != labels[j]:
            arcs[(row[0].strip(), labels[j])] = float(v)
symmetric = all(arcs.get((b, a)) == w for (a, b), w in arcs.items())
report("csv/adjacency_matrix.csv", len(labels), {"": len(arcs) // 2 if symmetric else len(arcs)},
       "python csv module: non-zero off-diagonal cells" + (", symmetric: halved" if symmetric else ", not symmetric: directed"))

repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
print(f"# corpus counts from peers ({os.path.relpath(root, repo)}); python-igraph {igraph.__version__}, networkx {nx.__version__}")
print("# file | actors | ties per relation | peer")
for r in rows:
    print(r)
