// Core–periphery structure (Borgatti & Everett 2000, continuous model; Giuliani 2007 for its
// concentration): is the cluster's knowledge network organised around a cohesive core of actors
// with a periphery tied mostly to the core, and how concentrated is coreness?
//
// Model: each actor i has a coreness c_i >= 0 and the tie between i and j is expected to be
// c_i·c_j. The coreness vector minimises the squared residuals over all pairs i != j,
//   R(c) = Σ_{i≠j} (a_ij − c_i c_j)²,
// with a_ij = 1 for a tie (binary data; direction ignored: a_ij = a_ji = 1 when i and j are tied
// either way). This is the "minres" fit Borgatti & Everett describe as equivalent to maximising
// the correlation between A and the pattern c·cᵀ up to scale. It is solved by exact coordinate
// descent: holding the others fixed, the best c_i is Σ_{j≠i} a_ij c_j / Σ_{j≠i} c_j² (R never
// increases), starting from degree, until the largest change is below 1e-10 relative or 2,000
// sweeps (reported). A star has no finite optimum (the centre grows, the leaves shrink towards
// 0), so it stops at the sweep limit with the leaves near 0. Reported coreness is scaled so max c
// = 1.
// - fit: Pearson correlation between a_ij and c_i c_j over all pairs i < j (Borgatti & Everett's
//   measure of how well the network matches an ideal core–periphery pattern); computed in
//   O(n + m) from sums, without forming the n² pairs.
// - concentration: Herfindahl index Σ_i s_i², s_i = c_i / Σ_j c_j (Giuliani 2007 reports an
//   HH index on coreness; its exact formula is not confirmed, so this one is documented here).
//   1/n when coreness is uniform, 1 when one actor holds it all.
// Undefined: fewer than 3 actors or no ties: coreness 0, fit and concentration NaN. Isolates get
// coreness 0. Complexity O(sweeps · (n + m)).
#pragma once

#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

struct CorePeripheryResult {
    std::vector<double> coreness;  ///< per actor, max 1
    double fit = 0;
    double concentration = 0;
    std::size_t sweeps = 0;
    bool converged =
        false;  ///< false: stopped at 2,000 sweeps (e.g. a star, whose optimum is at infinity)
};

CorePeripheryResult borgatti_everett_core_periphery(const Network& net);

}  // namespace clusterlens::scoring
