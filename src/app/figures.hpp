// Figures of the workflow: a network drawn with its scores (scoring it first when it has
// none), and the sets of figures the compare forms write in every requested format.
#pragma once

#include <deque>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "graphs/atomic_file.hpp"
#include "graphs/network.hpp"
#include "render/diagram.hpp"
#include "src/app/compare_report.hpp"
#include "src/communities/communities.hpp"
#include "src/learning/lock_in.hpp"
#include "src/score/score.hpp"

namespace clusterlens::app {

/// True when the network already carries the scores `clusterlens score` writes.
bool has_scores(const Network& net);

/// Draws a network that already holds its scores (has_scores), the title block computed from
/// the network with the lock-in thresholds `lo`.
render::Diagram draw_prescored(const Network& net, const scoring::LockInOptions& lo,
                               const render::RenderOptions& ro, const std::string& format);

/// Draws a relation scored by scoring::score_relation, with the headline and the typology
/// thresholds of its summary.
render::Diagram draw_scored(const scoring::ScoredRelation& scored, render::RenderOptions ro,
                            const std::string& format);

/// Communities for `render --color-by community` on a network already scored without them:
/// detect_communities with `options` on `net`, written as actor attribute `community` (1 = the
/// largest, as score --communities writes it). Returns the detection for the caller's note.
scoring::CommunityResult add_communities(Network& net, const scoring::CommunityOptions& options);

/// The line that says which communities were computed: "communities: leiden, 10 runs, seed 1:
/// 4 communities, modularity 0.412 (the input has no `community` attribute)".
std::string communities_note(const std::string& method, std::size_t runs, std::uint64_t seed,
                             std::uint64_t best_seed, std::size_t count, double modularity);

/// The community graph of `net` (render::community_graph of its `community` attribute): one
/// node per community, area ∝ members, labelled with number and size, links as wide as the
/// ties between them weigh, neato with `ro.seed`, the title block of `net` itself.
render::Diagram draw_community_graph(const Network& net, const scoring::LockInOptions& lo,
                                     render::RenderOptions ro, const std::string& format);

/// Writes a drawn figure to `path` atomically.
void write_figure(const render::Diagram& diagram, const std::string& path);

/// How the compare forms print their figures: the formats (svg, png, pdf, dot), the page, and
/// the actor attribute labels come from (empty: the label, else the id); and the report.
struct FigureOptions {
    std::vector<std::string> formats = {"svg", "png"};
    render::PageOptions page;
    std::string label_by;
    CompareReportOptions report;
};

/// Figures drawn in memory, each in every format, before any file is written: OUTDIR/stem.format.
class FigureSet {
public:
    FigureSet(std::string dir, FigureOptions options)
        : dir_(std::move(dir)), options_(std::move(options)) {}

    const FigureOptions& options() const { return options_; }
    /// The files the figures `stems` go to, stem by stem, format by format.
    std::vector<std::string> paths(const std::vector<std::string>& stems) const;
    /// Draws `stem` once per format with draw(format) -> bytes, and as SVG for the report when
    /// one is wanted and SVG is not among the formats.
    template <class Draw>
    void add(const std::string& stem, Draw draw) {
        for (const auto& [path, format] : files_of(stem)) drawn_.emplace_back(path, draw(format));
        if (options_.report.wanted && !has_svg()) report_svgs_.emplace_back(stem, draw("svg"));
    }
    /// The SVG drawn for `stem` (empty if none was).
    std::string svg(const std::string& stem) const;
    /// Adds every figure drawn to `out`, in the order drawn.
    void stage(OutputSet& out) const;

private:
    std::vector<std::pair<std::string, std::string>> files_of(const std::string& stem) const;
    bool has_svg() const;

    std::string dir_;
    FigureOptions options_;
    std::vector<std::pair<std::string, std::string>> drawn_;        ///< (path, bytes)
    std::vector<std::pair<std::string, std::string>> report_svgs_;  ///< (stem, bytes)
};

/// Text outputs (CSV, JSON) written in memory first, so the report can hold them as the files
/// hold them, then staged into an OutputSet to be committed with the rest.
class TextSet {
public:
    /// The stream `path` is written with (it stays valid as more are added).
    std::ostream& add(const std::string& path);
    /// What was written to `path` (empty if it was not added).
    std::string text(const std::string& path) const;
    /// Adds every file to `out`, in the order added.
    void stage(OutputSet& out) const;

private:
    std::deque<std::pair<std::string, std::ostringstream>> files_;
};

}  // namespace clusterlens::app
