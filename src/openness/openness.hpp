// Network openness (README, "Measures"): how far a cluster and each of its actors reach
// outside the region ("pipelines") rather than inside it ("buzz").
//
// The network holds one relation (the caller splits per relation), no self-loops, no parallel
// ties, weights w_e > 0. Notation: for a tie e, w_e its weight; for an actor i, T(i) the ties
// incident to i (in- and out-arcs in a directed network, so a mutual pair i->j, j->i is two
// ties), s_i = sum_{e in T(i)} w_e its strength, o(e, i) the other end of e.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

/// Per-actor openness, one entry per actor (index = actor index).
struct OpennessScores {
    std::vector<double> ext_ties;      ///< |{e in T(i) : o(e,i) is global}|
    std::vector<double> ext_strength;  ///< sum of w_e over those ties
    std::vector<double> ext_share;     ///< ext_strength_i / s_i; NaN when s_i = 0 (isolate)
    std::vector<double> ei;            ///< actor E-I on locality, binary (tie counts)
    std::vector<double> ei_valued;     ///< actor E-I on locality, valued (weights)
};

/// Openness of every actor, on the actors' locality (local | global | unspecified).
///
/// - ext_ties, ext_strength: the number and total weight of i's ties to global actors. These
///   depend only on the other end, so they are defined for every actor, whatever its own
///   locality ("global reach": for a global actor they count ties among outsiders).
/// - ext_share = ext_strength / s_i, with s_i the actor's whole strength, ties to actors of
///   unspecified locality included (so unspecified alters lower the share; check composition
///   first when localities are incomplete). NaN for isolates (0/0).
/// - ei: Krackhardt & Stern's E-I of the actor's own ties, EI_i = (E_i - I_i)/(E_i + I_i), with
///   E_i the ties whose other end has the other locality and I_i those whose other end has the
///   same locality; ties to actors of unspecified locality are left out. For a local actor
///   +1 = all ties are pipelines, -1 = all buzz. For a global actor "external" still means
///   "across the cluster boundary": +1 = all its ties reach into the cluster, -1 = it is tied
///   only to other outsiders. ei_valued replaces counts by summed weights. NaN when E_i + I_i
///   = 0 (isolates, or only ties to unspecified actors) and for actors whose own locality is
///   unspecified (their boundary is unknown).
///
/// Complexity O(n + m). Sources: Krackhardt & Stern (1988) Social Psychology Quarterly
/// 51(2):123-140; UCINET "E-I index" (individual level); external openness after Giuliani &
/// Bell (2005), whose exact formula is not published: this one is documented here instead.
OpennessScores openness(const Network& net);

/// Options of the E-I permutation test.
struct EiOptions {
    std::size_t permutations = 10000;  ///< 0 = no test (p-values NaN); UCINET's default 10,000
    std::uint64_t seed = 1;            ///< seed of std::mt19937_64
};

/// Krackhardt & Stern E-I index for a partition of the actors, with a permutation test.
struct EiResult {
    double whole_binary = 0;  ///< (E - I)/(E + I), E and I counted in ties
    double whole_valued = 0;  ///< the same with E and I as summed weights
    /// Per group g (every non-empty label given): E_g = ties with exactly one end in g (the
    /// other end's group known), I_g = ties with both ends in g, each tie counted once.
    std::map<std::string, double> group_binary, group_valued;
    /// UCINET's test asks "whether the network E-I index is significantly higher or lower
    /// than expected" (help hs4360) and reports both one-sided tails; so does this.
    /// Upper tail: the share of permutations whose whole-network E-I is >= the observed one;
    /// small = more open (more between-group ties) than chance.
    double p_binary = 0, p_valued = 0;
    /// Lower tail: the share with E-I <= the observed one; small = more inward-looking than
    /// chance (a lock-in indicator). Ties with the observed value count in both tails, so
    /// upper + lower >= 1. A two-sided p is 2 * min(upper, lower), capped at 1, left to the
    /// caller.
    double p_binary_lower = 0, p_valued_lower = 0;
    /// Mean whole-network E-I over the permutations (the chance level UCINET also prints).
    double perm_mean_binary = 0, perm_mean_valued = 0;
    std::size_t permutations = 0;
    std::uint64_t seed = 0;
};

/// E-I index of a partition (Krackhardt & Stern 1988): EI = (E - I)/(E + I), from -1 (all
/// ties inside groups) to +1 (all ties between groups).
///
/// - groups[i] is actor i's label (locality, part, or any attribute the caller picks);
///   "" = unknown: ties with an unknown end are left out of E and I everywhere, and actors with
///   an unknown label keep it in the permutations (only known labels are shuffled, so the
///   ties that count are the same in every permutation).
/// - Binary counts ties (UCINET's E-I, which ignores values); valued sums weights (UCINET's
///   Homophily for valued data). Directed networks: each arc is one tie, so a mutual pair
///   counts twice; in undirected networks each edge counts once (UCINET's symmetric matrix
///   counts both cells, which gives the same ratio).
/// - Group E-I counts each tie once (internal ties are not counted from both ends; tools
///   differ here and UCINET's help pages hs4360 and hs4375 do not say, so this is stated).
/// - NaN: whole or group E-I when E + I = 0 (no classifiable ties, empty network).
/// - Permutation test: the known labels are shuffled among the actors that carry them (group
///   sizes kept), `permutations` times, with a Fisher-Yates shuffle driven by std::mt19937_64
///   seeded with `seed` and an unbiased bounded draw written here (not std::shuffle or
///   std::uniform_int_distribution, whose algorithms differ between standard libraries), so a
///   seed gives the same p-values on every platform. p = (number of permutations with
///   EI_perm >= EI_obs) / permutations, a plain share (no +1 correction, so p can be 0: read
///   it as "< 1/permutations"); comparisons allow a relative 1e-12 for rounding. NaN when
///   permutations = 0 or EI_obs is NaN.
///
/// Throws UsageError when groups.size() differs from the number of actors.
/// Complexity O(n + m) plus, for the test, O(permutations * (n + Σ deg of the actors holding
/// a label other than the most common one)): only ties touching the smaller groups are
/// visited. Sources: Krackhardt & Stern (1988); UCINET help "E-I index" (hs4360) and "Homophily"
/// (hs4375).
/// `progress`, when set, is called now and then during the test with the share of
/// permutations done, in [0, 1] and never decreasing (progress on a terminal); must not throw.
/// `threads` (0 = the hardware's): with 2 or more, one thread draws the permutations while
/// another counts them (the same result bits for any number).
EiResult ei_index(const Network& net, const std::vector<std::string>& groups,
                  const EiOptions& options, const std::function<void(double)>& progress = {},
                  unsigned threads = 1);

/// Per-actor E-I of any partition (score --groups ATTR): binary and valued.
struct ActorEi {
    std::vector<double> binary, valued;
};

/// Krackhardt & Stern's E-I of each actor's own ties on the partition `groups` (groups[i] is
/// actor i's label, "" = unknown), the individual-level E-I of UCINET: EI_i = (E_i - I_i) /
/// (E_i + I_i), E_i the ties whose other end has another label, I_i those whose other end
/// has i's label; ties to actors of unknown label are left out; valued sums weights instead
/// of counting. NaN when E_i + I_i = 0 and for actors whose own label is unknown. With the
/// locality labels (locality_groups) it equals OpennessScores::ei and ei_valued. Directed
/// networks: in- and out-ties both count. UsageError when groups.size() differs from the
/// number of actors. O(n + m).
ActorEi actor_ei(const Network& net, const std::vector<std::string>& groups);

/// The actors' localities as E-I group labels: "local", "global", "" for unspecified.
std::vector<std::string> locality_groups(const Network& net);

}  // namespace clusterlens::scoring
