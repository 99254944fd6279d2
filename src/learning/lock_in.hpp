// Lock-in diagnosis (Boschma 2005; Bathelt et al. 2004): a cluster whose learning
// is inward-looking, with few or concentrated pipelines to outside knowledge and dense local
// closure, risks lock-in. This is a diagnosis, not a fact: every indicator is reported with its
// value and threshold, and the flag says how many fired.
//
// Indicators (over the cluster's local actors L and its ties):
// - local_ei: E-I index of the local group, (E − I)/(E + I), E = ties local–global, I = ties
//   local–local (binary). Fires when <= ei_threshold (default −0.5: inward-looking).
// - pipelines_per_local_actor: (local–global ties) / |L|. Fires when < pipelines_threshold
//   (default 1: fewer pipelines than local actors).
// - pipeline_concentration: Herfindahl index Σ_i s_i² over local actors, s_i = i's share of all
//   pipelines. Fires when >= concentration_threshold (default 0.5: a few actors hold them).
// - local_density: density of the ties among local actors. Fires when >= density_threshold
//   (default 0.5: dense local closure).
// The lock-in flag is set when at least `min_fired` indicators fire (default 2). Undefined
// indicators (no local actors, no pipelines) are NaN and never fire.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

struct LockInOptions {
    double ei_threshold = -0.5;
    double pipelines_threshold = 1.0;
    double concentration_threshold = 0.5;
    double density_threshold = 0.5;
    std::size_t min_fired = 2;
};

struct LockInIndicator {
    std::string name;
    double value;
    std::string rule;  ///< e.g. "<= -0.5"
    bool fired;
};

struct LockInDiagnosis {
    /// The four indicators in the order above, each with its rule and whether it fired.
    std::vector<LockInIndicator> indicators;
    /// The indicators' values by name (the same numbers as indicators[k].value).
    double local_ei = 0, pipelines_per_local_actor = 0, pipeline_concentration = 0,
           local_density = 0;
    std::size_t fired = 0;
    bool lock_in = false;
    std::size_t local_actors = 0, pipelines = 0, local_ties = 0;
};

LockInDiagnosis lock_in(const Network& net, const LockInOptions& options);

}  // namespace clusterlens::scoring
