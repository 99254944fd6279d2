// The validate report: what is in a loaded network (actors by part, type and locality, ties by
// relation, density, components), the input policies applied and every warning, printed or as
// JSON.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/size/composition.hpp"

namespace clusterlens::app {

/// The report as JSON (validate --json).
nlohmann::ordered_json summary_json(const Network& net, const scoring::Composition& c);

/// The report as validate prints it.
void print_network_summary(const Network& net, const scoring::Composition& c, std::ostream& out);

/// Writes summary_json to `path` atomically; UsageError when `path` is one of `inputs`.
void write_validation_report(const Network& net, const scoring::Composition& c,
                             const std::string& path, const std::vector<std::string>& inputs);

}  // namespace clusterlens::app
