// Gould & Fernandez (1989) brokerage roles (README, "Measures"): who carries knowledge
// between which groups of the cluster. With groups {local, global} a local firm that takes
// knowledge from outside and passes it to a local actor is a gatekeeper.
//
// Sources: Gould, R. V. & Fernandez, R. M. (1989) "Structures of mediation: a formal approach
// to brokerage in transaction networks", Sociological Methodology 19:89-126. R package sna
// (Butts), function brokerage() in R/models.R and its C kernel brokerage_R in src/gli.c: the
// counts, expectations and variances below follow sna 2.7 term by term.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

/// How an undirected network's two-paths are counted.
enum class UndirectedPairs {
    /// Each unordered pair {a, c} of b's contacts counts once (default). When a and c are in
    /// the same group this is one coordinator or itinerant; when exactly one of them shares
    /// b's group, representative and gatekeeper cannot be told apart without direction and
    /// each gets 1/2; when all three groups differ, one liaison.
    once,
    /// As sna: the undirected graph is read as a symmetric digraph, so each pair is counted
    /// twice (a->b->c and c->b->a); every count is exactly 2x `once`.
    ordered_as_sna,
};

struct BrokerageOptions {
    UndirectedPairs undirected_pairs = UndirectedPairs::once;
};

/// One value per actor and role (index = actor index).
struct BrokerageRoles {
    std::vector<double> coordinator, itinerant, representative, gatekeeper, liaison, total;
};

/// One value per role, for the whole network.
struct BrokerageRoleValues {
    double coordinator = 0, itinerant = 0, representative = 0, gatekeeper = 0, liaison = 0,
           total = 0;
};

struct BrokerageScores {
    /// Raw role counts per actor (sna raw.nli). NaN for actors with an unknown group.
    std::vector<double> coordinator, itinerant, representative, gatekeeper, liaison, total;
    /// Expectation, standard deviation and z = (raw - expected)/sd per actor and role (sna
    /// exp.nli, sd.nli, z.nli). z.total is the usual single brokerage z-score.
    BrokerageRoles expected, sd, z;
    /// Whole-network sums of the raw counts and their moments (sna raw.gli ... z.gli).
    struct Global {
        BrokerageRoleValues raw, expected, sd, z;
    } global;
    double density = 0;                              ///< d of the Bernoulli null
    std::map<std::string, std::size_t> group_sizes;  ///< n_g per known group
};

/// Gould-Fernandez brokerage of every actor for the partition `groups` (one label per actor;
/// the caller passes locality, part or any attribute; "" = unknown).
///
/// Counting. For every two-path a -> b -> c with a != c and no tie a -> c, broker b gets one
/// role by the groups G(a), G(b), G(c):
///   coordinator    (sna w_I)   G(a) = G(b) = G(c)
///   itinerant      (sna w_O)   G(a) = G(c) != G(b)        (UCINET: consultant)
///   representative (sna b_IO)  G(a) = G(b) != G(c)        b sends its group's knowledge out
///   gatekeeper     (sna b_OI)  G(a) != G(b) = G(c)        b lets outside knowledge in
///   liaison        (sna b_O)   G(a), G(b), G(c) all differ
/// total = the sum of the five. Arcs are knowledge flows (network.hpp), so in a directed
/// network a is the source and c the recipient; as in sna only an arc a -> c closes the path
/// (c -> a does not). Undirected networks: see UndirectedPairs (default: each unordered pair
/// once, half the sna counts). A two-path with an end of unknown group is not counted; an
/// actor of unknown group gets NaN in every field and does not count in the group sizes below.
///
/// Null model (sna): a Bernoulli digraph with density d = m/(N(N-1)) (directed, m arcs) or
/// 2m/(N(N-1)) (undirected, m edges; the same as sna's arcs of the symmetric digraph), N all
/// actors. Let n_g be the size of known group g, K = sum_g n_g (= N without unknown labels),
/// i the broker's group, q = d^2(1-d) (a given open two-path) and r = d^3(1-d)^3. Per actor:
///   E[w_I]  = q (n_i-1)(n_i-2)                Var = E(1-q) + 2(n_i-1)(n_i-2)(n_i-3) r
///   E[w_O]  = q sum_{j!=i} n_j(n_j-1)         Var = E(1-q) + 2 sum_{j!=i} n_j(n_j-1)(n_j-2) r
///   E[b_IO] = E[b_OI] = q (K-n_i)(n_i-1)
///                   Var = E(1-q) + 2((n_i-1) C(K-n_i,2) + (K-n_i) C(n_i-1,2)) r
///   E[b_O]  = q ((sum_{j!=i} n_j)^2 - sum_{j!=i} n_j^2)
///                   Var = E(1-q) + 4 sum_{j!=i} n_j C(K-n_j-n_i, 2) r
///   E[t]    = q (K-1)(K-2)                    Var = E(1-q) + 2(K-1)(K-2)(K-3) r
/// Global (sums over brokers), with s = d^4(1-d)^2, u = d^5(1-d):
///   E[w_I] = q sum_g n_g(n_g-1)(n_g-2)
///       Var = E(1-q) + sum_g n_g(n_g-1)(n_g-2)((4n_g-10) r - 4(n_g-3) s + (n_g-3) u)
///   E[w_O] = E[b_IO] = E[b_OI] = q sum_g n_g(K-n_g)(n_g-1)
///       Var[w_O] = E(1-q) + sum_{g,h} n_g n_h (n_g-1)((2n_g+2n_h-6) r + (K-n_g-1) u)
///                         - sum_g n_g^2 (n_g-1)((4n_g-6) r + (K-n_g-1) u)
///       Var[b_IO] = Var[b_OI] = E(1-q) + sum_g n_g(K-n_g)(n_g-1)((K-3) r + (n_g-2) u)
///   E[b_O] = q (sum_{g,h} n_g n_h (K-n_g-n_h) - sum_g n_g^2 (K-2n_g))
///       Var = E(1-q) + sum_{g,h,k distinct} n_g n_h n_k ((4(K-n_h) - 2(n_g+n_k+1)) r
///                         - (4(K-n_k) - 2(n_g+n_h+1)) s + (K-(n_g+n_k+1)) u)
///   E[t] = q K(K-1)(K-2)
///       Var = E(1-q) + K(K-1)(K-2)((4K-10) r - 4(K-3) s + (K-3) u)
/// These are sna's formulas verbatim (its "N" is our K when every label is known). Like sna
/// the null ignores degree heterogeneity, and the global sums of roles are not the global
/// total's moments. With UndirectedPairs::once expectations and standard deviations are
/// sna's halved, so z-scores equal sna's.
///
/// Undefined values: sd = sqrt(Var), so 0 when Var = 0 (as sna). z = NaN when sd = 0 (sna
/// computes 0/0 = NaN; the raw count is then 0 as well): every role whose expectation is 0 by
/// group sizes, e.g. coordinator in a group of <= 2 actors (the §5 "groups of <= 2" case),
/// representative/gatekeeper for a group of 1, itinerant when every other group has <= 1
/// actor, liaison with fewer than two other groups; and every role when d is 0 or 1. If
/// rounding ever made a variance negative, sd and z are NaN (sna: sqrt gives NaN too).
/// Expectations, sd and z are NaN when N < 2 (density undefined); counts are then 0.
///
/// Throws UsageError when groups.size() differs from the number of actors.
/// Complexity: digraphs O(sum_b indeg(b) outdeg(b) log(maxdeg) + G^3) for G groups
/// (two-paths enumerated); undirected networks O(m^1.5 + G^3), from neighbour group counts
/// minus the closed pairs of each triangle (same counts, exactly).
BrokerageScores gould_fernandez_brokerage(const Network& net,
                                          const std::vector<std::string>& groups,
                                          const BrokerageOptions& options);

}  // namespace clusterlens::scoring
