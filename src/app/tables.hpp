// Cells of the workflow's tables: a number as a CSV cell and as a JSON value (NaN or infinity
// is an empty cell and null), and a row of comparison.csv.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "graphs/attributes.hpp"

namespace clusterlens::app {

inline std::string csv_number(double v) {
    return std::isfinite(v) ? format_number(v) : std::string();
}

inline nlohmann::ordered_json json_number(double v) {
    return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

/// A row of comparison.csv for one cluster: metric, local (buzz), global (pipelines), cluster,
/// definition. NaN where the metric has no value on that side.
struct MetricRow {
    std::string metric;
    double local, global, cluster;
    std::string definition;
};

}  // namespace clusterlens::app
