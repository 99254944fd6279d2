// Two networks compared: two clusters, or two waves of one cluster, with actors
// matched by id or by label (below) and ties by their ends' matching keys (unordered pairs when
// undirected). From the two score runs: every headline measure of summary.json with both values
// and the change (B − A); actors and ties gained, lost and kept; per kept actor the change in
// openness (ext_share), typology and brokerage (total and gatekeeper roles); and a union network
// whose actors and ties carry `change` = gained | lost | kept for the figure. When both scored
// networks carry the actor attribute `community` (score's --communities, which compare passes
// on), how far the two partitions agree over the kept actors: NMI (Danon et al. 2005) and the
// adjusted Rand index (Hubert & Arabie 1985), 1 when the kept actors are grouped alike in both.
// Stability between the waves (two_network_stability.hpp): Jaccard and Hamming distance of the
// tie sets over the kept actors and over all actors, the share of A's strong and weak ties
// kept, the correlation of the kept ties' weights; per kept actor the change in every numeric
// score, and per score the mean change and the Pearson and Spearman correlation of A and B.
//
// Matching actors. Some formats have ids that are positions, not identities, so the
// same network listed in another order would look entirely changed if matched by id:
// - a Pajek file (vertex numbers 1..n);
// - ids exactly n0, n1, ..., n(k-1) for actors 0..k-1 in order (GraphML written by igraph or
//   NetworkX);
// - ids exactly 1..n or 0..n-1 in order (DL files, numbered edge lists, exports that number
//   their rows).
// An actor's label for matching is its label when the file gave one (a label other than its
// id), else the text of an actor attribute `name` (igraph's vertex names in GraphML), else its
// id. The labels of a network are usable when they are unique within it and, when its ids are
// positional, every actor has a label other than its id (a position is not a name).
// --match auto (default): by label when either network's ids are positional and the labels of
// both are usable; otherwise by id (and the explanation says why labels were not used).
// --match id: by id. --match label: by label; InputError when a network's labels are not usable,
// naming the duplicated labels and the actors without one.
// In label mode the union network's actor ids are the labels, and ties are listed by labels.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/compare/two_network_stability.hpp"
#include "src/score/score.hpp"

namespace clusterlens::scoring {

struct MetricChange {
    std::string metric;
    double a, b, change;  ///< NaN where undefined; change = b − a
};

struct ActorChange {
    std::string id;             ///< the id in B (in A for lost actors)
    std::string label, status;  ///< label: the matching label when matched by label; status:
                                ///< kept | gained | lost
    double ext_share_a, ext_share_b, brokerage_a, brokerage_b, gatekeeper_a, gatekeeper_b;
    std::string typology_a, typology_b;  ///< "" for non-firms and absent actors
};

struct TieChange {
    std::string source, target, status;  ///< source, target: the ends' matching keys
    double weight_a, weight_b;           ///< NaN when absent
};

struct TwoNetworkComparison {
    std::vector<MetricChange> metrics;
    std::vector<ActorChange> actors;  ///< kept (in B's order), gained, then lost
    std::vector<TieChange> ties;
    std::size_t actors_kept = 0, actors_gained = 0, actors_lost = 0;
    std::size_t ties_kept = 0, ties_gained = 0, ties_lost = 0;
    std::size_t typology_changes = 0;  ///< kept firms whose typology differs
    Network change;                    ///< union network with `change` on actors and ties
    bool matched_by_label = false;
    /// Community agreement between A and B over the kept actors with a community in both
    /// (`actors` of them); `present` only when both networks carry `community`. NMI and ARI are
    /// NaN with fewer than two such actors.
    struct CommunityAgreement {
        bool present = false;
        std::size_t actors = 0, communities_a = 0, communities_b = 0;
        double nmi = 0, adjusted_rand = 0;
    } communities;
    TieStability tie_stability;      ///< tie-set stability (two_network_stability.hpp)
    ActorStability actor_stability;  ///< per kept actor and numeric score: a, b, change
    /// How actors were matched and why, e.g. "actors matched by label (Pajek vertex numbers are
    /// positions, not identities)".
    std::string matching;
};

enum class ActorMatch { automatic, id, label };

struct TwoNetworkOptions {
    ActorMatch match = ActorMatch::automatic;
    std::string path_a = "A", path_b = "B";  ///< the inputs, named in errors
};

/// Why a network's actor ids are positions rather than identities (see above), or "" when
/// they are not.
std::string positional_ids(const Network& net);

/// Actor i's label for matching (see above).
std::string matching_label(const Network& net, std::size_t i);

/// A compared metric: its row name in comparison.csv / clusters.csv and its value in a score
/// summary (counts as numbers, flags as 1/0, a typology role nobody has as 0).
struct ComparedMetric {
    std::string name;
    double (*value)(const ClusterSummary&);
};

/// The metrics compared, in the order of the tables.
const std::vector<ComparedMetric>& compared_metrics();

/// The position of a metric in compared_metrics() (BackendError for an unknown name: a
/// programming error).
std::size_t compared_metric_index(const std::string& name);

/// UsageError when one network is directed and the other is not; InputError for --match label
/// with labels that are not usable.
TwoNetworkComparison compare_two(const ScoredRelation& a, const ScoredRelation& b,
                                 const TwoNetworkOptions& options = {});

}  // namespace clusterlens::scoring
