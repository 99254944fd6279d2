// Assembly: RawNetwork (text cells from any reader) + Mapping -> Network, applying the input
// policies of domain.md §5 once for every format:
// - actor ids must be non-empty and unique (duplicate: error naming both lines);
// - part/type values must be known (after the mapping's value maps; error lists accepted values);
// - locality: a locality column, else the mapping's rule, else derived from part
//   (core/assisting -> local, external -> global); part, when not given, is derived from
//   locality and type (global -> external; local firm types -> core; other local -> assisting);
// - weights: empty -> 1; non-numeric, NaN, infinite or <= 0 -> error;
// - a tie to an actor missing from an actor table -> error, unless create_missing_actors;
// - self-loops are dropped and parallel ties (same ends and relation; either order when
//   undirected) summed, each counted in LoadReport with a warning naming the first instance;
// - direction: the mapping's `directed`, else any tie with Type=Directed, else the format's,
//   else undirected; in a directed network an Undirected tie becomes two arcs (counted);
// - knowledge_flow = target_to_source reverses every arc, so arcs point the way knowledge flows.
// Errors are collected (up to the limit) and thrown together as InputErrors.
#pragma once

#include <cstddef>

#include "graphs/mapping.hpp"
#include "graphs/network.hpp"
#include "graphs/raw.hpp"

namespace clusterlens {

struct AssembleOptions {
    bool create_missing_actors = false;
    std::size_t max_errors = 20;
};

Network assemble(RawNetwork raw, const Mapping& mapping, const AssembleOptions& options);

}  // namespace clusterlens
