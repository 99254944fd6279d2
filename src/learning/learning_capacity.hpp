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

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace clusterlens::scoring {

struct LearningCapacityOptions {
    double centrality = 0.25, size = 0.25, openness = 0.25, tie_strength = 0.25;
    /// Non-empty: the weights are fitted to this numeric actor attribute instead
    /// (score --lc-weights fitted:COLUMN; fit_learning_capacity_weights), and the four above
    /// are ignored.
    std::string fitted_outcome;
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

/// Weights estimated from an outcome (seed 002's a, calibrated): the outcome y (e.g. a survey's
/// learning score, patents) is regressed by ordinary least squares on the four indicators,
///   y_i = b_0 + b_c·x_c(i) + b_s·x_s(i) + b_o·x_o(i) + b_t·x_t(i) + e_i,
/// over the actors with a finite y (the others are counted in `dropped`), the indicators as the
/// index uses them (missing = 0). The standardised coefficients β_k = b_k·sd(x_k)/sd(y) are
/// scaled so that their absolute values sum to 1, a_k = β_k / Σ|β|, so the index
/// C = Σ a_k·x_k ranks actors as the fitted standardised model does. A negative a_k is kept
/// (the outcome falls with that dimension, against Wang 2013's hypothesis) and named in
/// `negative`; C is then no longer in [0, 1]. The fit is descriptive: its p-values, which must
/// account for the actors not being independent, are `clusterlens explain`'s job.
struct FittedLearningWeights {
    std::string outcome;
    std::size_t actors = 0, dropped = 0;  ///< actors in the fit; without an outcome value
    double r2 = 0, adj_r2 = 0;
    std::array<double, 4> coef{}, beta{};  ///< centrality, size, openness, tie strength
    LearningCapacityOptions weights;       ///< a_k, fitted_outcome = outcome
    std::vector<std::string> negative;     ///< dimensions with a_k < 0
};

/// Fits the weights to `outcome` (one value per actor, NaN = missing) and returns them with
/// the fit. UsageError naming the outcome when fewer than 6 actors have a value, the outcome
/// is constant, or an indicator is constant or collinear over them (e.g. openness 0 for all
/// when locality is unknown). O(n).
FittedLearningWeights fit_learning_capacity_weights(const LearningCapacityScores& indicators,
                                                    const std::vector<double>& outcome,
                                                    const std::string& outcome_name);

/// C_i = Σ a_k·x_k(i) with the given weights, which may be negative (fitted). O(n).
void apply_learning_capacity_weights(LearningCapacityScores& scores,
                                     const LearningCapacityOptions& weights);

}  // namespace clusterlens::scoring
