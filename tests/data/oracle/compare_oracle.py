#!/usr/bin/python3
"""Oracle for tests/src/compare_test.cpp: the local-versus-global split of one cluster.

Independent of clusterlens: NetworkX 2.8.8 (Debian python3-networkx) on the bundled CORDIS
example (examples/cordis_ee_climate, local = country EE as in cordis.toml), with the
definitions of src/compare/local_global.hpp written out here from the docs:
  buzz = subgraph induced by the local actors; pipelines = local-global ties;
  density buzz 2t/(nL(nL-1)), pipelines t/(nL nG); strong = weight > median of all weights;
  Freeman degree centralization over local actors, C* = (nL-1)(nL-2) buzz, (nL-1) nG pipelines;
  components of each side's graph (buzz over all local actors, pipelines over local actors and
  the global actors reached); Herfindahl of local actors' pipeline shares; local betweenness =
  networkx.betweenness_centrality(buzz, normalized=False).
Run: /usr/bin/python3 compare_oracle.py > compare_oracle.json
"""
import csv
import json
import os
import statistics

import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "..", "examples", "cordis_ee_climate", "data")


def main():
    g = nx.Graph()
    local = set()
    with open(os.path.join(data, "nodes.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            g.add_node(r["pic"])
            if r["country"] == "EE":
                local.add(r["pic"])
    with open(os.path.join(data, "edges.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a, b, w = r["source_pic"], r["target_pic"], float(r["weight"])
            if a == b:
                continue
            if g.has_edge(a, b):
                g[a][b]["weight"] += w
            else:
                g.add_edge(a, b, weight=w)
    glob = set(g) - local
    nl, ng = len(local), len(glob)
    med = statistics.median(d["weight"] for _, _, d in g.edges(data=True))
    buzz = g.subgraph(local).copy()
    pipes = nx.Graph()
    pipes.add_nodes_from(local)
    pipes.add_edges_from(
        (u, v, d) for u, v, d in g.edges(data=True) if (u in local) != (v in local))

    def side(h, possible, bound, degree_of):
        t = h.number_of_edges()
        s = sum(d["weight"] for _, _, d in h.edges(data=True))
        strong = sum(1 for _, _, d in h.edges(data=True) if d["weight"] > med)
        degs = [degree_of(v) for v in local]
        top = max(degs)
        return {
            "ties": t,
            "strength": s,
            "density": t / possible if possible else None,
            "mean_strength": s / t if t else None,
            "strong_share": strong / t if t else None,
            "centralization": sum(top - d for d in degs) / bound if bound else None,
            "components": nx.number_connected_components(h),
            "actors": h.number_of_nodes(),
        }

    out = {
        "source": "NetworkX %s on examples/cordis_ee_climate/data (local: country EE)" % nx.__version__,
        "median_weight": med,
        "local_actors": nl,
        "global_actors": ng,
        "buzz": side(buzz, nl * (nl - 1) / 2, (nl - 1) * (nl - 2), buzz.degree),
        "pipelines": side(pipes, nl * ng, (nl - 1) * ng, pipes.degree),
        "extra_local_ties": sum(1 for u, v in g.edges() if u in glob and v in glob),
    }
    total = out["pipelines"]["ties"]
    shares = {v: pipes.degree(v) / total for v in local}
    out["pipeline_concentration"] = sum(s * s for s in shares.values())
    out["global_reached"] = sum(1 for v in glob if pipes.has_node(v) and pipes.degree(v) > 0)
    bc = nx.betweenness_centrality(buzz, normalized=False)
    out["local_actors_rows"] = {
        v: {
            "local_degree": buzz.degree(v),
            "local_betweenness": bc[v],
            "pipelines": pipes.degree(v),
            "pipeline_strength": pipes.degree(v, weight="weight"),
            "pipeline_share": shares[v],
        }
        for v in sorted(local)
    }
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
