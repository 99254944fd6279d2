// Scoring one relation of a cluster network with every measure (issue 3): the driver behind
// `clusterlens score`. It runs the measure functions (one file pair per measure under src/),
// stores every per-actor and per-tie score as a named attribute on a copy of the network
// (scores flow as data, so render and users refer to them by name), and collects the
// network-level results, the options and the defaults used into a typed ClusterSummary
// (summary.hpp), which summary_json.hpp writes as summary.json.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "graphs/network.hpp"
#include "src/brokerage/gould_fernandez.hpp"
#include "src/centrality/centrality.hpp"
#include "src/communities/profile.hpp"
#include "src/coreperiphery/core_periphery.hpp"
#include "src/holes/burt.hpp"
#include "src/learning/learning_capacity.hpp"
#include "src/learning/lock_in.hpp"
#include "src/openness/openness.hpp"
#include "src/roles/typology.hpp"
#include "src/score/summary.hpp"
#include "src/ties/tie_strength.hpp"

namespace clusterlens::scoring {

struct ScoreOptions {
    CentralityOptions centrality;
    BurtOptions burt;
    TieStrengthOptions ties;
    TypologyOptions typology;
    LearningCapacityOptions learning_capacity;
    LockInOptions lock_in;
    EiOptions ei;
    BrokerageOptions brokerage;
    /// Partition for brokerage: "locality" (default), "part", "type", "group" or the name of
    /// any actor attribute.
    std::string groups = "locality";
    /// Community detection (issue 13), when set: actors get `community` (1 = the largest) and
    /// `community_stability` (CommunityResult::co_assignment), the summary its block and
    /// write_scored a communities.csv. With it, groups = "community" takes that partition.
    std::optional<CommunityOptions> communities;
    /// With sampling (betweenness_samples or closeness_samples < n) the E-I permutation test
    /// runs at most max(1000, permutation_budget / (n + 2m)) permutations and says so in the
    /// warnings (score.cpp, ei_options); without sampling every permutation asked for.
    double permutation_budget = 2e9;
    /// Called with the name of each stage before it runs (progress on long work), and with ""
    /// when the last has ended; may be empty.
    std::function<void(const std::string&)> progress;
    /// Called now and then during the long stages (the centrality searches, the E-I
    /// permutation tests) with the share of the current stage done, in [0, 1] and never
    /// decreasing within a stage; from one thread at a time, and it must not throw. May be
    /// empty.
    std::function<void(double)> share;
};

/// The columns of actors.csv and ties.csv, in order (issue 3 names them exactly).
const std::vector<std::string>& actor_columns();
const std::vector<std::string>& tie_columns();

struct ScoredRelation {
    Network network;         ///< the relation with every score as an attribute
    ClusterSummary cluster;  ///< network-level results, options and defaults (summary.json)
    std::vector<std::string> warnings;  ///< also in cluster.warnings
    /// Wall-clock seconds per stage, in order (not in summary.json, which stays reproducible).
    std::vector<std::pair<std::string, double>> timings;
    /// The actor attributes the input had, in its order, as named in network's attribute table
    /// and in actors.csv (after the scores): a name a score or actors.csv column already has,
    /// compared ignoring case, gets the prefix "attr_" (degree -> attr_degree).
    std::vector<std::string> input_attributes;
    /// One row per community (communities.csv); empty unless communities were asked for.
    std::vector<CommunityProfile> communities;
};

/// Scores a network that holds one relation (Network::select_relation). UsageError for a bad
/// option (e.g. an unknown --groups attribute).
ScoredRelation score_relation(const Network& relation, const ScoreOptions& options);

}  // namespace clusterlens::scoring

namespace clusterlens::scoring {

/// Writes OUTDIR/actors.csv, ties.csv, summary.json and network.graphml (every score as an
/// attribute), and communities.csv when communities were detected. actors.csv: actor_columns(),
/// betweenness_se and closeness_se (when sampled), ei_groups and ei_groups_valued (--groups),
/// community and community_stability (communities), then focal, stage and group when some actor
/// has one, then ScoredRelation::input_attributes. All files are written and checked before any
/// replaces an existing file. NaN is an empty cell in CSV and null in JSON.
/// Returns the files written.
std::vector<std::string> write_scored(const ScoredRelation& scored, const std::string& outdir,
                                      const std::vector<std::string>& inputs);

}  // namespace clusterlens::scoring
