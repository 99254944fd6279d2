// Annotated cluster diagrams: a scored Network drawn with Graphviz so that the figure
// shows, without a caption, who is core, assisting and external (shape, ring, outline), who is
// central or brokers (size), each actor's learning capacity (fill), how strong ties are
// (width, fading) and which ties are local buzz or global pipelines (solid / dashed), with a
// legend and a title block inside the figure.
//
// render/ reads scores as attributes by name: `size_by`, `color_by` and `shape_by`
// name actor attributes or model fields (part, type, locality, group, stage); tie styles use
// the `linkage` and `learning_dimension` tie attributes that `clusterlens score` writes, and
// fall back to the actors' localities.
//
// Every layout ends in one pinned render: positions are computed first (our concentric and
// position-map layouts, or a Graphviz engine run once on the bare network with seed `seed`),
// then the legend and title block are placed beside them and Graphviz's nop2 engine draws the
// lot, so the output is deterministic for a given input, options and Graphviz version.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "graphs/network.hpp"
#include "render/options.hpp"
#include "render/page.hpp"

namespace clusterlens::render {

/// Title-block numbers (the caller computes them with the scoring library, so they equal
/// summary.json).
struct Headline {
    std::vector<std::pair<std::string, std::size_t>> actors_by_part;  ///< e.g. core 12
    std::size_t actors = 0;
    std::size_t ties = 0;
    bool locality_known = true;  ///< false: openness and lock-in cannot be assessed
    double local_ei = std::numeric_limits<double>::quiet_NaN();  ///< the cluster's openness
    double mean_tie_strength = std::numeric_limits<double>::quiet_NaN();
    int lock_in = -1;  ///< 1 yes, 0 no, -1 not assessed
};

struct Diagram {
    std::string bytes;  ///< the file contents
    std::size_t actors_drawn = 0, ties_drawn = 0;
    std::size_t actors_left_out = 0, ties_left_out = 0;
    std::vector<std::string> notes;  ///< what the legend says was left out or merged
    double width = 0, height = 0;    ///< the page, points
    /// What each drawn node and tie stands for, by the ids of the SVG: the node `actor_i` (or
    /// `group_i`, a merged group) is nodes[i], the tie `tie_j` is ties[j]. The report reads them.
    struct DrawnNode {
        std::size_t actor;  ///< actor index; static_cast<std::size_t>(-1) for a merged group
        std::string label;
    };
    struct DrawnTie {
        std::size_t a, b;  ///< indices into nodes
        std::string kind;  ///< linkage: buzz | pipeline | extra_local
        double weight;
    };
    std::vector<DrawnNode> nodes;
    std::vector<DrawnTie> ties;
};

/// Draws `net` (one relation) in `format` (svg, png, pdf or dot). UsageError for an unknown
/// attribute, ego id or format; BackendError when Graphviz fails.
Diagram render_network(const Network& net, const Headline& headline, const RenderOptions& options,
                       const std::string& format);

/// A labelled scatter with two threshold lines and a name in each quadrant (e.g. the cluster
/// patterns of Lin, Chen & Chen 2018: ability x trigger). Values are plotted from 0 (or the
/// smallest value, if negative) to the largest value or twice the threshold.
struct QuadrantChart {
    std::string title, x_name, y_name;
    double x_threshold = 0, y_threshold = 0;
    std::string top_right, bottom_right, top_left, bottom_left;
    struct Point {
        std::string label;
        double x, y;
    };
    std::vector<Point> points;
};

/// Draws the chart in `format` (svg, png, pdf, dot) on a page as `page` says; labels are
/// escaped like actor labels; points on top of each other are spread (the figure says so).
std::string render_quadrant_chart(const QuadrantChart& chart, const std::string& format,
                                  const PageOptions& page = {});

}  // namespace clusterlens::render
