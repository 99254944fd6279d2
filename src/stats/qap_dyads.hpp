// The dyadic variables of a QAP test (qap.hpp) from networks: relations as tie-value matrices
// and dyadic covariates built from actor attributes.
//
// Relation r: Z_ij = the weight of the tie i→j of relation r (an undirected tie gives Z_ij =
// Z_ji), 0 when there is none; with `binary`, 1 for a tie and 0 otherwise. The diagonal is not
// a dyad (self-loops are dropped on load anyway).
//
// Covariates (--covariates), for the dyad of actors i and j:
//   same_locality  1 when both have the same locality (local/global), else 0
//   same_type      1 when both have the same actor type
//   same_part      1 when both are in the same part (core/assisting/external)
//   both_local     1 when both are local (a buzz pair), else 0
//   same:ATTR      1 when i and j have the same value of ATTR: an actor attribute column, or
//                  one of the actor fields type, part, locality, stage, group, focal
//   diff:ATTR      |x_i − x_j| for a numeric attribute ATTR (e.g. size: the size gap)
// All are symmetric. Missing values: a covariate is missing on a dyad when its attribute is
// missing (empty, NaN, unspecified locality/part/type) on either end; such a dyad is dropped
// listwise, for every variable. A value missing on actor i removes every dyad of i, so this is
// the same as leaving actor i out, which is what is done (the permutations then relabel the
// actors that remain); the actors left out and the dyads dropped are reported.
//
// Two networks (two waves): actors are matched as `compare A B` matches them (two_networks.hpp:
// by id, or by label when either network's ids are positions and both have usable labels;
// --match id|label|auto); the dyads are those among the actors present in both, the others are
// counted. Y is B's relation (the later wave), the first predictor A's; covariates come from
// B's attributes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/compare/two_networks.hpp"
#include "src/stats/qap.hpp"

namespace clusterlens::scoring {

enum class CovariateKind { same, diff, both_local };

struct DyadicCovariate {
    std::string name;  ///< as given: same_type, same:size, diff:size, both_local, ...
    CovariateKind kind;
    std::string attribute;  ///< the field or column (locality for both_local)
};

/// Parses one --covariates item. UsageError naming the item and the forms for anything else.
DyadicCovariate parse_covariate(const std::string& text);

struct DyadicBuild {
    bool binary = false;
    std::vector<DyadicCovariate> covariates;
};

struct DyadicSet {
    DyadicData data;
    std::vector<std::string> actor_ids;        ///< the actors used, in order
    std::size_t actors_given = 0;              ///< before any was left out
    std::vector<std::string> dropped_actors;   ///< ids left out for a missing covariate value
    std::vector<std::string> dropped_because;  ///< per dropped actor: the covariate missing
    std::size_t dyads_dropped = 0;             ///< the dyads they took with them
    // Two networks only:
    std::string matching;                      ///< how actors were matched and why
    std::size_t only_in_a = 0, only_in_b = 0;  ///< actors left out, present in one wave only
};

/// The name of relation r as a variable: the relation's name, or "ties" when unnamed.
std::string relation_variable(const Network& net, std::uint32_t relation);

/// Y = relations[0], the predictors relations[1..] and then the covariates. UsageError for a
/// relation listed twice, an unknown attribute (naming those there are), diff: on text, or no
/// actor pair left.
DyadicSet relation_dyads(const Network& net, const std::vector<std::uint32_t>& relations,
                         const DyadicBuild& build);

/// Y = B's relation rb, the first predictor A's relation ra, then the covariates (from B).
/// UsageError when one network is directed and the other not; InputError for --match label
/// with labels that do not identify the actors; UsageError when fewer than two actors match.
DyadicSet wave_dyads(const Network& a, std::uint32_t ra, const Network& b, std::uint32_t rb,
                     const DyadicBuild& build, const TwoNetworkOptions& match);

}  // namespace clusterlens::scoring
