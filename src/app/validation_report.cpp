#include "src/app/validation_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <ostream>

#include "clusterlens/version.hpp"
#include "graphs/atomic_file.hpp"

namespace clusterlens::app {
namespace {

std::string percent(double share) {
    return std::isnan(share) ? "n/a" : fmt::format("{:.1f}%", 100.0 * share);
}

std::string counts(const std::map<std::string, std::size_t>& m, const char* unnamed) {
    std::string out;
    for (const auto& [k, v] : m)
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", k.empty() ? unnamed : k, v);
    return out;
}

}  // namespace

void print_network_summary(const Network& net, const scoring::Composition& c, std::ostream& out) {
    out << fmt::format("format: {}; read {}\n", net.report().format,
                       fmt::join(net.report().sources, ", "));
    if (net.metadata().count("mapping")) out << "mapping: " << net.metadata().at("mapping") << '\n';
    out << fmt::format("actors: {}\n", c.actors);
    out << "  by part:     " << counts(c.by_part, "(unspecified)") << '\n';
    out << "  by type:     " << counts(c.by_type, "(unspecified)") << '\n';
    out << "  by locality: " << counts(c.by_locality, "(unspecified)") << '\n';
    out << fmt::format("ties: {} ({})\n", c.ties, c.directed ? "directed" : "undirected");
    for (const auto& [rel, n] : c.by_relation)
        out << fmt::format("  relation {}: {} ties, density {:.4g}\n",
                           rel.empty() ? "(unnamed)" : rel, n, c.density_by_relation.at(rel));
    out << fmt::format("components: {}; largest {} actors ({}); isolates {}\n", c.components,
                       c.largest_component, percent(c.largest_component_share), c.isolates);
    const auto& r = net.report();
    out << fmt::format("policies: {} self-loops dropped, {} parallel ties merged (weights summed)",
                       r.self_loops_dropped, r.parallel_ties_merged);
    if (r.actors_created) out << fmt::format(", {} actors created", r.actors_created);
    if (r.mixed_undirected_ties)
        out << fmt::format(", {} undirected ties as two arcs", r.mixed_undirected_ties);
    if (r.arcs_reversed) out << ", arcs reversed to the knowledge-flow direction";
    out << '\n';
}

nlohmann::ordered_json summary_json(const Network& net, const scoring::Composition& c) {
    nlohmann::ordered_json j;
    j["clusterlens_version"] = kVersion;
    j["format"] = net.report().format;
    j["sources"] = net.report().sources;
    if (net.metadata().count("mapping")) j["mapping"] = net.metadata().at("mapping");
    j["actors"] = c.actors;
    j["ties"] = c.ties;
    j["directed"] = c.directed;
    j["actors_by_part"] = c.by_part;
    j["actors_by_type"] = c.by_type;
    j["actors_by_locality"] = c.by_locality;
    j["ties_by_relation"] = c.by_relation;
    nlohmann::ordered_json dens;
    for (const auto& [k, v] : c.density_by_relation)
        dens[k] = std::isnan(v) ? nlohmann::ordered_json() : nlohmann::ordered_json(v);
    j["density_by_relation"] = dens;
    j["components"] = c.components;
    j["largest_component"] = c.largest_component;
    j["largest_component_share"] = c.largest_component_share;
    j["isolates"] = c.isolates;
    const auto& r = net.report();
    j["self_loops_dropped"] = r.self_loops_dropped;
    j["parallel_ties_merged"] = r.parallel_ties_merged;
    j["actors_created"] = r.actors_created;
    j["undirected_ties_as_two_arcs"] = r.mixed_undirected_ties;
    j["arcs_reversed"] = r.arcs_reversed;
    std::vector<std::string> warnings;
    for (const auto& w : r.warnings) warnings.push_back(w.format());
    j["warnings"] = warnings;
    return j;
}

void write_validation_report(const Network& net, const scoring::Composition& c,
                             const std::string& path, const std::vector<std::string>& inputs) {
    OutputSet out(inputs);
    out.add(path) << summary_json(net, c).dump(2) << '\n';
    out.commit_all();
}

}  // namespace clusterlens::app
