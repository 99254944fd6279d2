// Two networks compared (issue 5): two clusters, or two waves of one cluster, with actors
// matched by id and ties by their ends' ids (unordered pairs when undirected). From the two
// score runs: every headline measure of summary.json with both values and the change (B − A);
// actors and ties gained, lost and kept; per kept actor the change in openness (ext_share),
// typology and brokerage (total and gatekeeper roles); and a union network whose actors and
// ties carry `change` = gained | lost | kept for the figure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/score/score.hpp"

namespace clusterlens::scoring {

struct MetricChange {
    std::string metric;
    double a, b, change;  ///< NaN where undefined; change = b − a
};

struct ActorChange {
    std::string id, label, status;  ///< status: kept | gained | lost
    double ext_share_a, ext_share_b, brokerage_a, brokerage_b, gatekeeper_a, gatekeeper_b;
    std::string typology_a, typology_b;  ///< "" for non-firms and absent actors
};

struct TieChange {
    std::string source, target, status;
    double weight_a, weight_b;  ///< NaN when absent
};

struct TwoNetworkComparison {
    std::vector<MetricChange> metrics;
    std::vector<ActorChange> actors;  ///< kept (in B's order), gained, then lost
    std::vector<TieChange> ties;
    std::size_t actors_kept = 0, actors_gained = 0, actors_lost = 0;
    std::size_t ties_kept = 0, ties_gained = 0, ties_lost = 0;
    std::size_t typology_changes = 0;  ///< kept firms whose typology differs
    Network change;                    ///< union network with `change` on actors and ties
};

/// The metrics compared, as JSON pointers into summary.json with their row names.
const std::vector<std::pair<std::string, std::string>>& compared_metrics();

/// UsageError when one network is directed and the other is not.
TwoNetworkComparison compare_two(const ScoredRelation& a, const ScoredRelation& b);

}  // namespace clusterlens::scoring
