// The view's values mapped to [0, 1] and to categories: what each encoding of style.hpp is
// given for each node and tie. Pure (no Graphviz). Internal to render.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "render/view.hpp"

namespace clusterlens::render {

struct Scales {
    bool numeric_colour = false;
    double size_lo = 0, size_hi = 0;      ///< range of the actors' size scores
    std::vector<double> colour_t01;       ///< per node (numeric colour)
    double colour_lo = 0, colour_hi = 0;  ///< range of the numeric colour
    /// Category → index, in sorted order: fill (categorical colour), shape (shape_by other
    /// than type; merged groups not counted), tie dimension.
    std::map<std::string, std::size_t> colour_cats, shape_cats, dims;
    std::vector<double> weight_t01;  ///< per edge
    double w_lo = 0, w_hi = 0;       ///< range of the drawn ties' weights
    std::set<std::string> kinds;     ///< linkages of the drawn ties
};

/// The scales of a view; sets each node's natural width (node_width: actors by their size
/// score's place in its range, merged groups by members over the largest group). With
/// `size_from_zero` the size range starts at 0 (t = score / largest score), so a node's area is
/// proportional to its score above node_width's floor.
Scales scale_view(View& v, bool numeric_colour, bool size_from_zero = false);

}  // namespace clusterlens::render
