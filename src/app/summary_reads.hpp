// Every read of a score summary (scoring::ScoredRelation::summary, the JSON document behind
// summary.json) that the workflow layer makes, in these few functions, so they can move to
// typed fields in one place. Nothing else in src/app or src/cli reads the summary.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <vector>

#include "render/diagram.hpp"
#include "src/app/tables.hpp"
#include "src/score/score.hpp"

namespace clusterlens::app {

/// Title-block numbers from a score summary (the values summary.json holds).
render::Headline headline_from_summary(const nlohmann::ordered_json& summary);

/// The typology thresholds the scores were computed with, put into the figure options (so the
/// position map draws its quadrant lines where the table split the firms). Unset when null.
void apply_typology_thresholds(const nlohmann::ordered_json& summary, render::RenderOptions& ro);

/// The report `clusterlens score` prints for one relation.
void print_score_summary(const scoring::ScoredRelation& scored, std::ostream& out);

/// The lock-in rows of comparison.csv: one per indicator (lockin_<name>), then lockin_flag.
void append_lock_in_rows(const nlohmann::ordered_json& summary, std::vector<MetricRow>& rows);

/// Whether the lock-in flag is raised.
bool lock_in_flag(const nlohmann::ordered_json& summary);

/// The summary's lock-in and typology sections as they go into comparison.json.
const nlohmann::ordered_json& lock_in_section(const nlohmann::ordered_json& summary);
const nlohmann::ordered_json& typology_section(const nlohmann::ordered_json& summary);

}  // namespace clusterlens::app
