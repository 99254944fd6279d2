// Where each compared metric lives in summary.json, written down by the tests (not taken from
// the product): the comparison tables are computed from the typed ClusterSummary, summary.json
// by its own writer, so the two meet only if both wirings are right.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace clusterlens::testing {

inline const std::map<std::string, std::string>& summary_pointers() {
    static const std::map<std::string, std::string> m = {
        {"actors", "/actors"},
        {"ties", "/ties"},
        {"density", "/density"},
        {"components", "/components"},
        {"largest_component_share", "/largest_component_share"},
        {"transitivity", "/transitivity"},
        {"degree_centralization", "/centralization/degree"},
        {"betweenness_centralization", "/centralization/betweenness"},
        {"cluster_openness_local_ei", "/ei_locality/cluster_openness"},
        {"whole_network_ei", "/ei_locality/whole_binary"},
        {"pipelines", "/pipelines/count"},
        {"pipelines_per_local_actor", "/pipelines/per_local_actor"},
        {"local_density", "/lock_in/indicators/3/value"},
        {"pipeline_concentration_hhi", "/pipelines/concentration_hhi"},
        {"gatekeeper_reach_share", "/pipelines/gatekeeper_reach_share"},
        {"mean_tie_strength", "/tie_strength/mean_weight"},
        {"strong_tie_share", "/tie_strength/strong_share"},
        {"brokerage_total_z", "/brokerage/z/total"},
        {"typology_technological_gatekeeper", "/typology/counts/technological_gatekeeper"},
        {"typology_mutual_exchanger", "/typology/counts/mutual_exchanger"},
        {"typology_external_star", "/typology/counts/external_star"},
        {"typology_isolated", "/typology/counts/isolated"},
        {"lock_in_flag", "/lock_in/flag"},
        {"lock_in_indicators_fired", "/lock_in/fired"}};
    return m;
}

/// The metric's value in a summary.json: a count absent from it (a role nobody has) is 0, a
/// flag 1/0, null NaN.
inline double summary_value(const nlohmann::ordered_json& s, const std::string& metric) {
    const nlohmann::ordered_json::json_pointer p(summary_pointers().at(metric));
    if (!s.contains(p)) return 0.0;
    const auto& v = s.at(p);
    if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
    return v.is_number() ? v.get<double>() : std::nan("");
}

}  // namespace clusterlens::testing
