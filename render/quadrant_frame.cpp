#include "render/quadrant_frame.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "render/graphviz_support.hpp"
#include "render/page.hpp"
#include "render/style.hpp"

namespace clusterlens::render {

QuadrantFrame::QuadrantFrame(const Composer& c, Axes axes, double title_width)
    : a_(std::move(axes)) {
    auto& a = a_;
    x_ticks_ = nice_ticks(a.x_lo, a.x_hi);
    if (a.x_counts && x_ticks_.size() > 1 && x_ticks_[1] - x_ticks_[0] < 1) {
        x_ticks_.clear();  // whole contacts: ticks at whole numbers
        for (double v = std::floor(a.x_lo); v <= std::ceil(a.x_hi) + 1e-9; v += 1)
            x_ticks_.push_back(v);
    }
    if (a.y_ticks) y_ticks_ = nice_ticks(a.y_lo, a.y_hi);
    a.x_lo = x_ticks_.front(), a.x_hi = x_ticks_.back();
    if (a.y_ticks) a.y_lo = y_ticks_.front(), a.y_hi = y_ticks_.back();
    if (a.x_hi <= a.x_lo) a.x_hi = a.x_lo + 1;
    if (a.y_hi <= a.y_lo) a.y_hi = a.y_lo + 1;
    std::vector<std::string> html;
    for (const double v : x_ticks_) html.push_back(font(c.f, html_text(human_number(v))));
    for (const double v : y_ticks_) html.push_back(font(c.f, html_text(human_number(v))));
    const auto sizes = measure_labels(html);
    x_sizes_.assign(sizes.begin(), sizes.begin() + static_cast<long>(x_ticks_.size()));
    y_sizes_.assign(sizes.begin() + static_cast<long>(x_ticks_.size()), sizes.end());
    x_title_ = c.wrap(a.x_title, " ", title_width, false, c.f);
    y_title_ = c.wrap(a.y_title, " ", title_width, false, c.f);
    double widest = 0;
    for (const auto& s : y_sizes_) widest = std::max(widest, s.first);
    const double tick = 0.4 * c.f;
    left_ = widest + tick + 0.4 * c.f;
    double h = 0;
    for (const auto& l : x_title_) h += l.h;
    bottom_ = tick + (x_sizes_.empty() ? 0 : x_sizes_[0].second) + 0.3 * c.f + h + 0.3 * c.f;
    h = 0;
    for (const auto& l : y_title_) h += l.h;
    top_ = h + 0.6 * c.f;
    if (a.y_title_clear && !y_sizes_.empty() && h > 0)
        lift_ = std::max(0.0, y_sizes_.back().second / 2 + 0.25 * c.f - 0.5 * c.f);
    top_ += lift_;
    // The last x tick label is centred on the axis end: keep room for its half.
    right_ = x_sizes_.empty() ? 0 : x_sizes_.back().first / 2;
}

double QuadrantFrame::x(double value) const {
    if (a_.inset > 0)
        return a_.inset + (value - a_.x_lo) / (a_.x_hi - a_.x_lo) * (a_.plot_w - 2 * a_.inset);
    return (value - a_.x_lo) / (a_.x_hi - a_.x_lo) * a_.plot_w;
}

double QuadrantFrame::y(double value) const {
    if (a_.inset > 0)
        return a_.inset + (value - a_.y_lo) / (a_.y_hi - a_.y_lo) * (a_.plot_h - 2 * a_.inset);
    return (value - a_.y_lo) / (a_.y_hi - a_.y_lo) * a_.plot_h;
}

void QuadrantFrame::reserve(PageParts& parts) const {
    parts.nat.add(0, 0, 0);
    parts.nat.add(a_.plot_w, a_.plot_h, 0);
    parts.axis_left = left_;
    parts.axis_bottom = bottom_;
    parts.axis_top = top_;
    parts.axis_right = right_;
}

std::vector<Box> QuadrantFrame::draw(Builder& b, const Composer& c, const PageLayout& L) const {
    const auto& a = a_;
    const double x0 = L.px(0), x1 = L.px(a.plot_w), y0 = L.py(0), y1 = L.py(a.plot_h);
    const double tick = 0.4 * c.f;
    b.line(a.id_prefix + "axis_x", x0, y0, x1, y0, "solid", "#333333", "0.8");
    b.line(a.id_prefix + "axis_y", x0, y0, x0, y1, "solid", "#333333", "0.8");
    for (std::size_t i = 0; i < x_ticks_.size(); ++i) {
        const double x = L.px(this->x(x_ticks_[i]));
        b.line(fmt::format("{}tick_x_{}", a.id_prefix, i), x, y0, x, y0 - tick, "solid", "#333333",
               "0.6");
        const auto [w, h] = x_sizes_[i];
        b.text(fmt::format("{}axis_tick_x_{}", a.id_prefix, i), x - w / 2,
               y0 - tick - 0.1 * c.f - h / 2, font(c.f, html_text(human_number(x_ticks_[i]))), w,
               h);
    }
    for (std::size_t i = 0; i < y_ticks_.size(); ++i) {
        const double y = L.py(this->y(y_ticks_[i]));
        b.line(fmt::format("{}tick_y_{}", a.id_prefix, i), x0, y, x0 - tick, y, "solid", "#333333",
               "0.6");
        const auto [w, h] = y_sizes_[i];
        b.text(fmt::format("{}axis_tick_y_{}", a.id_prefix, i), x0 - tick - 0.25 * c.f - w, y,
               font(c.f, html_text(human_number(y_ticks_[i]))), w, h);
    }
    // Axis titles: x centred below the tick values, y above the axis, both horizontal.
    double y = y0 - tick - (x_sizes_.empty() ? 0 : x_sizes_[0].second) - 0.3 * c.f;
    for (std::size_t i = 0; i < x_title_.size(); ++i) {
        const auto& l = x_title_[i];
        b.text(fmt::format("{}axis_x_label_{}", a.id_prefix, i),
               std::max(c.m, (x0 + x1) / 2 - l.w / 2), y - l.h / 2, c.html(l, c.f), l.w, l.h);
        y -= l.h;
    }
    y = y1 + 0.5 * c.f + lift_;
    for (std::size_t i = y_title_.size(); i-- > 0;) {
        const auto& l = y_title_[i];
        b.text(fmt::format("{}axis_y_label_{}", a.id_prefix, i), std::max(c.m, x0 - left_),
               y + l.h / 2, c.html(l, c.f), l.w, l.h);
        y += l.h;
    }
    if (std::isfinite(a.x_line)) {
        const double x = L.px(this->x(a.x_line));
        b.line(a.id_prefix + "quadrant_x", x, y0, x, y1, "dashed", "#666666", "0.8");
    }
    if (std::isfinite(a.y_line)) {
        const double y2 = L.py(this->y(a.y_line));
        b.line(a.id_prefix + "quadrant_y", x0, y2, x1, y2, "dashed", "#666666", "0.8");
    }
    std::vector<Box> boxes;
    if (!std::isfinite(a.x_line) || !std::isfinite(a.y_line)) return boxes;
    const std::string names[] = {a.top_right, a.bottom_right, a.top_left, a.bottom_left};
    std::vector<std::string> html;
    for (const auto& name : names)
        html.push_back(font(1.1 * c.f, "<I>" + html_text(name) + "</I>"));
    const auto sizes = measure_labels(html);
    const char* ids[] = {"quadrant_tr", "quadrant_br", "quadrant_tl", "quadrant_bl"};
    const double pad = 0.5 * c.f;
    for (std::size_t i = 0; i < 4; ++i) {
        if (names[i].empty()) continue;
        const auto [w, h] = sizes[i];
        const bool right = i < 2, top = i % 2 == 0;
        const double left_x = right ? x1 - pad - w : x0 + pad;
        const double mid_y = top ? y1 - pad - h / 2 : y0 + pad + h / 2;
        auto* n = b.text(a.id_prefix + ids[i], left_x, mid_y, html[i], w, h);
        b.set(n, "fontcolor", "#555555");
        boxes.push_back({left_x, mid_y - h / 2, left_x + w, mid_y + h / 2});
    }
    return boxes;
}

}  // namespace clusterlens::render
