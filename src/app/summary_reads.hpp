// The workflow layer's reads of a score summary (scoring::ClusterSummary, typed): the title
// block, the typology thresholds a figure draws, the report `score` prints and the lock-in rows
// and sections of compare's tables.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <vector>

#include "render/diagram.hpp"
#include "src/app/tables.hpp"
#include "src/score/score.hpp"

namespace clusterlens::app {

/// Title-block numbers from a score summary.
render::Headline headline_from_summary(const scoring::ClusterSummary& summary);

/// The typology thresholds the scores were computed with, put into the figure options (so the
/// position map draws its quadrant lines where the table split the firms). Unset when undefined.
void apply_typology_thresholds(const scoring::ClusterSummary& summary, render::RenderOptions& ro);

/// The report `clusterlens score` prints for one relation.
void print_score_summary(const scoring::ScoredRelation& scored, std::ostream& out);
/// The communities found, in two lines: method, seed and runs; count, sizes, modularity,
/// stability and agreement with locality and type.
void print_community_summary(const scoring::CommunitySummary& c, std::ostream& out);

/// The lock-in rows of comparison.csv: one per indicator (lockin_<name>), then lockin_flag.
void append_lock_in_rows(const scoring::ClusterSummary& summary, std::vector<MetricRow>& rows);

/// The summary's lock-in and typology sections as they go into comparison.json.
nlohmann::ordered_json lock_in_section(const scoring::ClusterSummary& summary);
nlohmann::ordered_json typology_section(const scoring::ClusterSummary& summary);

}  // namespace clusterlens::app
