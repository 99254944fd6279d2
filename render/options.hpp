// What a diagram draws and how (issue 4): the layout and the options of render_network. In
// their own header so the view, the layouts and the legend can read them without the drawing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "render/page.hpp"

namespace clusterlens::render {

/// `file`: the positions the input file carries (actor attributes x and y, y up; Pajek,
/// NetDraw VNA, GraphML from Gephi or yEd, GML), scaled to the page.
enum class Layout { concentric, sfdp, neato, fdp, dot, circo, file, position_map };

/// "concentric", "sfdp", ... ; nullopt-like: throws UsageError listing the choices.
Layout parse_layout(const std::string& name);
std::string to_string(Layout layout);

struct RenderOptions {
    Layout layout = Layout::concentric;
    std::string size_by = "betweenness";
    std::string color_by = "learning_capacity";
    std::string shape_by = "type";
    /// Labels for the `label_top` actors with the largest size score; all or none.
    enum class Labels { top, all, none } labels = Labels::top;
    std::size_t label_top = 15;
    std::string relation;  ///< informational (the caller selects the relation)
    std::string ego;       ///< actor id: draw only its neighbourhood
    std::size_t radius = 1;
    std::string title;     ///< "" = "Cluster innovation network"; page.title = false: none
    std::string label_by;  ///< actor attribute for label text ("" = label, else id)
    PageOptions page;      ///< print size, font size, legend place, greyscale
    std::uint64_t seed = 1;
    double min_weight = 0;     ///< ties lighter than this are left out
    std::size_t top_ties = 0;  ///< keep only the N strongest ties (0 = all)
    /// Collapse global actors into one node per value of this attribute (e.g. country, type).
    std::string collapse_external;
    /// Above this many actors, draw the top ones by size score (an overview) and say so.
    std::size_t max_actors = 1500;
    /// Tie colour: "" = by linkage (buzz, pipeline, outside); else a categorical tie attribute
    /// (learning_dimension, or `change` in a two-wave comparison), Okabe-Ito palette.
    std::string tie_colour_by;
    /// Draw only local actors (the buzz sub-network).
    bool only_local = false;
    /// Draw only ties of this linkage (buzz, pipeline, extra_local); "" = all.
    std::string only_linkage;
    /// Position map quadrant lines (NaN: the firms' means, as the typology's default).
    double internal_threshold = std::numeric_limits<double>::quiet_NaN();
    double external_threshold = std::numeric_limits<double>::quiet_NaN();
    /// The network is a community graph (community_graph.hpp): node area ∝ the size score
    /// (its scale starts at 0), no shape legend, and the legend counts communities and links.
    bool community_graph = false;
};

}  // namespace clusterlens::render
