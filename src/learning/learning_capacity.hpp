// Learning capacity (Wang 2013's claim, Chen & Shi's linear form): an actor's capacity to learn
// from its network is taken as a weighted sum of normalised indicators of the four dimensions
// that Wang (2013) relates positively to learning capacity:
//
//   C_i = a_c·x_c(i) + a_s·x_s(i) + a_o·x_o(i) + a_t·x_t(i)
//
//   x_c  centrality   = harmonic closeness(i) / max_j harmonic closeness(j)   (reach)
//   x_s  size         = ego_size(i) / max_j ego_size(j)                        (contacts)
//   x_o  openness     = ext_share(i), the share of i's tie strength to global actors (in [0,1])
//   x_t  tie strength = mean tie weight s_i/k_i / max_j (s_j/k_j)
//
// Each x is in [0,1]; a missing value (an isolate's openness or tie strength, a max of 0) counts
// as 0: an actor without ties learns nothing from the network. The weights a are options; the
// default is equal weights 0.25 because Wang (2013) states only the direction of each effect, not
// its size (printed in every report). With weights summing to 1, C is in [0,1].
#pragma once

#include <string>
#include <vector>

namespace clusterlens::scoring {

struct LearningCapacityOptions {
    double centrality = 0.25, size = 0.25, openness = 0.25, tie_strength = 0.25;
};

struct LearningCapacityIndicators {
    std::vector<double> closeness, ego_size, ext_share, mean_tie_weight;  ///< raw, per actor
};

struct LearningCapacityScores {
    std::vector<double> value;  ///< C_i
    std::vector<double> x_centrality, x_size, x_openness, x_tie_strength;
};

/// Throws UsageError if a weight is negative or not finite, or all are 0. O(n).
LearningCapacityScores learning_capacity(const LearningCapacityIndicators& in,
                                         const LearningCapacityOptions& options);

}  // namespace clusterlens::scoring
