// Tie strength (the relational dimension of Wang 2013): how strong each tie is, how
// embedded it is in shared contacts, and whether it is a bridge between otherwise unconnected
// parts of the cluster (Granovetter 1973: weak ties bridge; strong ties are embedded).
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

struct TieStrengthOptions {
    /// A tie is "strong" when its weight is >= this; NaN (default) means "above the median
    /// weight" (weight > median), so on binary data no tie is strong.
    double strong_threshold = std::numeric_limits<double>::quiet_NaN();
};

struct TieStrengthScores {
    std::vector<std::string> strength_class;  ///< "strong" | "weak" per tie
    /// Onnela et al. (2007) neighbourhood overlap O_ij = n_ij / ((k_i − 1) + (k_j − 1) − n_ij),
    /// n_ij = number of common neighbours, k = degree (distinct neighbours, direction ignored).
    /// NaN when the denominator is 0 (both ends have no other contact). Not igraph's Jaccard
    /// similarity, which divides by the union including i and j themselves.
    std::vector<double> overlap;
    /// 1 when the ends share no neighbour (NetworkX local_bridges without span): removing the tie
    /// would put its ends at distance > 2 (Granovetter 1973). 0 otherwise.
    std::vector<double> local_bridge;
    double threshold_used = 0;  ///< the strong/weak threshold that was applied
    bool threshold_is_median = true;
    double mean_weight = 0;   ///< NaN for no ties
    double strong_share = 0;  ///< share of ties classed strong; NaN for no ties
    double mean_overlap = 0;  ///< over ties where overlap is defined; NaN if none
    std::size_t local_bridges = 0;
};

/// Scores every tie of a one-relation network. Direction is ignored for neighbourhoods
/// (a contact is an in- or out-neighbour). Complexity O(Σ_ties min(k_i, k_j)) with sorted
/// neighbour lists.
TieStrengthScores tie_strength(const Network& net, const TieStrengthOptions& options);

}  // namespace clusterlens::scoring
