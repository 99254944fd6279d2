// Core–periphery structure (Borgatti & Everett 2000, continuous and discrete models; Giuliani 2007
// for its concentration): is the cluster's knowledge network organised around a cohesive core of
// actors with a periphery tied mostly to the core, and how concentrated is coreness?
//
// Model: each actor i has a coreness c_i >= 0 and the tie between i and j is expected to be
// c_i·c_j. The coreness vector minimises the squared residuals over all pairs i != j,
//   R(c) = Σ_{i≠j} (a_ij − c_i c_j)²,
// with a_ij = 1 for a tie (binary data; direction ignored: a_ij = a_ji = 1 when i and j are tied
// either way). This is the least-squares ("minres") fit. It is NOT the same as Borgatti &
// Everett's (2000) objective, the Pearson correlation between A and the pattern c·cᵀ: least
// squares also fits the scale of c·cᵀ to the 0/1 data, the correlation is free of scale and
// offset, so their optima differ (best correlation 0.5075 against minres's 0.4422 on Padgett's
// marriages, networkx.florentine_families_graph; 0.4805 against 0.4525 on Zachary's karate
// club; best of 20 L-BFGS-B starts, tests/data/oracle/core_periphery_oracle.py). `fit` below is
// therefore a lower bound on the continuous model's correlation, not its optimum.
// discrete_core_periphery() fits the paper's discrete model by its own objective, the
// correlation. The least-squares problem is solved by exact coordinate
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
    /// Pearson correlation between a_ij and c_i c_j over pairs i < j for the returned c (for
    /// borgatti_everett_core_periphery: the correlation of the least-squares fit, not the best).
    double fit = 0;
    double concentration = 0;
    std::size_t sweeps = 0;
    bool converged =
        false;  ///< false: stopped at 2,000 sweeps (e.g. a star, whose optimum is at infinity)
};

/// The least-squares (minres) continuous fit above; `fit` is the correlation its c attains.
CorePeripheryResult borgatti_everett_core_periphery(const Network& net);

/// What the ideal discrete pattern says about ties between a core and a periphery actor.
enum class CorePeripheryBlocks {
    excluded,  ///< not part of the pattern (treated as missing): only core–core (1) and
               ///< periphery–periphery (0) pairs are correlated
    ones,      ///< expected present: δ_ij = 1 when i or j is in the core
};

struct DiscreteCorePeripheryOptions {
    CorePeripheryBlocks blocks = CorePeripheryBlocks::excluded;
};

struct DiscreteCorePeriphery {
    std::vector<char> core;  ///< 1 = core, 0 = periphery, per actor
    std::size_t core_size = 0;
    double fit = 0;                ///< Pearson correlation of a_ij with the ideal pattern δ_ij
    double core_density = 0;       ///< ties / pairs within the core (NaN for < 2 core actors)
    double periphery_density = 0;  ///< ties / pairs within the periphery
    std::size_t sweeps = 0;
    bool converged = false;  ///< false: stopped at 2,000 sweeps of single-actor moves
};

/// Borgatti & Everett's (2000) discrete core/periphery model: the partition into core and
/// periphery maximising the Pearson correlation between a_ij (binary, direction ignored) and
/// the ideal pattern δ_ij (1 core–core, 0 periphery–periphery, core–periphery pairs
/// excluded or 1, see CorePeripheryBlocks), over pairs i < j (diagonal excluded), the
/// objective of UCINET's categorical CORE/PERIPHERY. From block counts, with N pairs in the
/// pattern, A of them tied, K with δ = 1 and X tied among those:
/// ρ = (N·X − A·K) / sqrt(A(N − A)·K(N − K)), each move of one actor O(1) after O(deg) upkeep.
/// Search (41 starts at most): the best degree threshold (the k actors of highest degree as
/// core), and for each of the 20 actors of highest degree the core {v} and {v} ∪ N(v); from
/// each, moves of one actor between core and periphery (in actor order, first improvement by
/// more than 1e-12) until none improves; the best end point is kept. A local optimum (UCINET
/// uses a genetic algorithm, also heuristic); it equals the exhaustive optimum on every network
/// of tests/data/oracle/core_periphery_oracle.py (7 to 16 actors, both block rules).
/// Undefined (fit NaN, everyone periphery): fewer than 3 actors or no ties. Deterministic.
/// O(starts · sweeps · (n + m)).
DiscreteCorePeriphery discrete_core_periphery(const Network& net,
                                              const DiscreteCorePeripheryOptions& options);

}  // namespace clusterlens::scoring
