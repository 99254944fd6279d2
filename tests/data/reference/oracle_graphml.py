#!/usr/bin/python3
"""Oracle for tests/graphs/read_graphml_test.cpp.

Reads the reference GraphML files in this folder with NetworkX (an independent GraphML
implementation, not clusterlens) and prints, per file: node count, edge count, directedness,
the sorted node attribute names and the sum of all numeric node attribute values.
The output is committed as oracle_graphml.json; regenerate it with

    /usr/bin/python3 tests/data/reference/oracle_graphml.py > tests/data/reference/oracle_graphml.json

(python3-networkx from Debian; produced with NetworkX 2.8.8).
"""
import glob
import json
import numbers
import os

import networkx as nx


def describe(path):
    g = nx.read_graphml(path)
    names = set()
    numeric_sum = 0.0
    for _, attrs in g.nodes(data=True):
        for name, value in attrs.items():
            names.add(name)
            if isinstance(value, numbers.Number) and not isinstance(value, bool):
                numeric_sum += float(value)
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": g.is_directed(),
        "node_attributes": sorted(names),
        "node_numeric_sum": numeric_sum,
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    result = {}
    for path in sorted(glob.glob(os.path.join(here, "*.graphml"))):
        result[os.path.basename(path)] = describe(path)
    print(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
