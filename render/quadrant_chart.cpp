// render_quadrant_chart: labelled points in the quadrant frame the position map uses.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/compose.hpp"
#include "render/diagram.hpp"
#include "render/graphviz_support.hpp"
#include "render/quadrant_frame.hpp"
#include "render/style.hpp"

namespace clusterlens::render {

std::string render_quadrant_chart(const QuadrantChart& q, const std::string& format,
                                  const PageOptions& options) {
    check_figure_format(format);
    graphviz_context();
    const Composer c(options);
    Axes a;
    a.x_lo = 0, a.y_lo = 0;
    a.x_hi = std::max(2 * q.x_threshold, 1e-9), a.y_hi = std::max(2 * q.y_threshold, 1e-9);
    for (const auto& p : q.points) {
        if (std::isfinite(p.x)) a.x_lo = std::min(a.x_lo, p.x), a.x_hi = std::max(a.x_hi, p.x);
        if (std::isfinite(p.y)) a.y_lo = std::min(a.y_lo, p.y), a.y_hi = std::max(a.y_hi, p.y);
    }
    a.x_line = q.x_threshold, a.y_line = q.y_threshold;
    a.x_title = fmt::format("{} (line at {})", q.x_name, human_number(q.x_threshold));
    a.y_title = fmt::format("{} (line at {})", q.y_name, human_number(q.y_threshold));
    a.top_right = q.top_right, a.bottom_right = q.bottom_right;
    a.top_left = q.top_left, a.bottom_left = q.bottom_left;
    a.plot_w = 480, a.plot_h = 360;
    const QuadrantFrame frame(c, a, options.width > 0 ? options.width * 0.7 : 480);
    std::vector<double> xs, ys;
    std::vector<std::size_t> index;  // the points drawn (finite x and y)
    for (std::size_t i = 0; i < q.points.size(); ++i) {
        const auto& p = q.points[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        xs.push_back(frame.x(p.x));
        ys.push_back(frame.y(p.y));
        index.push_back(i);
    }
    const double width = 0.18;  // inches, every point
    const auto spread = spread_overlapping(xs, ys, 0.8 * (width * 72));
    PageParts parts;
    frame.reserve(parts);
    parts.title = q.title;
    if (spread > 0)
        parts.headline.push_back(
            fmt::format("{} overlapping point{} spread around {} value (deterministic spiral)",
                        spread, spread == 1 ? "" : "s", spread == 1 ? "its" : "their"));
    const auto page = compose(c, parts);
    const auto& L = page.L;
    Builder b(false);
    emit_frame(b, c, page);
    const auto quadrant_names = frame.draw(b, c, L);
    std::vector<Circle> circles;
    std::vector<std::size_t> owner;
    std::vector<std::string> html, ids;
    for (std::size_t j = 0; j < index.size(); ++j) {
        const double x = L.px(xs[j]), y = L.py(ys[j]), dp = printed_diameter(width, L.k);
        auto* n = b.node("cluster_" + std::to_string(index[j]), x, y);
        b.set(n, "shape", "circle");
        b.set(n, "fixedsize", "true");
        b.set(n, "width", fmt::format("{:.4f}", dp / 72));
        b.set(n, "height", fmt::format("{:.4f}", dp / 72));
        b.set(n, "label", "");
        b.set(n, "style", "filled");
        b.set(n, "fillcolor", options.greyscale ? "#606060" : qualitative_colour(4));
        circles.push_back({x, y, dp / 2});
        owner.push_back(j);
        html.push_back(font(c.f, html_text(q.points[index[j]].label, 32)));
        ids.push_back("label_" + std::to_string(index[j]));
    }
    emit_labels(b, c, page, circles, owner, html, ids, quadrant_names);
    return b.render(format, L.width, L.height);
}

}  // namespace clusterlens::render
