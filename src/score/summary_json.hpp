// summary.json: the one writer of a ClusterSummary as JSON (JSON only at the edge).
// NaN is written as null; keys and their order are the documented file format (README
// "Output"), pinned byte for byte by tests/golden.
#pragma once

#include <nlohmann/json.hpp>

#include "src/score/summary.hpp"

namespace clusterlens::scoring {

nlohmann::ordered_json summary_json(const ClusterSummary& summary);

}  // namespace clusterlens::scoring
