// Burt's structural holes (Burt 1992; README, "Measures" and "Where clusterlens differs from its
// peers on purpose").
//
// What it means for a cluster: an actor whose contacts are not tied to one another spans
// structural holes — it hears non-redundant things (high effective size and efficiency, low
// constraint) and can broker between parts of the cluster. A firm whose contacts all know each
// other, or that depends on a single contact, is constrained. Hierarchy says whether that
// constraint comes from one dominant contact (→ 1) or is spread evenly over all (→ 0).
//
// Input. One relation (the caller splits a multi-relation network with
// Network::select_relation; UsageError otherwise), no self-loops, weights finite and > 0 (both
// are Network invariants; a weight outside that is a UsageError). Parallel ties, if any, are
// summed as igraph does.
//
// Symbols. For actors i, j, q, k:
//   z_ij  weight of the tie i→j, 0 if none (undirected: z_ij = z_ji = w; binary data: w = 1).
//   a_ij  = z_ij + z_ji, the mutual tie value (undirected: 2w, which cancels in every ratio).
//   N(i)  contacts of i: actors j ≠ i with a_ij > 0, i.e. in- OR out-neighbours in a directed
//         network (Burt 2004: "anyone the manager cited … and anyone who cited the manager").
//   N     = |N(i)|, the number of distinct contacts (= degree in an undirected network).
//   p_ij  = a_ij / Σ_k a_ik, the share of i's network time and energy invested in j.
//   m_jq  = a_jq / max_k a_jk, j's tie to q relative to j's strongest tie.
//
// Measures, per actor i:
//   constraint      C_i  = Σ_{j∈N(i)} c_ij,  c_ij = (p_ij + Σ_{q∈N(i), q≠j} p_iq·p_qj)²
//                   (c_ij is the dyadic or "local" constraint). Triangle 1.125 (so C can exceed
//                   1: its maximum depends on N, Everett & Borgatti 2020), star centre with 4
//                   leaves 0.25, pendant 1.
//   effective_size  ES_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i), q≠j} p_iq·m_jq)  (Burt's weighted form).
//                   On binary undirected data it equals Borgatti's N − 2t/N, t = ties among the
//                   contacts (Borgatti 1997).
//   efficiency      ES_i / N.
//   hierarchy       H_i = Σ_{j∈N(i)} r_ij·ln r_ij / (N·ln N),  r_ij = c_ij / (C_i/N)
//                   (Coleman–Theil disorder index; 0 = constraint spread evenly, 1 = all on one
//                   contact). c_ij ≥ p_ij² > 0, so the logarithm is always defined.
//   ego_size        N. Ego itself is NOT counted.
//   ego_density     ties among the contacts / possible ties among them: undirected t/(N(N−1)/2),
//                   directed (arcs j→q with j, q ∈ N(i)) / (N(N−1)); ego's own ties not counted.
//
// Two models for whose ties count (UCINET's "ego network model" vs "whole network model",
// UCINET help hs4126: "ties beyond egonet have no effect" vs "includes alter ties outside of
// egonet"):
//   whole network (default, ego_model = false): p_qj and m_jq use ALL of q's and j's ties,
//     including ties to actors outside i's ego network. Constraint is then exactly
//     igraph_constraint (igraph 0.10) and networkx.constraint; effective size is
//     networkx.effective_size(G, weight=...).
//   ego model (ego_model = true): every measure of i is computed on i's ego network alone, the
//     subnetwork induced by E_i = {i} ∪ N(i): Σ_k and max_k run over k ∈ E_i only, so
//     p_qj = a_qj / Σ_{k∈E_i} a_qk and m_jq = a_jq / max_{k∈E_i} a_jk. p_ij itself is the same in
//     both models (all of i's ties lie in E_i), and so is effective size on binary data
//     (max_{k∈E_i} a_jk = 1 there because j is tied to i). Neither igraph nor NetworkX has this
//     model: the tests check it against networkx.constraint / effective_size called on each
//     explicitly built ego network (nx.ego_graph(G, i, undirected=True); for a directed network
//     on the undirected graph weighted by a_ij, see burt_oracle.py). Our reading of UCINET's
//     help, not checked against UCINET itself. ego_size and ego_density are the same in both.
//
// Undefined cases (NaN, never an exception):
//   isolate (N = 0): constraint, effective_size, efficiency, hierarchy, ego_density NaN;
//                    ego_size 0. igraph_constraint and networkx.constraint / effective_size
//                    also give NaN for isolates (NetworkX 2.8 per node; newer NetworkX with an
//                    old SciPy turns the whole constraint vector NaN).
//   pendant (N = 1): constraint 1, effective size 1, efficiency 1; hierarchy NaN (N·ln N = 0);
//                    ego_density NaN (no pair of contacts).
// Where peers differ (pinned in tests/src/burt_test.cpp):
//   - Directed sink (in-ties only): we follow igraph and Burt — its contacts are its
//     in-neighbours and every measure is defined. networkx.constraint and effective_size 2.8
//     test `len(G[v]) == 0` (successors only) and return NaN for such actors. Otherwise, on
//     directed graphs NetworkX always uses Burt's form of effective size (Borgatti's shortcut
//     only for undirected unweighted graphs), with a_ij as here: the same values.
//   - Self-loops (NetworkX counts them) and parallel edges (NetworkX ignores them) cannot occur
//     in a Network; parallel ties would be summed like igraph.
//   - Hierarchy, efficiency and ego density are in neither peer (NetworkX issue #3467); the
//     tests compute them from networkx.local_constraint and networkx.ego_graph.
//
// Complexity: O(n + m log Δ) to build a sorted, merged contact adjacency (CSR). Every sum over
// q ∈ N(i) with q tied to j runs over the triangles {i, j, q}, which are listed once with
// Latapy's "forward" algorithm (ties oriented towards the higher (degree, index)):
// O(m·√m) time at worst, O(Σ_i Σ_{v∈out(i)} |out(v)| + triangles) in fact, each triangle updating
// a few per-tie sums; twice for the ego model. O(n + m) memory. No igraph call. The whole CORDIS
// H2020 network (35,871 actors, 796,670 ties, 15 M triangles) takes about 1.5 s (whole network)
// and 2.7 s (ego model) on the 2-core machine; igraph_constraint alone takes 16 s there.
//
// Citations: Burt, R. S. (1992). Structural Holes. Harvard University Press, ch. 2 (constraint,
// effective size, efficiency, hierarchy). Borgatti, S. P. (1997). Structural holes: unpacking
// Burt's redundancy measures. Connections 20(1):35–38. Everett, M. G. & Borgatti, S. P. (2020).
// Unpacking Burt's constraint measure. Social Networks 62:50–57. Latapy, M. (2008). Main-memory
// triangle computations for very large (sparse (power-law)) graphs. Theor. Comput. Sci.
// 407:458–473.
#pragma once

#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

struct BurtOptions {
    /// false: whole-network model (alters' ties outside the ego network count; igraph, NetworkX).
    /// true: ego-network model (UCINET option; every sum and max restricted to {i} ∪ N(i)).
    bool ego_model = false;
};

/// Per-actor results, each indexed by actor (vertex) index, size net.actor_count().
struct BurtScores {
    std::vector<double> constraint, effective_size, efficiency, hierarchy, ego_size, ego_density;
};

/// Burt's constraint, effective size, efficiency and hierarchy, and the ego network's size and
/// density, for every actor (definitions above). Throws UsageError if the network holds ties of
/// more than one relation or a weight that is not finite and > 0.
BurtScores burt_structural_holes(const Network& net, const BurtOptions& options);

}  // namespace clusterlens::scoring
