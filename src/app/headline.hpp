// The title block's numbers (actors by part, ties, the local group's E-I, mean tie strength,
// lock-in flag), from a score summary (summary_reads.hpp: headline_from_summary) or from a
// network scored earlier.
#pragma once

#include "graphs/network.hpp"
#include "render/diagram.hpp"
#include "src/app/summary_reads.hpp"
#include "src/learning/lock_in.hpp"

namespace clusterlens::app {

/// The headline of a network scored earlier (e.g. network.graphml from score), computed by the
/// functions score uses for summary.json.
render::Headline headline_from_network(const Network& net, const scoring::LockInOptions& lo);

}  // namespace clusterlens::app
