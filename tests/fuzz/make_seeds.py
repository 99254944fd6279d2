#!/usr/bin/env python3
"""Writes the seeds of the fuzz targets that cannot take theirs from a folder as it is.

    make_seeds.py ROOT CORPUS OUT

ROOT is the repository, CORPUS the shared real-world corpus (../shared/corpus; may be absent),
OUT the folder to write OUT/<target>/ into. Files of ROOT and CORPUS are read in place, never
copied into the repository; only small ones (< 64 KiB, the targets' -max_len) are used.

  csv_pair   a nodes.csv/edges.csv pair (a folder holding both, or edges alone), joined
  pajek_clu  a .net and a .clu of the same folder, joined
  mapping    a mapping file (*.toml) and a tie table (its case's edges.csv), joined
  json       NetworkX node-link JSON of a few small graphs (networkx.node_link_data)

Two files are joined as the targets split them (fuzz_common.hpp, split()): the length of the
first in two big-endian bytes, the first, the second.
"""
import hashlib
import json
import pathlib
import sys

LIMIT = 1 << 16


def small(path):
    return path.is_file() and path.stat().st_size < LIMIT


def joined(first, second):
    return len(first).to_bytes(2, "big") + first + second


def put(out, name, data):
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def csv_pairs(roots, out):
    for root in roots:
        for edges in sorted(root.rglob("*.csv*")):
            if "edge" not in edges.name.lower() or not small(edges) or edges.suffix == ".gz":
                continue
            nodes = [p for p in edges.parent.iterdir() if "node" in p.name.lower()]
            nodes = [p for p in nodes if small(p) and p.suffix != ".gz"]
            first = nodes[0].read_bytes() if nodes else b""
            put(out, "csv_pair", joined(first, edges.read_bytes()))


def pajek_pairs(roots, out):
    for root in roots:
        for clu in sorted(root.rglob("*")):
            if clu.suffix.lower() != ".clu" or not small(clu):
                continue
            for net in sorted(clu.parent.iterdir()):
                if net.suffix.lower() in (".net", ".paj") and small(net):
                    put(out, "pajek_clu", joined(net.read_bytes(), clu.read_bytes()))


def mappings(roots, fallback, out):
    for root in roots:
        for toml in sorted(root.rglob("*.toml")):
            if not small(toml):
                continue
            case = toml.with_suffix("")
            tables = [case / "edges.csv", toml.parent / "data" / "edges.csv", fallback]
            table = next(t for t in tables if small(t) or t == fallback)
            put(out, "mapping", joined(toml.read_bytes(), table.read_bytes()))


def node_link(out):
    try:
        import networkx as nx
    except ImportError:
        return
    graphs = [nx.karate_club_graph(), nx.florentine_families_graph(),
              nx.DiGraph([("a", "b", {"weight": 2.5}), ("b", "c", {"weight": 1})]),
              nx.MultiGraph([(1, 2), (1, 2), (2, 3)])]
    graphs[2].nodes["a"]["part"] = "core"
    for g in graphs:
        data = nx.node_link_data(g)
        put(out, "json", json.dumps(data, default=str).encode())


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    root, corpus, out = (pathlib.Path(a) for a in sys.argv[1:])
    roots = [root / "tests" / "data", root / "examples"]
    if corpus.is_dir():
        roots.append(corpus)
    csv_pairs(roots, out)
    pajek_pairs(roots, out)
    mappings(roots, root / "tests" / "data" / "render" / "toy" / "edges.csv", out)
    node_link(out)


if __name__ == "__main__":
    main()
