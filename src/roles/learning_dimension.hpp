// Learning dimensions and linkage of ties (Wang 2013, Fig. 1; Bathelt, Malmberg & Maskell 2004):
// which kind of learning a tie carries and whether it is local buzz or a global pipeline.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

struct LearningDimensionScores {
    /// Per tie, decided in this order:
    /// - "pipeline": one end local, the other global (a tie to an external source);
    /// - "horizontal": both ends firm-like (firm, customer, supplier, subcontractor) and local,
    ///   at the same value-chain stage;
    /// - "vertical": both firm-like and local, at different stages;
    /// - "firm_firm": both firm-like and local but a stage missing (not guessed);
    /// - "multi_angle": a local firm-like actor and a local institute (university, research,
    ///   government, intermediary, consultant);
    /// - "other": anything else (institute–institute, global–global, unknown types or locality).
    std::vector<std::string> learning_dimension;
    /// Per tie: "buzz" (local–local), "pipeline" (local–global) or "extra_local" (global–global:
    /// ties among the cluster's external partners, common in project data); "" when a locality
    /// is unspecified.
    std::vector<std::string> linkage;
    std::map<std::string, std::size_t> dimension_counts;
    std::map<std::string, std::size_t> linkage_counts;
};

/// Classifies every tie from the actors' locality, type and stage. O(m).
LearningDimensionScores learning_dimensions(const Network& net);

}  // namespace clusterlens::scoring
