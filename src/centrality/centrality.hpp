// Centrality (README, "Measures"): how central each actor is in the knowledge network, one of
// the structural dimensions of learning capacity (Wang 2013), plus Freeman centralization and
// the global clustering coefficient of the whole network.
//
// Input contract (the caller splits relations with Network::select_relation): the network holds
// ONE relation, no self-loops, no parallel ties, weights > 0 (Network::build guarantees the last
// three), and arcs point the way knowledge flows. A network whose ties span several relations is
// a UsageError.
//
// Notation: n actors, m ties, w_ij > 0 the weight of the tie i–j (or arc i→j), d(i, j) the
// length of a shortest path from i to j (number of ties, or Σ 1/w along the path with
// `weighted_paths`), σ_st the number of shortest s→t paths, σ_st(i) those through i.
//
// Where peers differ, clusterlens follows:
// - closeness: harmonic centrality over OUT-paths divided by n − 1 = igraph
//   igraph_harmonic_centrality(mode = OUT, normalized = true). NetworkX's harmonic_centrality
//   is not divided by n − 1 and, in a digraph, sums distances TO the node (its in-paths): equal
//   to ours on G.reverse(), divided by n − 1.
// - eigenvector: igraph's scaling (maximum = 1); NetworkX returns a unit-length vector. Same
//   direction in both for digraphs (in-eigenvector, "left" eigenvector). Disconnected: per weak
//   component, the dominant one(s) kept, see centrality().
// - weighted shortest paths: igraph's tie rule. Two path lengths a, b (float sums of 1/w) tie
//   when |a − b| / (|a| + |b|) < 1e-10, computed on 1 + length as igraph does. NetworkX compares
//   float sums exactly, so paths that tie in exact arithmetic (1/2 + 1/3 + 1/6 and 1/1) may not
//   tie there: on the CORDIS example its weighted betweenness differs from igraph's; ours equals
//   igraph's and NetworkX's run with exact fractions (tests/data/oracle/centrality_oracle.py).
// - pagerank: igraph's PRPACK solution (NetworkX's power iteration agrees to its tolerance).
// - degree centralization counts distinct neighbours also in digraphs (igraph's
//   igraph_centralization_degree with mode ALL counts a mutual dyad twice).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

struct CentralityOptions {
    /// Shortest paths (betweenness, closeness) with tie length 1/w instead of 1 per tie.
    bool weighted_paths = false;
    /// 0: exact betweenness. K > 0 (and K < n): estimate from K random sources, see centrality().
    std::size_t betweenness_samples = 0;
    /// 0: exact closeness. K > 0 (and K < n): estimate from K random pivots, see centrality().
    std::size_t closeness_samples = 0;
    std::uint64_t seed = 1;  ///< seeds the choice of the K sources and of the K pivots
    unsigned threads = 0;    ///< threads for betweenness/closeness; 0 = hardware concurrency
    /// Called now and then during the betweenness and closeness searches with the share of
    /// them done, in [0, 1] and never decreasing (progress on a terminal). From one thread at
    /// a time, never two at once; it must not throw. May be empty.
    std::function<void(double)> progress;
};

/// One value per actor (index = actor index); every vector is empty for an empty network.
struct CentralityScores {
    std::vector<double> degree, in_degree, out_degree, strength, betweenness, closeness,
        eigenvector, pagerank, coreness;
    /// Standard error of each sampled betweenness value; empty when betweenness is exact.
    std::vector<double> betweenness_se;
    /// Standard error of each sampled closeness value; empty when closeness is exact.
    std::vector<double> closeness_se;
    /// Sampled closeness: t such that, with probability >= 95%, |estimate − exact| <= t for
    /// every actor at once (Hoeffding bound, see centrality()); NaN when closeness is exact.
    double closeness_bound = std::numeric_limits<double>::quiet_NaN();
    /// Warnings igraph emitted while scoring (e.g. ARPACK convergence), one per entry.
    std::vector<std::string> warnings;
};

/// All centrality scores of one relation.
///
/// - degree_i: number of distinct neighbours of i (in a digraph, actors j with i→j or j→i:
///   a mutual dyad counts once). in_degree_i / out_degree_i: arcs into / out of i; both equal
///   degree_i in an undirected network.
/// - strength_i = Σ_j w_ij over i's ties (in + out in a digraph).
/// - betweenness_i = Σ_{s≠i≠t} σ_st(i) / σ_st (Freeman 1977), unnormalised, on the binary graph
///   (with `weighted_paths`: lengths 1/w). Undirected: each unordered pair {s, t} counted once
///   (igraph's and NetworkX's default); directed: ordered pairs over directed paths. Algorithm:
///   Brandes (2001), our own code over a CSR copy of the graph, split by source over `threads`
///   std::threads (igraph 0.10 is not thread-safe here). Binary: BFS, O(nm); weighted: Dijkstra
///   with a binary heap, O(nm + n² log n). Undirected binary graphs run one search per class of
///   structurally equivalent twins (same neighbours apart from each other): swapping two twins
///   is an automorphism, so each twin's dependency vector is the same and is counted with the
///   class size. Result is independent of the thread count, bit for bit: sources are dealt to
///   a fixed number of chunks whose partial sums are added in chunk order.
///   With betweenness_samples = K (0 < K < n): K distinct sources drawn uniformly (Fisher–Yates
///   over mt19937_64(seed)) and the sum over them scaled by n/K, the unbiased estimator of
///   Brandes & Pich (2007); K ≥ n gives the exact value.
///   Its stated error is betweenness_se_i = n · sqrt((1 − K/n) · s_i² / K) (× ½ undirected),
///   the standard error of an expansion estimator under simple random sampling without
///   replacement (Cochran 1977, §2.4), s_i² the sample variance of the K dependencies δ_s(i).
///   NaN for K = 1. The estimate is unbiased and roughly normal once K is large, so estimate
///   ± 2 SE is a ~95% interval: on the bundled CORDIS example (top-40 actors, 15 seeds) it
///   covered the exact value 83% of the time with K = 20, 93% with K = 50, 97% with K = 200
///   of 400 sources (tested at K = 50). With few sources the rare large dependencies are often
///   not drawn and the SE is underestimated.
/// - closeness_i = (1 / (n − 1)) · Σ_{j≠i} 1 / d(i, j) with 1/∞ = 0: harmonic centrality
///   (Marchiori & Latora 2000; Rochat 2009), defined on disconnected networks, in [0, 1]
///   (1 = tied to everybody). Directed: OUT-paths, how well i's knowledge reaches others.
///   Lengths as for betweenness; with `weighted_paths` a tie of weight w > 1 is shorter than 1,
///   so values may exceed 1. Computed in the same searches as betweenness; exact unless
///   closeness_samples is set (with sampled betweenness alone every source is still searched,
///   the backward pass is skipped). Dividing by n − 1 makes values comparable across networks
///   of different sizes and matches igraph's normalized=true. n = 1: 0.
///   With closeness_samples = K (0 < K < n): the pivot estimator of Eppstein & Wang (2004,
///   "Fast approximation of centrality", J. Graph Algorithms Appl. 8(1):39–45) on harmonic
///   terms. K distinct pivots P are drawn as the betweenness sources are (sample_sources with
///   the same seed, so with K equal to betweenness_samples they are the same actors); one
///   search from each pivot p over the arcs reversed (a digraph: d(i, p) along out-paths of i;
///   undirected: the same search) gives g_i(p) = 1 / d(i, p) for every i (0 when p = i or p is
///   unreachable), and closeness_i ≈ (n / (n − 1)) · (1/K) Σ_{p∈P} g_i(p): unbiased, exact for
///   K = n, and defined across components like the exact value (unreachable pivots add 0).
///   Stated error: g_i(p) lies in [0, b] (b = 1 on binary paths, b = max w with weighted
///   paths, since every path is at least 1/max w long), so by Hoeffding's inequality (1963,
///   Thm 1 and §6, which covers sampling without replacement) and a union bound over the n
///   actors, with probability >= 1 − δ (δ = 0.05) every actor at once is within
///   closeness_bound = b · (n / (n − 1)) · sqrt(ln(2n / δ) / (2K)) of its exact value: Eppstein
///   and Wang's ε·Δ bound with the diameter Δ replaced by b, since harmonic terms are bounded.
///   The bound is a guarantee and loose (K = 100, n = 10⁶: 0.30); closeness_se_i =
///   (n / (n − 1)) · sqrt((1 − K/n) · s_i² / K), s_i² the sample variance of g_i over P
///   (Cochran 1977, §2.4), is the typical error of each actor (NaN for K = 1).
///   O(K·m) binary, O(K·(m + n log n)) weighted.
/// - eigenvector_i: x with λx = A x, A_ij = w_ij (igraph_eigenvector_centrality, ARPACK),
///   scaled so max_i x_i = 1 (Bonacich 1972). Directed: in-eigenvector, x_i ∝ Σ_{j→i} w_ji x_j
///   (central when central actors send knowledge to i); zero on a DAG (igraph 0.10 warns).
///   Disconnected networks: A is block diagonal over the weak components (in a digraph, no arc
///   joins two weak components, so weak is the split that keeps every arc), and computed per
///   component: λ_c and x_c (max 1) of each component c on its own. The result is the dominant
///   eigenvector of A, as UCINET reports it (Everett on SOCNET, 2005: positive on the component
///   with the largest eigenvalue, zero on every other one) and as NetworkX's power iteration
///   converges to: x_i = x_c(i) when λ_c ≥ λ_max (1 − 1e-9), else 0. When several components
///   share λ_max (three isolated pairs) the dominant eigenvector is not unique (any mix of
///   theirs is one); clusterlens scales each of them to max 1, so identical components get
///   identical values, and adds a warning. Never depends on the order of actors or ties in the
///   input (igraph on the whole graph returned whichever mix ARPACK reached: 0.52, 1, 0.66 on
///   three pairs, swapped by reversing the rows). Compare eigenvector values within the
///   leading component only; elsewhere use degree or PageRank.
///   Isolates: 0 (igraph gives 1 to every actor of an edgeless graph).
/// - pagerank_i: igraph_pagerank, PRPACK, damping 0.85, weights as transition strength,
///   arcs followed in their direction; isolates and sinks jump uniformly (Brin & Page 1998).
///   igraph runs PRPACK with OpenMP; on this 2-core machine a busy second core made it 5–45×
///   slower, so the call is made with one OpenMP thread (set for the
///   calling thread only and restored afterwards, through libgomp if igraph loaded it).
/// - coreness_i: largest k such that i is in the k-core (igraph_coreness, mode ALL;
///   Seidman 1983). Digraphs: k counts in + out arcs, so a mutual dyad counts 2 (igraph and
///   NetworkX core_number agree). O(m).
/// Isolates: every score 0 except pagerank (igraph's value, (1 − 0.85)/n + the dangling share).
/// Empty network: every vector empty. Throws UsageError for several relations, BackendError
/// for igraph failures.
CentralityScores centrality(const Network& net, const CentralityOptions& options);

/// Whole-network centralization scores, see freeman_centralization().
struct Centralization {
    double degree, betweenness, closeness;
};

/// Freeman (1979) centralization, each in [0, 1]: C = Σ_i (c_max − c_i) / C*, where C* is the
/// largest value Σ_i (c_max − c_i) takes over all networks of n actors (the star):
/// - degree (distinct neighbours, also in digraphs): C* = (n − 1)(n − 2);
/// - betweenness: C* = (n − 1)²(n − 2) / 2 undirected, (n − 1)²(n − 2) directed (the star
///   centre lies on all (n − 1)(n − 2) ordered pairs); also used with weighted paths, since a
///   vertex lies on at most every pair's paths;
/// - closeness (harmonic / (n − 1), as above): undirected C* = (n − 2)/2 (star: centre 1,
///   leaves n / (2(n − 1))); checked exhaustively over all graphs of 3–7 actors (NetworkX
///   graph atlas). Directed out-paths: C* = n − 1 (out-star: centre 1, leaves 0). This is not
///   igraph_centralization_closeness, which uses classic closeness (undefined when
///   disconnected) and C* = (n − 1)(n − 2)/(2n − 3).
/// With weighted-path closeness (values may exceed 1) the closeness bound does not hold and
/// the value may exceed 1.
/// Inputs are `scores` from centrality() on `net`; with sampled betweenness the betweenness
/// centralization is an estimate. NaN for n < 3 (C* = 0) and for an empty network. O(n).
Centralization freeman_centralization(const Network& net, const CentralityScores& scores);

/// Global clustering coefficient (transitivity): 3 × triangles / connected triples
/// (Wasserman & Faust 1994; Newman 2003), igraph_transitivity_undirected. Direction is ignored
/// and a mutual dyad is one tie. NaN when there is no connected triple (no actor with two
/// neighbours). O(Σ_i d_i²) at worst.
double transitivity(const Network& net);

}  // namespace clusterlens::scoring
