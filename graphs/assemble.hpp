// Assembly: RawNetwork (text cells from any reader) + Mapping -> Network, applying the input
// policies (README, "Input policies") once for every format:
// - actor ids must be non-empty and unique (duplicate: error naming both lines);
// - part/type values must be known (after the mapping's value maps; error lists accepted values);
// - locality: a locality column, else the mapping's rule, else derived from part
//   (core/assisting -> local, external -> global); part, when not given, is derived from
//   locality and type (global -> external; local firm types -> core; other local -> assisting);
// - weights: empty -> 1; non-numeric, NaN, infinite or 0 -> error; negative -> the
//   NegativeTies policy (default: one error for the file, with the count);
// - a tie to an actor missing from an actor table -> error, unless create_missing_actors;
//   when most tie ends are unknown, one error saying the id column is probably the wrong one
//   (naming the actor column the ends do match, if one does) instead of one per tie end;
// - self-loops are dropped and parallel ties (same ends and relation; either order when
//   undirected) summed, each counted in LoadReport with a warning naming the first instance;
// - direction: the mapping's `directed`, else any tie with Type=Directed, else the format's,
//   else undirected; in a directed network an Undirected tie becomes two arcs (counted);
// - knowledge_flow = target_to_source reverses every arc, so arcs point the way knowledge flows.
// Errors are collected (up to the limit) and thrown together as InputErrors.
#pragma once

#include <cstddef>
#include <string>

#include "graphs/mapping.hpp"
#include "graphs/network.hpp"
#include "graphs/raw.hpp"

namespace clusterlens {

/// What to do with ties whose weight is negative (a signed network: likes and dislikes).
enum class NegativeTies {
    error,  ///< one input error at the first, with the count and the other choices
    drop,   ///< leave them out (counted, with a warning)
    split   ///< read them as a relation of their own, `<relation>_negative` (`negative` when
            ///< the relation is unnamed), with the weight made positive
};

/// Parses error | drop | split; UsageError otherwise.
NegativeTies parse_negative_ties(const std::string& name);

struct AssembleOptions {
    bool create_missing_actors = false;
    NegativeTies negative = NegativeTies::error;
    std::size_t max_errors = 20;
};

Network assemble(RawNetwork raw, const Mapping& mapping, const AssembleOptions& options);

}  // namespace clusterlens
