// Communities and cohesive subgroups (issue 13): reproducible community detection with igraph
// 0.10, Newman's modularity computed here, partition agreement, and maximal cliques.
//
// In cluster terms a community is a set of actors more densely tied among themselves than the
// actors' overall activity predicts: candidate communities of practice or a "core group"
// (Giuliani & Bell 2005) next to the core-periphery structure.
//
// The graph every function here works on. The network holds one relation (the caller splits
// per relation; UsageError otherwise). Directed networks are treated as undirected: the arcs
// i->j and j->i become one edge {i,j} whose weight is the sum of the two arcs' weights (a
// unweighted run gives every connected pair weight 1, mutual or not). Notation: w_ij the weight
// of the edge {i,j} (1 for every edge when `weighted` is false, 0 for no edge), k_i = sum_j w_ij
// the strength of i (its degree when unweighted), m = sum_{i<j} w_ij the total weight.
// Isolates (k_i = 0) are always communities of their own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

/// How to detect communities.
struct CommunityOptions {
    /// "leiden" | "louvain" | "infomap" | "walktrap" | "label_propagation".
    std::string method = "leiden";
    /// gamma of Q_gamma below; used by leiden and louvain only (others: must be 1).
    double resolution = 1.0;
    std::uint64_t seed = 1;  ///< seed of igraph's default RNG for the first run
    std::size_t runs = 1;    ///< R >= 1 runs with seeds seed, seed+1, ..., seed+R-1
    bool weighted = true;    ///< use tie weights (false: every edge weighs 1)
};

/// The best of R runs and how stable the partition is across them.
struct CommunityResult {
    std::string method;
    double resolution = 1.0;
    std::uint64_t seed = 0;
    std::size_t runs = 0;
    std::uint64_t best_seed = 0;  ///< seed of the run kept
    /// Canonical labels: communities numbered 0, 1, ... by descending size, ties broken by the
    /// smallest actor index in them, so one partition always has one labelling.
    std::vector<int> membership;
    std::size_t count = 0;  ///< number of communities (isolates included)
    double modularity = 0;  ///< Q_gamma of `membership` (modularity() below); NaN when m = 0
    /// Mean NMI and adjusted Rand index over all R(R-1)/2 pairs of runs; NaN when R < 2.
    double mean_nmi = 0, mean_ari = 0;
    /// Per actor i, with B the community of i in the best run: the mean over the other R-1 runs
    /// r of |{j in B, j != i : c_r(j) = c_r(i)}| / (|B| - 1), the share of i's group that stays
    /// with it. NaN when R < 2 or when i is alone in B.
    std::vector<double> co_assignment;
};

/// Community detection on the undirected graph above, by igraph 0.10 (one run at a time:
/// Debian's igraph is not thread-safe). Before every run igraph's default RNG is seeded with
/// that run's seed, so the same input, options and igraph version give the same membership.
/// The run kept is the one with the highest Q_gamma; a later run replaces the current best only
/// when its Q exceeds it by more than 1e-12 * max(1, |Q|), so ties keep the lowest seed.
///
/// - leiden: igraph_community_leiden with the modularity objective. igraph 0.10 implements only
///   CPM, Q = (1/2m) sum_ij (w_ij - gamma' n_i n_j) delta(c_i, c_j); with node weights n_i = k_i
///   and gamma' = gamma / (2m) it is Q_gamma (igraph 0.10 manual, igraph_community_leiden;
///   python-igraph's community_leiden(objective_function="modularity") does the same). beta =
///   0.01, iterated until the partition is stable (n_iterations < 0). Fixes the silent
///   misconfiguration of rigraph#529 (CPM with resolution 1).
/// - louvain: igraph_community_multilevel with resolution gamma (Blondel et al. 2008).
/// - infomap: igraph_community_infomap, 10 trials, edge weights, no node weights (Rosvall &
///   Bergstrom 2008).
/// - walktrap: igraph_community_walktrap, random walks of 4 steps, the dendrogram cut at its
///   highest modularity (Pons & Latapy 2005). Deterministic: the seed changes nothing.
/// - label_propagation: igraph_community_label_propagation, all directions, weighted (Raghavan
///   et al. 2007).
///
/// Throws UsageError for an unknown method, runs = 0, resolution <= 0 or not finite, resolution
/// != 1 with infomap, walktrap or label propagation, or more than one relation; BackendError
/// when igraph fails. With no edges (m = 0) every actor is its own community and Q is NaN.
/// Complexity: R runs of the method plus O(R^2 n) for the agreement and O(R n) for
/// co_assignment (O(R n log n)).
CommunityResult detect_communities(const Network& net, const CommunityOptions& options);

/// Newman's modularity with resolution gamma (Newman 2006; Reichardt & Bornholdt 2006), on the
/// undirected graph above:
///   Q_gamma = (1/2m) sum_ij [w_ij - gamma k_i k_j / (2m)] delta(c_i, c_j)
///           = sum_c [ W_c / m - gamma (K_c / 2m)^2 ],
/// with W_c the total weight of edges inside community c and K_c = sum_{i in c} k_i. Computed
/// here from the ties (not by igraph), so it can be checked against igraph and NetworkX
/// (networkx.community.modularity gives the same formula). NaN when m = 0. Throws UsageError
/// when membership.size() differs from the number of actors or a label is negative.
/// O(n + m).
double modularity(const Network& net, const std::vector<int>& membership, double resolution,
                  bool weighted);

/// The terms of Q_gamma above, one per label 0..max(membership): W_c/m - gamma (K_c/2m)^2
/// (0 for a label no actor has), so that they sum to modularity() (added in label order, as
/// modularity() adds them: the same double). All NaN when m = 0. Errors as modularity(). O(n + m).
std::vector<double> modularity_terms(const Network& net, const std::vector<int>& membership,
                                     double resolution, bool weighted);

/// Normalised mutual information of two partitions of the same actors, 2 I(a;b) / (H(a) +
/// H(b)) (Danon et al. 2005), by igraph_compare_communities(IGRAPH_COMMCMP_NMI); 1 when both
/// partitions have one group. Labels are any non-negative ints. UsageError on different sizes
/// or a negative label.
double nmi(const std::vector<int>& a, const std::vector<int>& b);

/// Hubert & Arabie's (1985) adjusted Rand index of two partitions, by
/// igraph_compare_communities(IGRAPH_COMMCMP_ADJUSTED_RAND): 1 for identical partitions, 0 in
/// expectation for random ones (can be negative). Errors as nmi().
double adjusted_rand(const std::vector<int>& a, const std::vector<int>& b);

/// The maximal cliques with at least min_size actors (0 or 1: all, isolates included as
/// 1-cliques) of the undirected graph above, by igraph_maximal_cliques (Eppstein, Löffler &
/// Strash 2010): each clique's actor indices ascending, the list sorted lexicographically.
/// UsageError with more than one relation. Worst case exponential in n (3^(n/3) cliques).
std::vector<std::vector<std::size_t>> maximal_cliques(const Network& net, std::size_t min_size);

/// The canonical labelling of any partition (see CommunityResult::membership). Labels are any
/// ints; the same label means the same community.
std::vector<int> canonical_membership(const std::vector<int>& membership);

}  // namespace clusterlens::scoring
