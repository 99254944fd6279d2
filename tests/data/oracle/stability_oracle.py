#!/usr/bin/python3
"""Oracle for tests/cli/compare_stability_test.cpp: stability between two waves (compare A B).

Independent of clusterlens: the two inputs are read here directly (not through clusterlens),
with the definitions of src/compare/two_network_stability.hpp written out from its comments;
networks built with NetworkX 2.8.8, correlations by SciPy 1.10 (Debian python3-networkx,
python3-scipy).

Cases:
- Sampson's monks (Sampson 1969), UCINET file ../shared/corpus/ucinet/SAMPSON.DAT (MANIFEST.md:
  bavla/Nets @ 7ec138b7): liking at time 1 (SAMPLK1) as wave A and at time 3 (SAMPLK3) as wave
  B. Parsed here as the UCINET DL full matrices they are (18 x 18, row i column j = i's liking of
  j, 3 = first choice); a non-zero off-diagonal cell is an arc i -> j with that weight. Directed;
  every monk is an actor of both waves (an isolate stays an actor), so 18 kept actors.
- The Baltic CORDIS cuts examples/cordis_sc5_baltics/EE (wave A) and LT (wave B), read as
  cordis.toml maps them: actor id = pic (every row of nodes.csv), ties source_pic-target_pic,
  undirected, parallel rows summed, self-loops dropped.

Definitions (as two_network_stability.hpp): over a set S of actors (the kept actors = in both
waves; all = the union), T_A, T_B = ties with both ends in S; jaccard = |T_A & T_B| / |T_A | T_B|;
hamming = |T_A ^ T_B|; dyads = n(n-1) directed, n(n-1)/2 undirected; hamming_normalised =
hamming / dyads; strong = A's weight > median of A's weights (score's default), weak = the rest;
strong (weak) kept share = A's strong (weak) ties in S also ties of B. kept_tie_weights_pearson:
Pearson r of the kept ties' weights (None when a side is constant).
Per kept actor, three measures NetworkX computes itself (clusterlens' conventions,
src/centrality/centrality.hpp): degree = distinct neighbours (in or out); betweenness =
nx.betweenness_centrality(normalized=False) on the binary graph; closeness = harmonic
centrality over out-paths divided by n - 1 (nx.harmonic_centrality on G.reverse() when
directed). Per measure over the kept actors: mean change (b - a), scipy.stats.pearsonr and
spearmanr (average ranks) of the A and B values; for spearmanr the values are rounded to 12
significant digits first, so that values equal in exact arithmetic but not in floating point
(harmonic sums added in another order) tie, as clusterlens ranks them (1e-12 relative).

Run: /usr/bin/python3 tests/data/oracle/stability_oracle.py > tests/data/oracle/stability_oracle.json
"""
import csv
import json
import os
import statistics

import networkx as nx
import numpy as np
from scipy import stats

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "..", "..")
sampson = os.path.join(root, "..", "shared", "corpus", "ucinet", "SAMPSON.DAT")
baltics = os.path.join(root, "examples", "cordis_sc5_baltics")


def read_dl_relations(path):
    """{relation: DiGraph} from a UCINET DL FULLMATRIX file with row and level labels."""
    words = open(path, encoding="latin-1").read().split()
    upper = [w.upper() for w in words]
    n = int(next(w for w in upper if w.startswith("N=")).split("=")[1])
    nm = int(next(w for w in upper if w.startswith("NM=")).split("=")[1])
    at = upper.index("LABELS:", upper.index("ROW"))
    labels = words[at + 1:at + 1 + n]
    at = upper.index("LABELS:", upper.index("LEVEL"))
    relations = words[at + 1:at + 1 + nm]
    values = [float(w) for w in words[upper.index("DATA:") + 1:]]
    assert len(values) == nm * n * n, len(values)
    out = {}
    for r, name in enumerate(relations):
        g = nx.DiGraph()
        g.add_nodes_from(labels)
        for i in range(n):
            for j in range(n):
                w = values[(r * n + i) * n + j]
                if i != j and w != 0:
                    g.add_edge(labels[i], labels[j], weight=w)
        out[name] = g
    return out


def read_cordis(folder):
    g = nx.Graph()
    with open(os.path.join(folder, "nodes.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            g.add_node(r["pic"])
    with open(os.path.join(folder, "edges.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a, b, w = r["source_pic"], r["target_pic"], float(r["weight"])
            if a == b:
                continue
            if g.has_edge(a, b):
                g[a][b]["weight"] += w
            else:
                g.add_edge(a, b, weight=w)
    return g


def none_if_nan(x):
    return None if x is None or not np.isfinite(x) else float(x)


def correlations(x, y):
    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return None, None
    def tied(v):
        return [float("%.12g" % e) for e in v]
    return (none_if_nan(stats.pearsonr(x, y)[0]),
            none_if_nan(stats.spearmanr(tied(x), tied(y))[0]))


def dyad(g, u, v):
    return (u, v) if g.is_directed() else frozenset((u, v))


def tie_set(a, b, actors, strong):
    ta = {dyad(a, u, v) for u, v in a.edges() if u in actors and v in actors}
    tb = {dyad(b, u, v) for u, v in b.edges() if u in actors and v in actors}
    n = len(actors)
    dyads = n * (n - 1) if a.is_directed() else n * (n - 1) // 2
    kept, union = ta & tb, ta | tb
    s_a = {d for d in ta if d in strong}
    w_a = ta - s_a
    return {
        "actors": n,
        "dyads": dyads,
        "ties_a": len(ta),
        "ties_b": len(tb),
        "ties_kept": len(kept),
        "ties_gained": len(tb - ta),
        "ties_lost": len(ta - tb),
        "jaccard": len(kept) / len(union) if union else None,
        "hamming": len(ta ^ tb),
        "hamming_normalised": len(ta ^ tb) / dyads if n >= 2 else None,
        "strong_ties_a": len(s_a),
        "strong_ties_kept": len(s_a & tb),
        "strong_kept_share": len(s_a & tb) / len(s_a) if s_a else None,
        "weak_ties_a": len(w_a),
        "weak_ties_kept": len(w_a & tb),
        "weak_kept_share": len(w_a & tb) / len(w_a) if w_a else None,
    }


def measures(g):
    n = g.number_of_nodes()
    if g.is_directed():
        degree = {v: len(set(g.predecessors(v)) | set(g.successors(v))) for v in g}
        harmonic = nx.harmonic_centrality(g.reverse())
    else:
        degree = dict(g.degree())
        harmonic = nx.harmonic_centrality(g)
    return {
        "degree": degree,
        "betweenness": nx.betweenness_centrality(g, normalized=False),
        "closeness": {v: harmonic[v] / (n - 1) for v in g},
    }


def case(a, b):
    med = statistics.median(d["weight"] for _, _, d in a.edges(data=True))
    strong = {dyad(a, u, v) for u, v, d in a.edges(data=True) if d["weight"] > med}
    kept_actors = set(a) & set(b)
    out = {
        "directed": a.is_directed(),
        "median_weight_a": med,
        "kept_actors": tie_set(a, b, kept_actors, strong),
        "all_actors": tie_set(a, b, set(a) | set(b), strong),
    }
    wa, wb = [], []
    for u, v, d in a.edges(data=True):
        if b.has_edge(u, v):
            wa.append(d["weight"])
            wb.append(b[u][v]["weight"])
    out["kept_tie_weights_pearson"] = correlations(wa, wb)[0]
    ma, mb = measures(a), measures(b)
    ids = sorted(kept_actors)
    out["actors"] = {v: {m: [ma[m][v], mb[m][v]] for m in ma} for v in ids}
    out["measures"] = {}
    for m in ma:
        x = [ma[m][v] for v in ids]
        y = [mb[m][v] for v in ids]
        r, rho = correlations(x, y)
        out["measures"][m] = {
            "actors": len(ids),
            "mean_change": statistics.fmean(yi - xi for xi, yi in zip(x, y)),
            "pearson": r,
            "spearman": rho,
        }
    return out


def main():
    rel = read_dl_relations(sampson)
    out = {
        "source": "NetworkX %s and SciPy 1.10 on SAMPSON.DAT (SAMPLK1 -> SAMPLK3) and "
                  "examples/cordis_sc5_baltics EE -> LT, read directly" % nx.__version__,
        "sampson_lk1_lk3": case(rel["SAMPLK1"], rel["SAMPLK3"]),
        "cordis_ee_lt": case(read_cordis(os.path.join(baltics, "EE")),
                             read_cordis(os.path.join(baltics, "LT"))),
    }
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
