#!/usr/bin/python3
"""Oracle for tests/src/openness_test.cpp: Krackhardt & Stern E-I index and external ties.

Independent of clusterlens: NetworkX 2.8 (Debian python3-networkx) and Python's csv module.

Definitions (Krackhardt & Stern 1988; the choices documented in src/openness/openness.hpp):
- whole network: E = ties between groups, I = ties within a group, EI = (E - I)/(E + I);
- group g: E_g = ties with exactly one end in g, I_g = ties with both ends in g (once each);
- actor i (locality): E_i = i's ties to the other locality, I_i = to its own locality; on
  any partition (actors_three) the same with labels for localities;
- binary counts ties, valued sums weights; ext_ties / ext_strength = number / weight of ties to
  global actors, ext_share = ext_strength / strength;
- perm_mean: the exact mean of EI over all relabellings that keep group sizes,
  1 - 2 * sum_g n_g (n_g - 1) / (K (K - 1)) (each tie joins two different groups with that
  probability; the same for binary and valued), to check the permutation test's average.
- mc: a Monte-Carlo permutation test with NumPy's own generator (numpy.random.default_rng,
  PCG64, seed 2024, 20,000 relabellings): the shares with EI >= and <= the observed value and
  the standard deviation of EI over the relabellings. Another generator than clusterlens', so
  the test compares within sampling error, not digit for digit.

Networks:
- toy: the toy cluster of tests/src/gould_fernandez_test.cpp (F1..F4 local firms, UNI, GOV
  local institutes, EXT1, EXT2 global), with weights added here for the valued variant;
  partitions "three" (L / I / X: whole EI = (4 - 5)/9 by hand) and "locality" (local / global).
- cordis: examples/cordis_ee_climate/data, undirected, parallel rows summed; locality = local
  when country == "EE" else global.

Run: /usr/bin/python3 ei_oracle.py > ei_oracle.json
"""
import csv
import json
import math
import os

import networkx as nx
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "..", "examples", "cordis_ee_climate", "data")


def ratio(e, i):
    return (e - i) / (e + i) if e + i > 0 else None


def partition_ei(g, group):
    """Whole and per-group E-I, binary and valued, for the node attribute `group`."""
    labels = sorted(set(nx.get_node_attributes(g, group).values()))
    e = {"b": 0.0, "v": 0.0}
    i = {"b": 0.0, "v": 0.0}
    ge = {lab: {"b": 0.0, "v": 0.0} for lab in labels}
    gi = {lab: {"b": 0.0, "v": 0.0} for lab in labels}
    for u, v, d in g.edges(data=True):
        gu, gv, w = g.nodes[u][group], g.nodes[v][group], d["weight"]
        if gu == gv:
            i["b"] += 1
            i["v"] += w
            gi[gu]["b"] += 1
            gi[gu]["v"] += w
        else:
            e["b"] += 1
            e["v"] += w
            for lab in (gu, gv):
                ge[lab]["b"] += 1
                ge[lab]["v"] += w
    sizes = {lab: 0 for lab in labels}
    for _, lab in g.nodes(data=group):
        sizes[lab] += 1
    k = g.number_of_nodes()
    same = sum(n * (n - 1) for n in sizes.values()) / (k * (k - 1))
    # Cross-check the whole-network counts with NetworkX's mixing matrix (ordered pairs, so
    # every undirected tie appears twice).
    mix = nx.attribute_mixing_dict(g, group)
    within = sum(mix.get(lab, {}).get(lab, 0) for lab in labels)
    assert within == 2 * i["b"], (within, i["b"])
    return {
        "whole_binary": ratio(e["b"], i["b"]),
        "whole_valued": ratio(e["v"], i["v"]),
        "E_binary": e["b"], "I_binary": i["b"], "E_valued": e["v"], "I_valued": i["v"],
        "group_binary": {lab: ratio(ge[lab]["b"], gi[lab]["b"]) for lab in labels},
        "group_valued": {lab: ratio(ge[lab]["v"], gi[lab]["v"]) for lab in labels},
        "group_sizes": sizes,
        "perm_mean": 1 - 2 * same,
    }


def monte_carlo(g, group, draws=20000, seed=2024):
    nodes = list(g.nodes)
    index = {a: k for k, a in enumerate(nodes)}
    codes = {lab: k for k, lab in enumerate(sorted(set(nx.get_node_attributes(g, group).values())))}
    labels = np.array([codes[g.nodes[a][group]] for a in nodes])
    u = np.array([index[a] for a, _ in g.edges()])
    v = np.array([index[b] for _, b in g.edges()])
    w = np.array([d["weight"] for _, _, d in g.edges(data=True)])
    m, total = len(w), w.sum()
    obs_b = float((labels[u] != labels[v]).sum())
    obs_v = float(w[labels[u] != labels[v]].sum())
    rng = np.random.default_rng(seed)
    eb = np.empty(draws)
    ev = np.empty(draws)
    for k in range(draws):
        p = rng.permutation(labels)
        diff = p[u] != p[v]
        eb[k] = diff.sum()
        ev[k] = w[diff].sum()
    tol = 1e-12 * total
    ei_b = (2 * eb - m) / m
    ei_v = (2 * ev - total) / total
    return {
        "draws": draws,
        "p_binary": float((eb >= obs_b).mean()),
        "p_binary_lower": float((eb <= obs_b).mean()),
        "p_valued": float((ev >= obs_v - tol).mean()),
        "p_valued_lower": float((ev <= obs_v + tol).mean()),
        "sd_binary": float(ei_b.std()),
        "sd_valued": float(ei_v.std()),
    }


def actor_openness(g):
    out = {}
    for a in g.nodes:
        la = g.nodes[a]["locality"]
        eb = ib = ev = iv = 0.0
        ext_ties = ext_strength = strength = 0.0
        for b in g.neighbors(a):
            w = g[a][b]["weight"]
            lb = g.nodes[b]["locality"]
            strength += w
            if lb == "global":
                ext_ties += 1
                ext_strength += w
            if lb == la:
                ib += 1
                iv += w
            else:
                eb += 1
                ev += w
        out[a] = {
            "ext_ties": ext_ties,
            "ext_strength": ext_strength,
            "ext_share": ext_strength / strength if strength > 0 else None,
            "ei": ratio(eb, ib),
            "ei_valued": ratio(ev, iv),
        }
    return out


def actor_ei(g, group):
    """Each actor's E-I on any partition (score --groups): ties to other labels vs own."""
    out = {}
    for a in g.nodes:
        eb = ib = ev = iv = 0.0
        for b in g.neighbors(a):
            w = g[a][b]["weight"]
            if g.nodes[b][group] == g.nodes[a][group]:
                ib += 1
                iv += w
            else:
                eb += 1
                ev += w
        out[a] = {"ei": ratio(eb, ib), "ei_valued": ratio(ev, iv)}
    return out


def toy():
    g = nx.Graph()
    three = {"F1": "L", "F2": "L", "F3": "L", "F4": "L", "UNI": "I", "GOV": "I",
             "EXT1": "X", "EXT2": "X"}
    for a, lab in three.items():
        g.add_node(a, three=lab, locality="global" if lab == "X" else "local")
    ties = [("F1", "F2", 3), ("F2", "F3", 1), ("F1", "UNI", 2), ("UNI", "GOV", 1),
            ("F3", "EXT1", 4), ("EXT1", "EXT2", 2), ("F2", "F4", 1), ("F1", "EXT1", 5),
            ("GOV", "F4", 2)]
    for u, v, w in ties:
        g.add_edge(u, v, weight=float(w))
    return g, ties


def cordis():
    g = nx.Graph()
    with open(os.path.join(data, "nodes.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_node(row["pic"], locality="local" if row["country"] == "EE" else "global")
    with open(os.path.join(data, "edges.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            u, v, w = row["source_pic"], row["target_pic"], float(row["weight"])
            if g.has_edge(u, v):
                g[u][v]["weight"] += w
            else:
                g.add_edge(u, v, weight=w)
    return g


def clean(x):
    """NaN never appears: undefined values are None (null) already."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, float):
        assert math.isfinite(x)
    return x


tg, toy_ties = toy()
cg = cordis()
print(json.dumps(clean({
    "source": "NetworkX " + nx.__version__ + " + Python loops; script tests/data/oracle/ei_oracle.py",
    "toy": {
        "ties": [[u, v, w] for u, v, w in toy_ties],
        "three": partition_ei(tg, "three"),
        "locality": partition_ei(tg, "locality"),
        "actors": actor_openness(tg),
        "actors_three": actor_ei(tg, "three"),
    },
    "cordis": {
        "locality": partition_ei(cg, "locality"),
        "mc": monte_carlo(cg, "locality"),
        "actors": actor_openness(cg),
    },
}), indent=1, sort_keys=True))
