#include "render/page.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numbers>

#include "graphs/attributes.hpp"
#include "graphs/error.hpp"

namespace clusterlens::render {

double parse_length(std::string_view text, std::string_view option) {
    struct Unit {
        const char* name;
        double points;
    };
    static constexpr Unit units[] = {
        {"cm", 72.0 / 2.54}, {"mm", 72.0 / 25.4}, {"in", 72.0}, {"pt", 1.0}, {"px", 0.75}};
    const std::string s(text);
    for (const auto& u : units) {
        const std::string_view name(u.name);
        if (s.size() < name.size() || s.compare(s.size() - name.size(), name.size(), name) != 0)
            continue;
        const auto v = parse_number(s.substr(0, s.size() - name.size()));
        if (!v) continue;
        if (!(*v > 0) || !std::isfinite(*v) || *v * u.points > 14400)
            throw UsageError(
                fmt::format("{} '{}' must be a size above 0 and at most 200in", option, s));
        return *v * u.points;
    }
    if (parse_number(s))
        throw UsageError(
            fmt::format("{} '{}' needs a unit: {}cm, {}mm, {}in or {}pt", option, s, s, s, s, s));
    throw UsageError(fmt::format(
        "{} '{}' is not a size; write a number with a unit: 17cm, 180mm, 7in or 500pt", option, s));
}

PageOptions::Legend parse_legend(std::string_view text) {
    if (text == "right") return PageOptions::Legend::right;
    if (text == "bottom") return PageOptions::Legend::bottom;
    if (text == "none") return PageOptions::Legend::none;
    throw UsageError("--legend '" + std::string(text) +
                     "' is not a place; choose right, bottom "
                     "or none");
}

std::string human_number(double v) {
    if (!std::isfinite(v)) return "n/a";
    if (v == 0) return "0";
    const double a = std::fabs(v);
    // Round to 3 significant digits first, then write without an exponent.
    const int magnitude = static_cast<int>(std::floor(std::log10(a)));
    const int decimals = std::max(0, 2 - magnitude);
    const double scale = std::pow(10.0, decimals);
    double r = std::round(a * scale) / scale;
    if (magnitude >= 3) {
        const double unit = std::pow(10.0, magnitude - 2);
        r = std::round(a / unit) * unit;
    }
    std::string s = fmt::format("{:.{}f}", r, decimals);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    const auto dot = s.find('.');
    const auto int_end = dot == std::string::npos ? s.size() : dot;
    for (int i = static_cast<int>(int_end) - 3; i > 0; i -= 3)
        s.insert(static_cast<std::size_t>(i), ",");
    return (v < 0 ? "-" : "") + s;
}

std::string thousands(std::size_t v) {
    auto s = std::to_string(v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
        s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) return {};
    if (hi < lo) std::swap(lo, hi);
    if (hi == lo) return {lo};
    const double raw = (hi - lo) / std::max(1, target);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    double step = p;
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= raw) {
            step = m * p;
            break;
        }
    std::vector<double> out;
    const double first = std::floor(lo / step + 1e-9) * step;
    for (int k = 0; k < 1000; ++k) {
        double t = first + k * step;
        if (std::fabs(t) < step * 1e-9) t = 0;  // no -0 and no 1e-17
        out.push_back(t);
        if (t >= hi - step * 1e-9) break;
    }
    return out;
}

double Box::overlap(const Box& o) const {
    const double w = std::min(x1, o.x1) - std::max(x0, o.x0);
    const double h = std::min(y1, o.y1) - std::max(y0, o.y0);
    return w > 0 && h > 0 ? w * h : 0;
}

bool Box::inside(const Box& outer) const {
    return x0 >= outer.x0 - 1e-9 && x1 <= outer.x1 + 1e-9 && y0 >= outer.y0 - 1e-9 &&
           y1 <= outer.y1 + 1e-9;
}

namespace {
/// A w × h box at distance d right, left, above and below (x, y), then at diagonal offset dd
/// in the four corners.
std::vector<Box> eight_around(double x, double y, double d, double dd, double w, double h) {
    return {{x + d, y - h / 2, x + d + w, y + h / 2}, {x - d - w, y - h / 2, x - d, y + h / 2},
            {x - w / 2, y + d, x + w / 2, y + d + h}, {x - w / 2, y - d - h, x + w / 2, y - d},
            {x + dd, y + dd, x + dd + w, y + dd + h}, {x - dd - w, y + dd, x - dd, y + dd + h},
            {x + dd, y - dd - h, x + dd + w, y - dd}, {x - dd - w, y - dd - h, x - dd, y - dd}};
}
}  // namespace

std::vector<Box> place_labels(const std::vector<Circle>& nodes,
                              const std::vector<std::size_t>& owner,
                              const std::vector<std::pair<double, double>>& size,
                              const std::vector<Box>& keep_out, const Box& page, double gap,
                              std::vector<char>* detached) {
    if (detached != nullptr) detached->assign(owner.size(), 0);
    std::vector<Box> placed;
    // Nodes as boxes: a label box touching a node's square is close enough to a collision.
    std::vector<Box> node_box;
    for (const auto& c : nodes) node_box.push_back({c.x - c.r, c.y - c.r, c.x + c.r, c.y + c.r});
    // A grid of node indices for the overlap queries (labels × nearby nodes, not all nodes).
    double cell = 0;
    for (const auto& s : size) cell = std::max({cell, s.first, s.second});
    cell = std::max(cell, 1.0);
    auto key = [&](double x, double y) {
        return std::make_pair(static_cast<long>(std::floor(x / cell)),
                              static_cast<long>(std::floor(y / cell)));
    };
    std::map<std::pair<long, long>, std::vector<std::size_t>> grid;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto [a0, b0] = key(node_box[i].x0, node_box[i].y0);
        const auto [a1, b1] = key(node_box[i].x1, node_box[i].y1);
        for (long a = a0; a <= a1; ++a)
            for (long b = b0; b <= b1; ++b) grid[{a, b}].push_back(i);
    }
    for (std::size_t l = 0; l < owner.size(); ++l) {
        const auto& c = nodes[owner[l]];
        const double w = size[l].first, h = size[l].second, d = c.r + gap;
        const double diag = c.r * std::numbers::sqrt2 / 2 + gap;
        // right, left, above, below, the four corners, then the sides again slid along the
        // node (still touching its side, still spanning its centre line).
        const double sy = 0.45 * h, sx = 0.45 * w;
        std::vector<Box> candidates = eight_around(c.x, c.y, d, diag, w, h);
        for (const Box& slid : {Box{c.x + d, c.y - h / 2 + sy, c.x + d + w, c.y + h / 2 + sy},
                                Box{c.x + d, c.y - h / 2 - sy, c.x + d + w, c.y + h / 2 - sy},
                                Box{c.x - d - w, c.y - h / 2 + sy, c.x - d, c.y + h / 2 + sy},
                                Box{c.x - d - w, c.y - h / 2 - sy, c.x - d, c.y + h / 2 - sy},
                                Box{c.x - w / 2 + sx, c.y + d, c.x + w / 2 + sx, c.y + d + h},
                                Box{c.x - w / 2 - sx, c.y + d, c.x + w / 2 - sx, c.y + d + h},
                                Box{c.x - w / 2 + sx, c.y - d - h, c.x + w / 2 + sx, c.y - d},
                                Box{c.x - w / 2 - sx, c.y - d - h, c.x + w / 2 - sx, c.y - d}})
            candidates.push_back(slid);
        double best_cost = std::numeric_limits<double>::infinity();
        Box best = candidates[0];
        auto cost_of = [&](const Box& box) {
            double cost = box.inside(page) ? 0 : 1e12;
            for (const auto& k : keep_out) cost += 1e6 * box.overlap(k);
            for (const auto& p : placed) cost += 100 * box.overlap(p);
            const auto [a0, b0] = key(box.x0, box.y0);
            const auto [a1, b1] = key(box.x1, box.y1);
            std::vector<std::size_t> seen;
            for (long a = a0; a <= a1; ++a)
                for (long b = b0; b <= b1; ++b) {
                    const auto it = grid.find({a, b});
                    if (it == grid.end()) continue;
                    for (const auto i : it->second) {
                        if (i == owner[l]) continue;
                        if (std::find(seen.begin(), seen.end(), i) != seen.end()) continue;
                        seen.push_back(i);
                        cost += box.overlap(node_box[i]);
                    }
                }
            return cost;
        };
        for (const auto& box : candidates) {
            const double cost = cost_of(box);
            if (cost < best_cost) best_cost = cost, best = box;
            if (cost == 0) break;
        }
        // Nowhere free beside the node: farther out in the eight directions, one label height
        // a step, with a leader line back to the node (the caller draws it).
        for (int ring = 1; ring <= 4 && best_cost > 0; ++ring) {
            const double far = d + ring * (h + 2 * gap);
            const auto out = eight_around(c.x, c.y, far, far * std::numbers::sqrt2 / 2, w, h);
            for (const auto& box : out) {
                const double cost = cost_of(box);
                if (cost < best_cost) {
                    best_cost = cost, best = box;
                    if (detached != nullptr) (*detached)[l] = 1;
                }
                if (cost == 0) break;
            }
        }
        placed.push_back(best);
    }
    return placed;
}

std::size_t spread_overlapping(std::vector<double>& x, std::vector<double>& y,
                               double min_distance) {
    std::size_t moved = 0;
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<std::size_t> stack(n, 0);  // points already spread around point i
    std::vector<double> ox = x, oy = y;    // original positions decide who overlaps whom
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(ox[i]) || !std::isfinite(oy[i])) continue;
        for (std::size_t j = 0; j < i; ++j) {
            if (std::hypot(ox[i] - ox[j], oy[i] - oy[j]) >= min_distance) continue;
            // Sunflower (Vogel 1979): the k-th point at radius d·sqrt(k), angle k·golden angle.
            const double k = static_cast<double>(++stack[j]);
            const double r = min_distance * std::sqrt(k);
            const double a = k * std::numbers::pi * (3 - std::sqrt(5.0));
            x[i] = ox[j] + r * std::cos(a);
            y[i] = oy[j] + r * std::sin(a);
            ++moved;
            break;
        }
    }
    return moved;
}

std::string exact_svg_size(std::string svg) {
    const auto root = svg.find("<svg ");
    if (root == std::string::npos) return svg;
    const auto end = svg.find('>', root);
    const auto vb = svg.find("viewBox=\"", root);
    if (vb == std::string::npos || vb > end) return svg;
    double x0 = 0, y0 = 0, w = 0, h = 0;
    if (std::sscanf(svg.c_str() + vb + 9, "%lf %lf %lf %lf", &x0, &y0, &w, &h) != 4) return svg;
    auto replace = [&](const std::string& name, double value) {
        const auto at = svg.find(" " + name + "=\"", root);
        if (at == std::string::npos || at > svg.find('>', root)) return;
        const auto start = at + name.size() + 3;
        const auto stop = svg.find('"', start);
        svg.replace(start, stop - start, fmt::format("{:.2f}pt", value));
    };
    replace("width", w);
    replace("height", h);
    return svg;
}

std::string fixed_pdf_date(std::string pdf) {
    static const std::string tag = "/CreationDate (D:";
    static const std::string epoch = "19700101000000";
    for (auto at = pdf.find(tag); at != std::string::npos; at = pdf.find(tag, at + 1)) {
        std::size_t i = at + tag.size(), k = 0;
        for (; i < pdf.size() && pdf[i] != ')'; ++i)
            if (pdf[i] >= '0' && pdf[i] <= '9') pdf[i] = k < epoch.size() ? epoch[k++] : '0';
    }
    return pdf;
}

}  // namespace clusterlens::render
