#include "src/app/figures.hpp"

#include <filesystem>

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

}  // namespace clusterlens::app
