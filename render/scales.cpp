#include "render/scales.hpp"

#include <algorithm>
#include <limits>

#include "render/style.hpp"

namespace clusterlens::render {

Scales scale_view(View& v, bool numeric_colour, bool size_from_zero) {
    Scales s;
    s.numeric_colour = numeric_colour;
    // Sizes (area ∝ score); merged groups by their number of members.
    std::vector<double> sizes;
    for (const auto& nd : v.nodes)
        sizes.push_back(nd.actor == kNone ? std::numeric_limits<double>::quiet_NaN()
                                          : nd.size_value);
    if (size_from_zero) sizes.push_back(0);  // the range starts at 0
    auto size_t01 = normalise(sizes, s.size_lo, s.size_hi);
    if (size_from_zero) size_t01.pop_back();
    std::size_t max_members = 1;
    for (const auto& nd : v.nodes)
        if (nd.actor == kNone) max_members = std::max(max_members, nd.members);
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        auto& nd = v.nodes[i];
        const double t = nd.actor == kNone
                             ? static_cast<double>(nd.members) / static_cast<double>(max_members)
                             : size_t01[i];
        nd.width = node_width(t);
    }
    std::vector<double> colours;
    for (const auto& nd : v.nodes) colours.push_back(nd.colour_value);
    s.colour_t01 = normalise(colours, s.colour_lo, s.colour_hi);
    for (const auto& nd : v.nodes) {
        if (nd.actor == kNone) continue;
        if (!numeric_colour) s.colour_cats.emplace(nd.colour_category, 0);
        s.shape_cats.emplace(nd.category, 0);
    }
    for (const auto& e : v.edges) s.dims.emplace(e.dimension, 0);
    for (auto* cats : {&s.colour_cats, &s.shape_cats, &s.dims}) {
        std::size_t k = 0;
        for (auto& [name, index] : *cats) index = k++;
    }
    // Ties: weights to [0, 1] (width and opacity use the square root, tie_level).
    std::vector<double> weights;
    for (const auto& e : v.edges) weights.push_back(e.weight);
    s.weight_t01 = normalise(weights, s.w_lo, s.w_hi);
    for (const auto& e : v.edges) s.kinds.insert(e.kind);
    return s;
}

}  // namespace clusterlens::render
