#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/layouts.hpp"
#include "render/page.hpp"

namespace clusterlens::render {

QuadrantFrame position_map_layout(View& v, const RenderOptions& o, const Composer& c) {
    // build_view put each firm at (internal connectivity, external openness).
    double x_hi = 0, y_hi = 0, x_sum = 0, y_sum = 0;
    for (const auto& nd : v.nodes) {
        x_hi = std::max(x_hi, nd.x), y_hi = std::max(y_hi, nd.y);
        x_sum += nd.x, y_sum += nd.y;
    }
    const double count = std::max<double>(1, static_cast<double>(v.nodes.size()));
    Axes axes;
    axes.x_line = std::isfinite(o.internal_threshold) ? o.internal_threshold : x_sum / count;
    axes.y_line = std::isfinite(o.external_threshold) ? o.external_threshold : y_sum / count;
    axes.x_hi = std::max({x_hi, axes.x_line * 2, 1.0});
    axes.y_hi = std::max({y_hi, axes.y_line * 2, 1.0});
    axes.x_title = fmt::format("local internal connectivity (distinct local contacts; line at {})",
                               human_number(axes.x_line));
    axes.y_title = fmt::format("external openness (strength to global actors; line at {})",
                               human_number(axes.y_line));
    axes.x_counts = true;  // distinct local contacts
    axes.top_right = "technological gatekeeper";
    axes.bottom_right = "mutual exchanger";
    axes.top_left = "external star";
    axes.bottom_left = "isolated";
    axes.plot_w = 560, axes.plot_h = 420;
    const double room = o.page.width > 0 ? o.page.width * 0.6 : 560;
    QuadrantFrame frame(c, axes, room);
    std::vector<double> xs, ys;
    double mean_d = 0;
    for (const auto& nd : v.nodes) {
        xs.push_back(frame.x(nd.x));
        ys.push_back(frame.y(nd.y));
        mean_d += node_points(nd);
    }
    mean_d /= count;
    const std::size_t spread = spread_overlapping(xs, ys, 0.8 * mean_d);
    for (std::size_t i = 0; i < v.nodes.size(); ++i) v.nodes[i].x = xs[i], v.nodes[i].y = ys[i];
    v.notes.push_back(fmt::format("quadrant lines: internal {}, external {}",
                                  human_number(axes.x_line), human_number(axes.y_line)));
    if (spread > 0)
        v.notes.push_back(
            fmt::format("{} overlapping firm{} spread around {} value (deterministic spiral)",
                        spread, spread == 1 ? "" : "s", spread == 1 ? "its" : "their"));
    return frame;
}

}  // namespace clusterlens::render
