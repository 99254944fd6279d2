#!/usr/bin/python3
"""Oracle for tests/cli/compare_wiring_test.cpp: every compared metric of `compare` on three
tiny clusters designed for it (the networks are written into the JSON, and the test writes them
as nodes.csv / edges.csv).

Independent of clusterlens: NetworkX 2.8 (Debian python3-networkx) for density, components,
transitivity and betweenness, and plain Python for the rest, written from the definitions in
the headers (src/centrality/centrality.hpp: Freeman centralization; src/openness/openness.hpp:
E-I by locality; src/learning/lock_in.hpp; src/roles/typology.hpp; src/ties/tie_strength.hpp;
src/brokerage/gould_fernandez.hpp: the null model's E[t] and Var[t], sna's formulas;
src/compare/local_global.hpp; src/roles/typology.hpp: gatekeeper reach share) and the README's Measures, not
from the C++ code. All three networks are undirected; every actor is local or global.

Output:
  networks.<name>: nodes [id, type, part, locality], ties [source, target, weight], and
    metrics: one value per compared metric (comparison.csv a/b, clusters.csv columns);
  local_global (network A, `compare A` on one cluster): rows metric -> [local, global, cluster]
    of comparison.csv (null = empty cell), and local_actors id -> row of local_actors.csv.
  two_waves (compare A B): actors id -> [status, ext_share_a, ext_share_b, brokerage_total_a,
    brokerage_total_b, gatekeeper_a, gatekeeper_b, typology_a, typology_b] and ties
    "s|t" -> [status, weight_a, weight_b].
Run: /usr/bin/python3 compare_wiring_oracle.py > compare_wiring_oracle.json
"""
import itertools
import json
import math
import statistics

import networkx as nx

FIRM_LIKE = {"firm", "customer", "supplier", "subcontractor"}

# id, type, part, locality
NETWORKS = {
    # Wave A: local firms f1 f2 f3, local university u1; global g1 (firm), g2 (research),
    # g3 (firm). Buzz f1-f2, f1-f3, f2-u1; pipelines f1-g1, f1-g2, f2-g2, f3-g3; g1-g2 is
    # extra-local.
    "A": {
        "nodes": [["f1", "firm", "core", "local"], ["f2", "firm", "core", "local"],
                  ["f3", "firm", "core", "local"], ["u1", "university", "assisting", "local"],
                  ["g1", "firm", "external", "global"], ["g2", "research", "external", "global"],
                  ["g3", "firm", "external", "global"]],
        "ties": [["f1", "f2", 3], ["f1", "f3", 1], ["f2", "u1", 2], ["f1", "g1", 2],
                 ["f1", "g2", 1], ["f2", "g2", 1], ["f3", "g3", 4], ["g1", "g2", 1],
                 ["g2", "g3", 1]],
    },
    # Wave B: g3 has left, g4 (global university) joined. f1-f3, f2-g2, f3-g3, g1-g2 and g2-g3
    # are lost; f2-f3, f3-g4, u1-g4, g1-g4, f3-g2 gained; f1-g2 is kept with weight 1 -> 2;
    # f2-u1 is listed as u1-f2.
    "B": {
        "nodes": [["f1", "firm", "core", "local"], ["f2", "firm", "core", "local"],
                  ["f3", "firm", "core", "local"], ["u1", "university", "assisting", "local"],
                  ["g1", "firm", "external", "global"], ["g2", "research", "external", "global"],
                  ["g4", "university", "external", "global"]],
        "ties": [["f1", "f2", 3], ["f2", "f3", 2], ["u1", "f2", 2], ["f1", "g1", 2],
                 ["f1", "g2", 2], ["f3", "g4", 1], ["u1", "g4", 3], ["g1", "g4", 1],
                 ["f3", "g2", 1]],
    },
    # A third cluster: a local triangle h1 h2 h3 (h3 research), h1 with two pipelines, h2 one;
    # x1-x2 is extra-local; local firm h4 hangs on h3 alone (an isolated firm in the typology).
    "C": {
        "nodes": [["h1", "firm", "core", "local"], ["h2", "firm", "core", "local"],
                  ["h3", "research", "assisting", "local"], ["x1", "firm", "external", "global"],
                  ["x2", "firm", "external", "global"], ["x3", "government", "external", "global"],
                  ["h4", "firm", "core", "local"]],
        "ties": [["h1", "h2", 1], ["h1", "h3", 1], ["h2", "h3", 1], ["h1", "x1", 2],
                 ["h1", "x2", 1], ["h2", "x3", 1], ["x1", "x2", 1],
                 ["h3", "h4", 1]],
    },
}


def nan_to_none(v):
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else v


def ratio(a, b):
    return a / b if b > 0 else float("nan")


def graph(spec):
    g = nx.Graph()
    for i, t, p, loc in spec["nodes"]:
        g.add_node(i, type=t, part=p, locality=loc)
    for s, t, w in spec["ties"]:
        g.add_edge(s, t, weight=float(w))
    return g


def local(g, v):
    return g.nodes[v]["locality"] == "local"


def typology(g):
    """typology.hpp: firms = local actors of a firm-like type or part core; internal = distinct
    local contacts, external = weight to global actors; high = >= firms' mean and > 0."""
    firms = [v for v in g if local(g, v) and (g.nodes[v]["type"] in FIRM_LIKE
                                              or g.nodes[v]["part"] == "core")]
    internal = {v: sum(1 for u in g[v] if local(g, u)) for v in firms}
    external = {v: sum(d["weight"] for u, d in g[v].items() if not local(g, u)) for v in firms}
    ti = statistics.mean(internal.values()) if firms else float("nan")
    te = statistics.mean(external.values()) if firms else float("nan")
    role = {}
    for v in firms:
        hi = internal[v] >= ti and internal[v] > 0
        he = external[v] >= te and external[v] > 0
        role[v] = {(True, True): "technological_gatekeeper", (True, False): "mutual_exchanger",
                   (False, True): "external_star", (False, False): "isolated"}[(hi, he)]
    return role


def brokerage(g):
    """gould_fernandez.hpp, groups = locality, undirected, each unordered pair once: per broker b
    and pair {a, c} of non-adjacent neighbours, the role by the three localities (a and c on
    different sides of b's group: 1/2 representative, 1/2 gatekeeper)."""
    roles = {v: dict(coordinator=0.0, itinerant=0.0, representative=0.0, gatekeeper=0.0,
                     liaison=0.0) for v in g}
    for b in g:
        for a, c in itertools.combinations(sorted(g[b]), 2):
            if g.has_edge(a, c):
                continue
            ga, gb, gc = (g.nodes[x]["locality"] for x in (a, b, c))
            if ga == gb == gc:
                roles[b]["coordinator"] += 1
            elif ga == gc:
                roles[b]["itinerant"] += 1
            elif ga == gb or gc == gb:
                roles[b]["representative"] += 0.5
                roles[b]["gatekeeper"] += 0.5
            else:
                roles[b]["liaison"] += 1
    for v in roles:
        roles[v]["total"] = sum(roles[v].values())
    return roles


def brokerage_total_z(g, roles):
    """Global total: sna's E[t] = q K(K-1)(K-2), Var = E(1-q) + K(K-1)(K-2)((4K-10) r - 4(K-3) s
    + (K-3) u) over ordered pairs; the undirected count once is half of sna's, so
    z = (2 * raw_once - E) / sd."""
    n, m = g.number_of_nodes(), g.number_of_edges()
    d = 2 * m / (n * (n - 1))
    q, r, s, u = d**2 * (1 - d), d**3 * (1 - d)**3, d**4 * (1 - d)**2, d**5 * (1 - d)
    K = n
    e = q * K * (K - 1) * (K - 2)
    var = e * (1 - q) + K * (K - 1) * (K - 2) * ((4 * K - 10) * r - 4 * (K - 3) * s + (K - 3) * u)
    raw = sum(v["total"] for v in roles.values())
    return (2 * raw - e) / math.sqrt(var)


def freeman(values, bound):
    top = max(values)
    return ratio(sum(top - v for v in values), bound)


def metrics(g):
    n, m = g.number_of_nodes(), g.number_of_edges()
    L = [v for v in g if local(g, v)]
    G = [v for v in g if not local(g, v)]
    nl = len(L)
    ties = [(a, b, d["weight"]) for a, b, d in g.edges(data=True)]
    buzz = [t for t in ties if local(g, t[0]) and local(g, t[1])]
    pipes = [t for t in ties if local(g, t[0]) != local(g, t[1])]
    # E-I by locality: whole network E = ties across localities, I = ties within one.
    whole_ei = (len(pipes) - (m - len(pipes))) / m
    local_ei = (len(pipes) - len(buzz)) / (len(pipes) + len(buzz))
    held = {v: sum(1 for a, b, _ in pipes if v in (a, b)) for v in L}
    hhi = sum((held[v] / len(pipes))**2 for v in L)
    role = typology(g)
    # score.hpp: of the global actors tied to a local actor, the share tied to a gatekeeper.
    reached = {v for v in G if any(local(g, u) for u in g[v])}
    via_gk = {v for v in reached if any(role.get(u) == "technological_gatekeeper" for u in g[v])}
    weights = [w for _, _, w in ties]
    median = statistics.median(weights)
    comps = list(nx.connected_components(g))
    deg = [g.degree(v) for v in g]
    btw = list(nx.betweenness_centrality(g, normalized=False).values())
    local_density = 2 * len(buzz) / (nl * (nl - 1))
    per_local = len(pipes) / nl
    # lock_in.hpp defaults: local_ei <= -0.5, pipelines per local actor < 1, HHI >= 0.5,
    # local density >= 0.5; the flag needs 2.
    fired = (local_ei <= -0.5) + (per_local < 1) + (hhi >= 0.5) + (local_density >= 0.5)
    counts = {k: sum(1 for r in role.values() if r == k) for k in
              ("technological_gatekeeper", "mutual_exchanger", "external_star", "isolated")}
    out = {
        "actors": n,
        "ties": m,
        "density": 2 * m / (n * (n - 1)),
        "components": len(comps),
        "largest_component_share": max(len(c) for c in comps) / n,
        "transitivity": nx.transitivity(g),
        "degree_centralization": freeman(deg, (n - 1) * (n - 2)),
        "betweenness_centralization": freeman(btw, (n - 1)**2 * (n - 2) / 2),
        "cluster_openness_local_ei": local_ei,
        "whole_network_ei": whole_ei,
        "pipelines": len(pipes),
        "pipelines_per_local_actor": per_local,
        "local_density": local_density,
        "pipeline_concentration_hhi": hhi,
        "gatekeeper_reach_share": ratio(len(via_gk), len(reached)),
        "mean_tie_strength": statistics.mean(weights),
        "strong_tie_share": sum(1 for w in weights if w > median) / m,
        "brokerage_total_z": brokerage_total_z(g, brokerage(g)),
        "typology_technological_gatekeeper": counts["technological_gatekeeper"],
        "typology_mutual_exchanger": counts["mutual_exchanger"],
        "typology_external_star": counts["external_star"],
        "typology_isolated": counts["isolated"],
        "lock_in_flag": 1 if fired >= 2 else 0,
        "lock_in_indicators_fired": fired,
    }
    lock = {"local_ei": local_ei, "pipelines_per_local_actor": per_local,
            "pipeline_concentration": hhi, "local_density": local_density}
    return out, lock


def local_global(g, lock):
    """local_global.hpp, one cluster: comparison.csv rows [local, global, cluster] and the
    local_actors.csv rows."""
    n = g.number_of_nodes()
    L = [v for v in g if local(g, v)]
    G = [v for v in g if not local(g, v)]
    nl, ng = len(L), len(G)
    ties = [(a, b, d["weight"]) for a, b, d in g.edges(data=True)]
    median = statistics.median(w for _, _, w in ties)
    buzz = [t for t in ties if local(g, t[0]) and local(g, t[1])]
    pipes = [t for t in ties if local(g, t[0]) != local(g, t[1])]
    reached = {v for v in G if any(local(g, u) for u in g[v])}
    role = typology(g)
    only_gk = {v for v in reached
               if all(role.get(u) == "technological_gatekeeper" for u in g[v] if local(g, u))}
    bg = nx.Graph()
    bg.add_nodes_from(L)
    bg.add_edges_from((a, b) for a, b, _ in buzz)
    pg = nx.Graph()
    pg.add_nodes_from(L + sorted(reached))
    pg.add_edges_from((a, b) for a, b, _ in pipes)
    bdeg = [bg.degree(v) for v in L]
    pdeg = [sum(1 for u in g[v] if not local(g, u)) for v in L]
    held = {v: sum(1 for a, b, _ in pipes if v in (a, b)) for v in L}
    held_w = {v: sum(w for a, b, w in pipes if v in (a, b)) for v in L}
    rows = {
        "actors": [nl, nl + len(reached), n],
        "ties": [len(buzz), len(pipes), len(ties)],
        "strength": [sum(w for *_, w in buzz), sum(w for *_, w in pipes), None],
        "density": [2 * len(buzz) / (nl * (nl - 1)), len(pipes) / (nl * ng), None],
        "mean_tie_strength": [statistics.mean(w for *_, w in buzz),
                              statistics.mean(w for *_, w in pipes), None],
        "strong_tie_share": [sum(1 for *_, w in buzz if w > median) / len(buzz),
                             sum(1 for *_, w in pipes if w > median) / len(pipes), None],
        "degree_centralization": [freeman(bdeg, (nl - 1) * (nl - 2)),
                                  freeman(pdeg, (nl - 1) * ng), None],
        "components": [nx.number_connected_components(bg), nx.number_connected_components(pg),
                       None],
        "extra_local_ties": [None, None, len(ties) - len(buzz) - len(pipes)],
        "pipeline_concentration_hhi": [None, None,
                                       sum((held[v] / len(pipes))**2 for v in L)],
        "global_actors_reached": [None, None, len(reached)],
        "gatekeeper_dependence": [None, None, ratio(len(only_gk), len(reached))],
    }
    for k in ("local_ei", "pipelines_per_local_actor", "pipeline_concentration",
              "local_density"):
        rows["lockin_" + k] = [None, None, lock[k]]
    lb = nx.betweenness_centrality(bg, normalized=False)
    actors = {v: {"type": g.nodes[v]["type"], "part": g.nodes[v]["part"],
                  "local_degree": bg.degree(v), "local_betweenness": lb[v],
                  "pipelines": held[v], "pipeline_strength": held_w[v],
                  "pipeline_share": held[v] / len(pipes), "typology": role.get(v, "")}
              for v in L}
    return rows, actors


def two_waves(ga, gb):
    ra, rb = brokerage(ga), brokerage(gb)
    ta, tb = typology(ga), typology(gb)

    def ext_share(g, v):
        return sum(d["weight"] for u, d in g[v].items() if not local(g, u)) / g.degree(v, "weight")

    actors = {}
    for v in set(ga) | set(gb):
        ia, ib = v in ga, v in gb
        actors[v] = [
            "kept" if ia and ib else ("gained" if ib else "lost"),
            ext_share(ga, v) if ia else None, ext_share(gb, v) if ib else None,
            ra[v]["total"] if ia else None, rb[v]["total"] if ib else None,
            ra[v]["gatekeeper"] if ia else None, rb[v]["gatekeeper"] if ib else None,
            ta.get(v, ""), tb.get(v, "")]
    ties = {}
    for s, t in set(map(lambda e: tuple(sorted(e)), ga.edges())) | set(
            map(lambda e: tuple(sorted(e)), gb.edges())):
        wa = ga[s][t]["weight"] if ga.has_edge(s, t) else None
        wb = gb[s][t]["weight"] if gb.has_edge(s, t) else None
        ties[s + "|" + t] = ["kept" if wa and wb else ("gained" if wb else "lost"), wa, wb]
    return {"actors": actors, "ties": ties}


def clean(x):
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, list):
        return [clean(v) for v in x]
    return nan_to_none(x)


out = {"source": "NetworkX " + nx.__version__ + " and the definitions in the headers "
                 "(script: tests/data/oracle/compare_wiring_oracle.py)",
       "networks": {}}
locks = {}
for name, spec in NETWORKS.items():
    mets, locks[name] = metrics(graph(spec))
    out["networks"][name] = {"nodes": spec["nodes"], "ties": spec["ties"], "metrics": mets}
rows, actors = local_global(graph(NETWORKS["A"]), locks["A"])
out["local_global"] = {"rows": rows, "local_actors": actors}
out["two_waves"] = two_waves(graph(NETWORKS["A"]), graph(NETWORKS["B"]))
print(json.dumps(clean(out), indent=1, sort_keys=True))
