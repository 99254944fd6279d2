#!/usr/bin/env python3
"""Writes the hostile inputs of issue 12 ("Memory and time from small files") into a folder, to
measure by hand what clusterlens takes on them (README 'Limits'), e.g.

    tests/data/hostile/make_hostile.py /tmp/hostile
    /usr/bin/time -v build/src/clusterlens validate /tmp/hostile/keys.graphml

Each file is small and, before the limits, made clusterlens take GBs or minutes. The regression
tests (tests/graphs/input_limits_test.cpp) build the same shapes in memory, smaller, and check
the limit error or the cells stored; this script is for the full-size reproductions.

  keys.graphml       4000 node keys, each node with a value for one of them (~460 KB;
                     was 4.45 GB and 30 s)
  keys.gml           7000 nodes, each with its own attribute name (~200 KB; was 2.9 GB)
  keys20k.graphml    20000 keys x 2000 nodes, one value per node (1.1 MB; ran past 120 s)
  wide.gml           one node with 200000 attributes (~3.5 MB)
  vertices.net       '*Vertices 10000000' (19 bytes; was 3.6 GB and 38 s)
  bomb.csv.gz        ~10 MB of gzip that expands to 10 GiB of 'a,b' lines (bad_alloc, exit 3)
  longline.txt.gz    a gzip that expands to one 2 GiB line
"""
import gzip
import os
import sys
import zlib


def graphml(path, keys, nodes):
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for i in range(keys):
            f.write(f'<key id="k{i}" for="node" attr.name="a{i}" attr.type="string"/>\n')
        f.write('<graph edgedefault="undirected">\n')
        for i in range(nodes):
            f.write(f'<node id="n{i}"><data key="k{i % keys}">v</data></node>\n')
        f.write('<edge source="n0" target="n1"/>\n</graph>\n</graphml>\n')


def gml(path, nodes, attributes_per_node=1, shared=False):
    with open(path, "w") as f:
        f.write("graph [\n")
        for i in range(nodes):
            attrs = " ".join(f'a{i if not shared else 0}_{k} "v"' for k in range(attributes_per_node))
            f.write(f"node [ id {i} {attrs} ]\n")
        f.write("edge [ source 0 target 1 ]\n]\n")


def gzip_repeated(path, chunk, copies):
    """`copies` gzip members of `chunk`: compressed once, written many times (a valid gzip)."""
    member = gzip.compress(chunk, compresslevel=9)
    with open(path, "wb") as f:
        for _ in range(copies):
            f.write(member)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "hostile"
    os.makedirs(out, exist_ok=True)
    graphml(os.path.join(out, "keys.graphml"), 4000, 4000)
    gml(os.path.join(out, "keys.gml"), 7000)
    graphml(os.path.join(out, "keys20k.graphml"), 20000, 2000)
    gml(os.path.join(out, "wide.gml"), 1, 200000)
    with open(os.path.join(out, "vertices.net"), "w") as f:
        f.write("*Vertices 10000000\n")
    mib = 1 << 20
    gzip_repeated(os.path.join(out, "bomb.csv.gz"), b"source,target\n" + b"a,b\n" * (mib // 4 * 64 - 4), 160)
    gzip_repeated(os.path.join(out, "longline.txt.gz"), b"a" * (64 * mib), 32)
    for name in sorted(os.listdir(out)):
        print(f"{os.path.getsize(os.path.join(out, name)):>12}  {name}")


if __name__ == "__main__":
    main()
