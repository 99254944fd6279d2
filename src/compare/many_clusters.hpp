// Many clusters compared: one row per cluster with its headline measures (the
// metrics of compared_metrics(), from each cluster's score summary), ready for a paper's table;
// and, where the actors carry ability and trigger scores (Lin, Chen & Chen 2018; columns in the
// mapping's [patterns]), each cluster's pattern:
//   ability_c = mean over the cluster's scored actors of each actor's mean ability score
//               (the local actors; all actors when none is local; actors without a value are
//               skipped), trigger_c likewise;
//   I sustainable development: ability >= t_a and trigger >= t_t; II ability-oriented:
//   ability >= t_a, trigger < t_t; III newborn: both below; IV leader-oriented: ability < t_a,
//   trigger >= t_t.
// Lin, Chen & Chen (2018) place clusters in the quadrants by expert judgement and give no numeric
// cut, so the thresholds are options; by default each is the mean over the compared clusters
// (printed).
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "src/score/score.hpp"

namespace clusterlens::scoring {

struct ClusterRow {
    std::string name;
    std::vector<double> values;  ///< in the order of compared_metrics()
    double ability = std::numeric_limits<double>::quiet_NaN();
    double trigger = std::numeric_limits<double>::quiet_NaN();
    std::string pattern;  ///< "" when the cluster has no scores
};

struct ManyClusters {
    std::vector<ClusterRow> rows;
    bool patterns = false;  ///< ability and trigger columns were given
    double ability_threshold = std::numeric_limits<double>::quiet_NaN();
    double trigger_threshold = std::numeric_limits<double>::quiet_NaN();
    bool thresholds_are_means = true;
};

/// Pattern name for an ability/trigger pair against thresholds ("" when either is NaN).
std::string cluster_pattern(double ability, double trigger, double t_ability, double t_trigger);

/// UsageError when a named ability/trigger column is missing from a cluster.
ManyClusters compare_many(const std::vector<std::string>& names,
                          const std::vector<ScoredRelation>& clusters,
                          const std::vector<std::string>& ability_columns,
                          const std::vector<std::string>& trigger_columns,
                          double ability_threshold = std::numeric_limits<double>::quiet_NaN(),
                          double trigger_threshold = std::numeric_limits<double>::quiet_NaN());

}  // namespace clusterlens::scoring
