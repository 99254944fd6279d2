// The network-level results of scoring one relation, typed: what summary.json holds,
// built by score_relation from the result structs of the measures, read by field everywhere
// (the command line's report, the figure's title block, compare's tables). JSON exists only at
// the edge: summary_json() writes this struct as summary.json, in one place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "src/brokerage/gould_fernandez.hpp"
#include "src/centrality/centrality.hpp"
#include "src/communities/profile.hpp"
#include "src/learning/learning_capacity.hpp"
#include "src/learning/lock_in.hpp"
#include "src/openness/openness.hpp"
#include "src/size/composition.hpp"

namespace clusterlens::scoring {

inline constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

/// How betweenness was computed and, when sampled, its stated error over the ten actors with
/// the highest estimate (those a reader looks at): the median and largest SE / estimate.
struct BetweennessSummary {
    bool sampled = false;
    std::size_t sources = 0;  ///< every actor when exact
    std::size_t top_actors = 0;
    double median_relative_se = kUndefined, max_relative_se = kUndefined;
};

/// Sampled closeness (centrality.hpp, closeness_samples): the estimator, its pivots and seed,
/// the bound that holds for every actor at once with probability >= 95%, and the median and
/// largest closeness_se / estimate over the ten actors with the highest estimate. Only in
/// summary.json when closeness was sampled.
struct ClosenessSummary {
    bool sampled = false;
    std::size_t pivots = 0;
    std::uint64_t seed = 0;
    double bound = kUndefined;
    std::size_t top_actors = 0;
    double median_relative_se = kUndefined, max_relative_se = kUndefined;
};

/// Ties between a local and a global actor (Bathelt et al. 2004).
struct PipelineSummary {
    std::size_t count = 0;
    double per_local_actor = kUndefined;
    double concentration_hhi = kUndefined;       ///< of pipelines over local actors
    double gatekeeper_reach_share = kUndefined;  ///< gatekeeper_reach_share()
};

struct TieStrengthSummary {
    double mean_weight = kUndefined;
    double strong_threshold = kUndefined;
    bool threshold_is_median = true;  ///< strong: weight > median; else weight >= threshold
    double strong_share = kUndefined;
    double mean_overlap = kUndefined;
    std::size_t local_bridges = 0;
};

struct CorePeripherySummary {
    /// Least-squares (minres) continuous fit: `fit` is the correlation its coreness attains.
    double fit = kUndefined, concentration_hhi = kUndefined;
    std::size_t sweeps = 0;
    bool converged = false;
    /// The discrete model, core–periphery pairs excluded (discrete_core_periphery).
    double discrete_fit = kUndefined, discrete_core_density = kUndefined,
           discrete_periphery_density = kUndefined;
    std::size_t discrete_core_size = 0;
    bool discrete_converged = false;
};

struct BrokerageSummary {
    std::string groups;  ///< the partition (ScoreOptions::groups)
    UndirectedPairs undirected_pairs = UndirectedPairs::once;
    double density = kUndefined;
    std::map<std::string, std::size_t> group_sizes;
    BrokerageRoleValues raw, expected, z;
};

struct TypologySummary {
    std::size_t firms = 0;
    std::map<std::string, std::size_t> counts;  ///< firms per role; roles nobody has are absent
    double internal_threshold = kUndefined, external_threshold = kUndefined;
    bool thresholds_are_means = true;
    bool morrison_applied = false;
    /// Firms in `role` (0 when nobody has it).
    std::size_t count(const std::string& role) const;
};

struct LearningCapacitySummary {
    std::map<std::string, double> mean_by_part;  ///< part name ("unspecified" for none)
    LearningCapacityOptions weights;
    std::optional<FittedLearningWeights> fitted;  ///< --lc-weights fitted:COLUMN
};

/// The options and defaults the numbers depend on (summary.json "options").
struct OptionsUsed {
    bool weighted_paths = false;
    std::size_t betweenness_samples = 0;
    bool ego_model = false;
    std::string groups;
    std::size_t permutations = 0;
    std::uint64_t seed = 0;
};

struct ClusterSummary {
    std::string clusterlens_version;
    std::string relation;
    Composition composition;
    double density = kUndefined;  ///< of this relation
    Centralization centralization{kUndefined, kUndefined, kUndefined};
    double transitivity = kUndefined;
    BetweennessSummary betweenness;
    ClosenessSummary closeness;
    EiResult ei_locality;  ///< E-I of the local/global partition
    /// E-I of the --groups partition (options.groups names it) when that is not locality.
    std::optional<EiResult> ei_groups;
    /// Community detection (ScoreOptions::communities), when asked for.
    std::optional<CommunitySummary> communities;
    PipelineSummary pipelines;
    TieStrengthSummary tie_strength;
    CorePeripherySummary core_periphery;
    std::map<std::string, std::size_t> learning_dimensions;  ///< ties per dimension
    std::map<std::string, std::size_t> linkage;              ///< ties per linkage ("" unknown)
    BrokerageSummary brokerage;
    TypologySummary typology;
    LearningCapacitySummary learning_capacity;
    LockInDiagnosis lock_in;
    std::size_t lock_in_min_fired = 0;
    OptionsUsed options;
    std::vector<std::string> warnings;

    /// Cluster openness: the E-I of the local group (group "local"); NaN without one.
    double cluster_openness() const;
};

}  // namespace clusterlens::scoring
