#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "graphs/error.hpp"
#include "render/layouts.hpp"

namespace clusterlens::render {

// The units of the file (Pajek's 0..1, NetDraw's pixels) do not matter: the longer side is
// scaled to 40 pt per sqrt(actor), at least 300 pt.
void file_layout(View& v) {
    if (v.without_position > 0)
        throw UsageError(fmt::format(
            "--layout file: {} drawn actor{} no position in the file (first: '{}'); give every "
            "actor x and y, or choose another --layout",
            v.without_position, v.without_position == 1 ? " has" : "s have",
            v.first_without_position));
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const auto& nd : v.nodes) {
        x0 = std::min(x0, nd.fx), x1 = std::max(x1, nd.fx);
        y0 = std::min(y0, nd.fy), y1 = std::max(y1, nd.fy);
    }
    const double side = std::max(x1 - x0, y1 - y0);
    const double target = std::max(300.0, 40.0 * std::sqrt(static_cast<double>(v.nodes.size())));
    const double scale = side > 0 ? target / side : 1.0;
    for (auto& nd : v.nodes) {
        nd.x = (nd.fx - x0) * scale;
        nd.y = (nd.fy - y0) * scale;
    }
}

}  // namespace clusterlens::render
