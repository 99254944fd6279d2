#include "src/app/figures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "render/community_graph.hpp"
#include "src/app/headline.hpp"
#include "src/app/summary_reads.hpp"

namespace clusterlens::app {

bool has_scores(const Network& net) {
    for (const char* name : {"betweenness", "learning_capacity", "internal_connectivity"})
        if (net.actor_attributes().find(name) == nullptr) return false;
    return net.tie_attributes().find("linkage") != nullptr;
}

render::Diagram draw_prescored(const Network& net, const scoring::LockInOptions& lo,
                               const render::RenderOptions& ro, const std::string& format) {
    return render::render_network(net, headline_from_network(net, lo), ro, format);
}

render::Diagram draw_scored(const scoring::ScoredRelation& scored, render::RenderOptions ro,
                            const std::string& format) {
    apply_typology_thresholds(scored.cluster, ro);
    return render::render_network(scored.network, headline_from_summary(scored.cluster), ro,
                                  format);
}

scoring::CommunityResult add_communities(Network& net, const scoring::CommunityOptions& options) {
    auto found = scoring::detect_communities(net, options);
    std::vector<double> community(net.actor_count());
    for (std::size_t i = 0; i < community.size(); ++i) community[i] = found.membership[i] + 1;
    net.actor_attributes().set_numbers("community", std::move(community));
    return found;
}

std::string communities_note(const std::string& method, std::size_t runs, std::uint64_t seed,
                             std::uint64_t best_seed, std::size_t count, double modularity) {
    return fmt::format(
        "communities: {}, {} run{} from seed {}, kept seed {}: {} communit{}, modularity {} (the "
        "input has no `community` attribute)",
        method, runs, runs == 1 ? "" : "s", seed, best_seed, count, count == 1 ? "y" : "ies",
        std::isfinite(modularity) ? fmt::format("{:.3f}", modularity) : std::string("n/a"));
}

render::Diagram draw_community_graph(const Network& net, const scoring::LockInOptions& lo,
                                     render::RenderOptions ro, const std::string& format) {
    const auto reduced = render::community_graph(net);
    ro.community_graph = true;
    ro.size_by = "members";
    ro.color_by = "community";
    ro.shape_by = "type";
    ro.layout = render::Layout::neato;
    ro.labels = render::RenderOptions::Labels::all;
    ro.label_by.clear();
    ro.ego.clear();
    ro.collapse_external.clear();
    ro.tie_colour_by.clear();
    ro.only_local = false;
    ro.only_linkage.clear();
    auto d = render::render_network(reduced.network, headline_from_network(net, lo), ro, format);
    if (reduced.left_out > 0)
        d.notes.push_back(fmt::format("{} actors without a community left out", reduced.left_out));
    return d;
}

void write_figure(const render::Diagram& diagram, const std::string& path) {
    OutputSet out;
    out.add(path) << diagram.bytes;
    out.commit_all();
}

std::vector<std::pair<std::string, std::string>> FigureSet::files_of(
    const std::string& stem) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& f : options_.formats)
        out.emplace_back((std::filesystem::path(dir_) / (stem + "." + f)).string(), f);
    return out;
}

std::vector<std::string> FigureSet::paths(const std::vector<std::string>& stems) const {
    std::vector<std::string> out;
    for (const auto& stem : stems)
        for (const auto& [path, format] : files_of(stem)) out.push_back(path);
    return out;
}

void FigureSet::stage(OutputSet& out) const {
    for (const auto& [path, bytes] : drawn_) out.add(path) << bytes;
}

bool FigureSet::has_svg() const {
    return std::find(options_.formats.begin(), options_.formats.end(), "svg") !=
           options_.formats.end();
}

std::string FigureSet::svg(const std::string& stem) const {
    const auto path = (std::filesystem::path(dir_) / (stem + ".svg")).string();
    for (const auto& [p, bytes] : drawn_)
        if (p == path) return bytes;
    for (const auto& [s, bytes] : report_svgs_)
        if (s == stem) return bytes;
    return {};
}

std::ostream& TextSet::add(const std::string& path) {
    return files_.emplace_back(path, std::ostringstream()).second;
}

std::string TextSet::text(const std::string& path) const {
    for (const auto& [p, s] : files_)
        if (p == path) return s.str();
    return {};
}

void TextSet::stage(OutputSet& out) const {
    for (const auto& [path, s] : files_) out.add(path) << s.str();
}

}  // namespace clusterlens::app
