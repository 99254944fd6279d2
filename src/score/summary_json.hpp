// summary.json: the one writer of a ClusterSummary as JSON (JSON only at the edge).
// NaN is written as null; keys and their order are the documented file format (README
// "Output"), pinned byte for byte by tests/golden.
#pragma once

#include <nlohmann/json.hpp>

#include "src/score/summary.hpp"

namespace clusterlens::scoring {

nlohmann::ordered_json summary_json(const ClusterSummary& summary);

/// The "typology" and "lock_in" sections of summary.json on their own (compare's
/// comparison.json embeds them).
nlohmann::ordered_json typology_json(const ClusterSummary& summary);
nlohmann::ordered_json lock_in_json(const ClusterSummary& summary);
/// The "communities" section (also the summary.json of `clusterlens communities`).
nlohmann::ordered_json communities_json(const CommunitySummary& communities);

}  // namespace clusterlens::scoring
