// Stability between two waves of one cluster (issue 14): how much of the tie set survived, and
// how far each actor's scores moved, for compare A B (two_networks.hpp matches the actors and
// calls these).
//
// Tie-set stability, over a set S of actors present in both waves' comparison (the actors kept
// in both waves, and the union of the two waves' actors). T_A, T_B: the ties of A and of B with
// both ends in S, as dyads of matching keys (unordered pairs when undirected, ordered when
// directed; the diagonal is excluded, a Network holds no self-loop).
// - Jaccard J = |T_A ∩ T_B| / |T_A ∪ T_B| (Jaccard 1901): 1 = the same ties, 0 = none kept.
//   NaN when neither wave has a tie in S.
// - Hamming distance H = |T_A Δ T_B| = ties gained + ties lost in S: the number of dyads whose
//   state (tie / no tie) differs between the waves, the Hamming distance of the two binary
//   adjacency matrices over S (each undirected dyad counted once; weights ignored).
// - normalised Hamming H / D, D = n(n − 1)/2 possible dyads undirected, n(n − 1) directed,
//   n = |S|: the share of dyads that changed. NaN for n < 2.
//   Over the union an actor absent from a wave has no tie there, so its ties count as gained or
//   lost: the union's figures mix turnover of actors with rewiring; the kept actors' figures
//   are rewiring alone.
// - strong (weak) ties kept: of A's ties in S whose strength_class (src/ties/tie_strength.hpp:
//   weight > A's median weight, or >= --strong-threshold) is strong (weak), the share also tied
//   in B (any weight). NaN when A has no such tie.
// - weight correlation: Pearson r of w_A and w_B over the ties kept (every kept tie joins two
//   kept actors, so the same for both sets). NaN with fewer than two kept ties or when either
//   side's weights are all equal (binary data; "all equal" as for pearson_r below).
// Complexity O((m_A + m_B) log(m_A + m_B)).
//
// Actor stability: per kept actor and per numeric score column of the scored networks (every
// numeric actor attribute score wrote, in A's order, that both waves carry; the input's own
// attributes and the `community` number, a name rather than a measure, are left out), the value
// in A, in B and the change b − a. Per measure over the kept actors with a finite value in both
// waves (k of them): mean change, Pearson r of the A and B values and Spearman's ρ (Pearson r of
// the ranks, ties given their average rank; values within 1e-12 relative count as tied, since
// floating-point sums break ties that hold in exact arithmetic), the rank stability. NaN for k < 2
// or when either wave's values are all equal (a standard deviation below 1e-12 of max(1, |mean|):
// values that differ only by rounding). Mean change NaN for k = 0.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/score/score.hpp"

namespace clusterlens::scoring {

/// Tie-set stability over one set of actors (see above).
struct TieSetStability {
    std::size_t actors = 0;  ///< n
    std::size_t dyads = 0;   ///< D: n(n − 1)/2 undirected, n(n − 1) directed
    std::size_t ties_a = 0, ties_b = 0, kept = 0, gained = 0, lost = 0;
    double jaccard = 0;             ///< kept / (kept + gained + lost)
    std::size_t hamming = 0;        ///< gained + lost
    double hamming_normalised = 0;  ///< hamming / dyads
    std::size_t strong_a = 0, strong_kept = 0, weak_a = 0, weak_kept = 0;
    double strong_kept_share = 0, weak_kept_share = 0;
};

struct TieStability {
    TieSetStability kept_actors, all_actors;
    std::size_t weight_pairs = 0;  ///< ties kept
    double weight_pearson = 0;
    /// A's strong/weak rule, for the reports (compare_two copies it from A's summary): strong
    /// when weight > threshold (the median) or weight >= threshold (--strong-threshold).
    double strong_threshold = std::numeric_limits<double>::quiet_NaN();
    bool threshold_is_median = true;
};

/// Tie-set stability of two networks of the same direction whose actor i has matching key
/// key_a[i] (key_b[i]); keys unique within each network. Strong and weak from A's tie attribute
/// `strength_class`; without it no tie of A counts as either (shares NaN).
TieStability tie_stability(const Network& a, const Network& b,
                           const std::vector<std::string>& key_a,
                           const std::vector<std::string>& key_b);

/// A kept actor: its index in A and in B, and how actor_changes.csv names it.
struct KeptActor {
    std::size_t a, b;
    std::string id, label;
};

struct ActorMeasureChange {
    std::string id, label, measure;
    double a, b, change;  ///< NaN where undefined
};

struct MeasureStability {
    std::string measure;
    std::size_t actors = 0;  ///< k: kept actors with a finite value in both waves
    double mean_change = 0, pearson = 0, spearman = 0;
};

struct ActorStability {
    std::vector<ActorMeasureChange> rows;  ///< per kept actor (in `kept` order), per measure
    std::vector<MeasureStability> measures;
};

/// The numeric score columns compared per actor (see above), in A's order.
std::vector<std::string> compared_actor_measures(const ScoredRelation& a, const ScoredRelation& b);

ActorStability actor_stability(const ScoredRelation& a, const ScoredRelation& b,
                               const std::vector<KeptActor>& kept);

/// Pearson's r of x and y (same length), over the pairs where both are finite; NaN for fewer
/// than two such pairs or when either side is flat (standard deviation below 1e-12 ·
/// max(1, |mean|)). Clamped to [−1, 1].
double pearson_r(const std::vector<double>& x, const std::vector<double>& y);

/// Spearman's ρ: Pearson's r of the average ranks of x and y, over the pairs where both are
/// finite (ranked among those pairs; values within 1e-12 · max(1, |x|) of the smallest of
/// their run share a rank); NaN as pearson_r.
double spearman_rho(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace clusterlens::scoring
