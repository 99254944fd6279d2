// Local versus global linkage structure within one cluster (README, "Local versus global";
// Bathelt, Malmberg & Maskell 2004; Boschma & ter Wal 2007): the network split into
//   buzz      the local sub-network: every local actor (L, n_L of them) and the ties among them;
//   pipelines the ties between a local and a global actor (G: the n_G global actors);
// reported side by side, with who holds the pipelines and how much the cluster depends on its
// gatekeepers. Actors of unspecified locality take part in neither side (counted apart).
//
// Per side (ties t, weights w; "strong" as in tie_strength: weight > the median weight of the
// whole network's ties, or >= the given threshold):
// - ties, strength Σw, mean tie strength Σw / ties (NaN without ties), strong_share;
// - density: buzz 2t / (n_L(n_L − 1)) undirected, t / (n_L(n_L − 1)) directed; pipelines
//   t / (n_L · n_G), the share of possible local–global pairs (NaN when a factor is 0);
// - centralization (Freeman 1979, degree = distinct partners on that side, over local actors):
//   C = Σ_{i∈L} (d_max − d_i) / C*, C* = (n_L − 1)(n_L − 2) for buzz (the star),
//   (n_L − 1) · n_G for pipelines (one local actor tied to every global actor, the rest to
//   none); NaN when C* = 0;
// - components: connected components of the side's graph over its actors (buzz: all of L,
//   isolates included; pipelines: L and the global actors with a pipeline), direction ignored.
// Pipeline holders: per local actor its pipelines (ties to global actors) and their share of
// all pipelines;
// concentration = Herfindahl Σ s_i² over L (as lock_in's indicator); the top holders.
// Gatekeeper dependence: of the global actors reached by at least one pipeline, the share
// whose every local partner is a technological gatekeeper (firm_typology), i.e. the external
// reach lost if the gatekeepers were removed; NaN when no global actor is reached.
// Per local actor (Boschma & ter Wal keep these apart): local degree and local betweenness
// (Brandes, within the buzz sub-network only, unordered pairs once when undirected), pipeline
// count and strength, and the typology.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "graphs/network.hpp"
#include "src/roles/typology.hpp"

namespace clusterlens::scoring {

struct SideMeasures {
    std::size_t actors = 0, ties = 0, components = 0;
    double strength = 0, density = 0, mean_strength = 0, strong_share = 0, centralization = 0;
};

struct LocalActorRow {
    std::size_t actor;  ///< index in the network
    double local_degree, local_betweenness;
    double pipelines, pipeline_strength, pipeline_share;
    std::string typology;
};

struct LocalGlobalComparison {
    std::size_t local_actors = 0, global_actors = 0, unspecified_actors = 0;
    std::size_t extra_local_ties = 0;  ///< global–global ties (in neither side)
    double strong_threshold = 0;
    bool threshold_is_median = true;
    SideMeasures buzz, pipelines;
    double pipeline_concentration = 0;  ///< Herfindahl over local actors; NaN without pipelines
    std::size_t global_reached = 0, reached_only_via_gatekeepers = 0;
    double gatekeeper_dependence = 0;       ///< NaN when no global actor is reached
    std::vector<LocalActorRow> local_rows;  ///< local actors, by pipelines (desc) then index
};

struct LocalGlobalOptions {
    /// Strong ties: weight >= this; NaN: weight > the median weight of all ties.
    double strong_threshold = std::numeric_limits<double>::quiet_NaN();
    TypologyOptions typology;
};

/// The comparison for a network holding one relation. UsageError for several relations.
LocalGlobalComparison compare_local_global(const Network& net, const LocalGlobalOptions& options);

}  // namespace clusterlens::scoring
