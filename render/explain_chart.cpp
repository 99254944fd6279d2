// render_explain_chart: the coefficient panel and the scatter of `clusterlens explain`, laid out
// in the body of a composed page (compose.hpp) at their printed size, their axes drawn by
// QuadrantFrame (no threshold lines in the scatter; in the coefficient panel no y values, the
// rows are named here, and the line at β = 0).
#include "render/explain_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/canvas.hpp"
#include "render/compose.hpp"
#include "render/graphviz_support.hpp"
#include "render/legend.hpp"
#include "render/quadrant_frame.hpp"
#include "render/style.hpp"

namespace clusterlens::render {

std::string permutation_p_text(double p, bool at_floor) {
    if (!std::isfinite(p)) return "p = n/a";
    if (at_floor && p > 0) {
        // Up to one significant digit: 0.00009999 (1/10001) → 0.0001.
        const double unit = std::pow(10.0, std::floor(std::log10(p)));
        const double up = std::ceil(p / unit - 1e-9) * unit;
        return (up > p * (1 + 1e-9) ? "p < " : "p \u2264 ") + human_number(up);
    }
    if (p >= 0.001) return fmt::format("p = {:.3f}", p);
    return "p = " + human_number(p);
}

namespace {

/// Sizes in points at the printed size, as multiples of the body font size f where they go
/// with the text.
struct Sizes {
    double f;
    double row_nat = 2.2 * f, row_min = 1.5 * f, row_max = 3.2 * f;  ///< panel (a) rows
    double band = 0.6 * f;                                           ///< null band's thickness
    double dot = 0.8 * f;                                            ///< β's dot
    double point = std::max(4.0, 0.75 * f);                          ///< an actor's point
    double col_gap = 0.6 * f;         ///< between the name column, the plot and the p column
    double panel_gap = 2.5 * f;       ///< between the panels side by side
    double stack_gap = 1.5 * f;       ///< ... and one above the other
    double min_side = 15 * f;         ///< each plot at least this wide side by side
    double min_stacked = 8 * f;       ///< ... and one above the other
    double a_nat = 230, b_nat = 280;  ///< natural plot widths side by side
};

/// The figure's inks; greyscale: greys (the shapes and the line styles carry the rest).
struct Ink {
    std::string band;
    double band_alpha;
    std::string dot, point_fill, fit;
};
Ink ink(bool grey) {
    if (grey) return {"#bdbdbd", 1.0, "#000000", with_alpha("#606060", 0.6), "#000000"};
    // Okabe-Ito sky blue (band), blue (points, as the quadrant charts), vermillion (line).
    return {"#56b4e9", 0.6, "#000000", with_alpha("#0072b2", 0.6), "#d55e00"};
}

/// The least-squares line of y on x (b = Sxy / Sxx, a = ȳ − b x̄) from the smallest to the
/// largest x; none with fewer than two points or all x equal.
struct Fit {
    bool ok = false;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
Fit least_squares(const std::vector<double>& x, const std::vector<double>& y) {
    Fit fit;
    const auto n = static_cast<double>(x.size());
    if (x.size() < 2) return fit;
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        sxx += (x[i] - mx) * (x[i] - mx), sxy += (x[i] - mx) * (y[i] - my);
    if (!(sxx > 0)) return fit;
    const double b = sxy / sxx, a = my - b * mx;
    fit.ok = true;
    fit.x0 = *std::min_element(x.begin(), x.end());
    fit.x1 = *std::max_element(x.begin(), x.end());
    fit.y0 = a + b * fit.x0;
    fit.y1 = a + b * fit.x1;
    return fit;
}

/// What is drawn and measured once: the rows' texts, the axes' ranges and titles, the points.
struct Content {
    bool has_a = false, has_b = false;
    std::vector<std::string> name_html, p_html;
    std::vector<std::pair<double, double>> name_size, p_size;
    double names_w = 0, p_w = 0;
    Axes a_axes, b_axes;
    std::vector<std::size_t> drawn;  ///< chart.points drawn (finite x and y)
    std::vector<double> xs, ys;
    std::map<std::string, std::size_t> parts;  ///< part → shape index (sorted, as render's)
    Fit fit;
};

Content measure(const Composer& c, const Sizes& z, const ExplainChart& chart) {
    Content m;
    m.has_a = !chart.terms.empty();
    m.has_b = !chart.points.empty();
    std::vector<std::string> html;
    double lo = 0, hi = 0;  // panel (a): β, the bands and 0
    for (const auto& t : chart.terms) {
        m.name_html.push_back(font(c.f, html_text(t.name, 60)));
        m.p_html.push_back(font(c.f, html_text(permutation_p_text(t.p, t.p_at_floor))));
        for (const double v : {t.beta, t.null_lo, t.null_hi})
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    html = m.name_html;
    html.insert(html.end(), m.p_html.begin(), m.p_html.end());
    const auto sizes = measure_labels(html);
    const auto n = chart.terms.size();
    for (std::size_t i = 0; i < n; ++i) {
        m.name_size.push_back(sizes[i]);
        m.p_size.push_back(sizes[n + i]);
        // Browsers set text up to ~5 % wider than pango measures it (emit_labels): the
        // columns keep room for that; the texts are drawn at their measured width, so they
        // start at the column's left edge.
        m.names_w = std::max(m.names_w, 1.06 * sizes[i].first);
        m.p_w = std::max(m.p_w, 1.06 * sizes[n + i].first);
    }
    auto& a = m.a_axes;
    a.x_lo = lo, a.x_hi = hi > lo ? hi : lo + 1;
    a.y_lo = 0, a.y_hi = static_cast<double>(std::max<std::size_t>(n, 1));
    a.y_ticks = false;
    a.x_line = 0;
    a.x_title = "standardised coefficient (\u03b2)";
    a.id_prefix = "coef_";

    for (std::size_t i = 0; i < chart.points.size(); ++i) {
        const auto& p = chart.points[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        m.drawn.push_back(i);
        m.xs.push_back(p.x);
        m.ys.push_back(p.y);
        m.parts.emplace(p.part, 0);
    }
    std::size_t k = 0;
    for (auto& [part, index] : m.parts) index = k++;
    if (chart.fit_line) m.fit = least_squares(m.xs, m.ys);
    auto& b = m.b_axes;
    if (m.xs.empty()) {
        b.x_lo = 0, b.x_hi = 1, b.y_lo = 0, b.y_hi = 1;
    } else {
        b.x_lo = *std::min_element(m.xs.begin(), m.xs.end());
        b.x_hi = *std::max_element(m.xs.begin(), m.xs.end());
        b.y_lo = *std::min_element(m.ys.begin(), m.ys.end());
        b.y_hi = *std::max_element(m.ys.begin(), m.ys.end());
    }
    if (m.fit.ok)  // the line's ends stay on the plot
        b.y_lo = std::min({b.y_lo, m.fit.y0, m.fit.y1}),
        b.y_hi = std::max({b.y_hi, m.fit.y0, m.fit.y1});
    b.x_title = chart.x_title;
    b.y_title = chart.y_title;
    b.id_prefix = "scatter_";
    b.y_title_clear = true;
    b.inset = z.point;  // points at the extreme values clear of the axes
    return m;
}

/// Where the panels go, in body points (origin at the body's bottom-left, y up).
struct Plan {
    bool stacked = false;
    double w = 0, h = 0;  ///< the body
    std::optional<QuadrantFrame> fa, fb;
    double a_x0 = 0, a_top = 0, p_x = 0;  ///< panel (a): plot's left and top, the p column
    double b_x0 = 0, b_top = 0;
    Box a_box, b_box;  ///< each panel's whole extent
};

/// The panels' fixed widths (texts, tick values) beside their plots.
double fixed_a(const Content& m, const Sizes& z, const QuadrantFrame& f) {
    return m.names_w + z.col_gap + f.room_left() + std::max(f.room_right(), z.dot / 2) + z.col_gap +
           m.p_w;
}
double fixed_b(const QuadrantFrame& f) { return f.room_left() + f.room_right(); }

QuadrantFrame frame(const Composer& c, Axes axes, double w, double h) {
    axes.plot_w = w, axes.plot_h = h;
    return QuadrantFrame(c, std::move(axes), w);
}

/// The panels' fixed widths; 0 for a panel not drawn. (The room beside a plot does not depend
/// on the plot's size.)
std::pair<double, double> fixed_widths(const Composer& c, const Content& m, const Sizes& z) {
    return {m.has_a ? fixed_a(m, z, frame(c, m.a_axes, 100, 100)) : 0,
            m.has_b ? fixed_b(frame(c, m.b_axes, 100, 100)) : 0};
}

/// The panels in a body `bw` wide and `bh` high (0: as high as they need); UsageError when the
/// page is too small for them.
Plan plan(const Composer& c, const Content& m, const Sizes& z, double bw, double bh, bool stacked) {
    Plan p;
    p.stacked = stacked;
    p.w = bw;
    const auto n = static_cast<double>(m.a_axes.y_hi);
    // Widths: what the texts leave, shared in proportion to the natural plot widths.
    const auto [fa, fb] = fixed_widths(c, m, z);
    double da = bw - fa, db = bw - fb;
    if (m.has_a && m.has_b && !stacked) {
        const double free = bw - fa - fb - z.panel_gap;
        da = free * z.a_nat / (z.a_nat + z.b_nat);
        db = free - da;
    }
    const double least = stacked || !(m.has_a && m.has_b) ? z.min_stacked : z.min_side;
    const double short_by = std::max(m.has_a ? least - da : 0, m.has_b ? least - db : 0);
    if (short_by > 0 && c.p.width > 0)
        too_small("--width", c.p.width, "the coefficients and the scatter need",
                  c.p.width + short_by);
    da = std::max(da, least), db = std::max(db, least);
    // Heights: rows of row_nat (stretched towards the scatter's height up to row_max side by
    // side), the scatter 3/4 as high as wide (3/5 stacked); with --height, what the page has
    // (stacked: rows down to row_min before the scatter is lower than 3/5 of its width).
    auto probe_a = frame(c, m.a_axes, da, 100), probe_b = frame(c, m.b_axes, db, 100);
    const double a_room = m.has_a ? probe_a.room_top() + probe_a.room_bottom() : 0;
    const double b_room = m.has_b ? probe_b.room_top() + probe_b.room_bottom() : 0;
    double ha = m.has_a ? n * z.row_nat : 0, hb = 0;
    const bool side = m.has_a && m.has_b && !stacked;
    if (bh <= 0) {
        hb = side ? std::clamp(ha + a_room - b_room, 0.75 * db, db) : (stacked ? 0.6 : 0.75) * db;
        if (side) ha = std::clamp(hb + b_room - a_room, ha, n * z.row_max);
    } else if (side || !m.has_b) {
        ha = std::min(bh - a_room, n * z.row_max);
        hb = bh - b_room;
    } else {
        const double rest = bh - a_room - b_room - (m.has_a ? z.stack_gap : 0);
        // The scatter first, up to its natural height; the rows give way down to row_min.
        if (m.has_a) ha = std::clamp(rest - 0.6 * db, n * z.row_min, ha);
        hb = rest - ha;
    }
    if (bh > 0) {
        const double short_h =
            std::max(m.has_a ? n * z.row_min - ha : 0, m.has_b ? 6 * c.f - hb : 0);
        if (short_h > 0)
            too_small("--height", c.p.height,
                      side ? "the coefficients' rows and the scatter need"
                           : "the coefficients' rows and the scatter below them need",
                      c.p.height + short_h);
    }
    if (m.has_a) p.fa.emplace(frame(c, m.a_axes, da, ha));
    if (m.has_b) p.fb.emplace(frame(c, m.b_axes, db, hb));
    const double a_h = m.has_a ? ha + a_room : 0, b_h = m.has_b ? hb + b_room : 0;
    p.h = side ? std::max(a_h, b_h) : a_h + b_h + (m.has_a && m.has_b ? z.stack_gap : 0);
    if (bh > 0) p.h = std::max(p.h, bh);
    double top = p.h;  // panel (a) at the top left, (b) right of it or below
    if (m.has_a) {
        p.a_x0 = m.names_w + z.col_gap + p.fa->room_left();
        p.a_top = top - p.fa->room_top();
        p.p_x = p.a_x0 + da + std::max(p.fa->room_right(), z.dot / 2) + z.col_gap;
        p.a_box = {0, top - a_h, fa + da, top};
    }
    const double b_left = side ? fa + da + z.panel_gap : 0;
    if (!side && m.has_a) top -= a_h + z.stack_gap;
    if (m.has_b) {
        p.b_x0 = b_left + p.fb->room_left();
        p.b_top = top - p.fb->room_top();
        p.b_box = {b_left, top - b_h, b_left + fb + db, top};
    }
    p.w = std::max(p.a_box.x1, p.b_box.x1);  // bw, or wider when no --width and labels are long
    return p;
}

Row row(Row::Kind kind, std::string text) {
    Row r;
    r.kind = kind;
    r.text = std::move(text);
    return r;
}

std::vector<Section> legend(const Content& m, const Sizes& z, const Ink& k) {
    std::vector<Section> out;
    if (m.has_a) {
        Section s;
        s.push_back(row(Row::Kind::heading, "coefficients"));
        Row dot = row(Row::Kind::shape, "\u03b2 (standardised)");
        dot.shape = "circle", dot.fill = k.dot, dot.diameter = z.dot;
        s.push_back(dot);
        Row band = row(Row::Kind::tie, "null band: 95 % of permuted \u03b2");
        band.colour = k.band, band.alpha = k.band_alpha, band.width = z.band, band.style = "solid";
        s.push_back(band);
        out.push_back(s);
    }
    if (m.has_b && !m.drawn.empty()) {
        Section s;
        s.push_back(row(Row::Kind::heading, "shape: part"));
        for (const auto& [part, index] : m.parts) {
            Row r = row(Row::Kind::shape, part.empty() ? "(none)" : part);
            r.shape = shape_for_category(index), r.fill = k.point_fill, r.diameter = z.point;
            s.push_back(r);
        }
        if (m.fit.ok) {
            Row r = row(Row::Kind::tie, "least-squares line");
            r.colour = k.fit, r.alpha = 1, r.width = 1.2, r.style = "solid";
            s.push_back(r);
        }
        out.push_back(s);
    }
    return out;
}

/// A panel's plot as QuadrantFrame reads it: natural coordinates (0 .. plot size) at their
/// page position.
PageLayout panel_layout(const PageLayout& page, double body_h, double x0, double top,
                        double plot_h) {
    PageLayout L;
    L.plot_x0 = page.plot_x0 + x0;
    L.plot_y1 = page.plot_y1 - (body_h - top);
    L.nat_x0 = 0, L.nat_y1 = plot_h;
    return L;
}

/// Panel (a): the frame, then each row's name, p, band and dot.
void draw_terms(Builder& b, const Composer& c, const ExplainChart& chart, const Content& m,
                const Sizes& z, const Ink& k, const Plan& p, const PageLayout& page) {
    const auto& f = *p.fa;
    const auto L = panel_layout(page, p.h, p.a_x0, p.a_top, f.axes().plot_h);
    f.draw(b, c, L);
    const double n = f.axes().y_hi;
    for (std::size_t i = 0; i < chart.terms.size(); ++i) {
        const auto& t = chart.terms[i];
        const double y = L.py(f.y(n - static_cast<double>(i) - 0.5));
        const auto& [nw, nh] = m.name_size[i];
        b.text(fmt::format("term_name_{}", i), page.plot_x0, y, m.name_html[i], nw, nh);
        const auto& [pw, ph] = m.p_size[i];
        b.text(fmt::format("term_p_{}", i), page.plot_x0 + p.p_x, y, m.p_html[i], pw, ph);
        if (std::isfinite(t.null_lo) && std::isfinite(t.null_hi))
            b.line(fmt::format("band_{}", i), L.px(f.x(t.null_lo)), y, L.px(f.x(t.null_hi)), y,
                   "solid", with_alpha(k.band, k.band_alpha), fmt::format("{:.2f}", z.band));
        if (!std::isfinite(t.beta)) continue;
        auto* dot = b.node(fmt::format("beta_{}", i), L.px(f.x(t.beta)), y);
        b.set(dot, "shape", "circle");
        b.set(dot, "fixedsize", "true");
        b.set(dot, "width", fmt::format("{:.4f}", z.dot / 72));
        b.set(dot, "height", fmt::format("{:.4f}", z.dot / 72));
        b.set(dot, "label", "");
        b.set(dot, "style", "filled");
        b.set(dot, "fillcolor", k.dot);
        b.set(dot, "penwidth", "0.8");
    }
}

/// The scatter's points, fit line and labels (labels keep off panel (a) and the axes' texts).
void draw_points(Builder& b, const Composer& c, const ExplainChart& chart, const Content& m,
                 const Sizes& z, const Ink& k, const Plan& p, const Composed& page) {
    const auto& f = *p.fb;
    const auto L = panel_layout(page.L, p.h, p.b_x0, p.b_top, f.axes().plot_h);
    f.draw(b, c, L);
    if (m.fit.ok)
        b.line("fit_line", L.px(f.x(m.fit.x0)), L.py(f.y(m.fit.y0)), L.px(f.x(m.fit.x1)),
               L.py(f.y(m.fit.y1)), "solid", k.fit, "1.2");
    if (m.drawn.empty()) {
        const std::string html = font(c.f, html_text("no actor has both values"));
        const auto size = measure_labels({html}).front();
        b.text("scatter_empty", L.px(f.axes().plot_w / 2) - size.first / 2,
               L.py(f.axes().plot_h / 2), html, size.first, size.second);
    }
    std::vector<Circle> circles;
    std::vector<std::size_t> owner;
    std::vector<std::string> html, ids;
    for (std::size_t j = 0; j < m.drawn.size(); ++j) {
        const auto& pt = chart.points[m.drawn[j]];
        const double x = L.px(f.x(pt.x)), y = L.py(f.y(pt.y));
        auto* n = b.node(fmt::format("point_{}", m.drawn[j]), x, y);
        b.set(n, "shape", shape_for_category(m.parts.at(pt.part)));
        b.set(n, "fixedsize", "true");
        b.set(n, "width", fmt::format("{:.4f}", z.point / 72));
        b.set(n, "height", fmt::format("{:.4f}", z.point / 72));
        b.set(n, "label", "");
        b.set(n, "style", "filled");
        b.set(n, "fillcolor", k.point_fill);
        b.set(n, "penwidth", "0.8");
        circles.push_back({x, y, z.point / 2});
        if (pt.label.empty()) continue;
        owner.push_back(j);
        html.push_back(font(c.f, html_text(pt.label, 32)));
        ids.push_back(fmt::format("label_{}", m.drawn[j]));
    }
    // Off panel (a), the tick values and the axis titles.
    const auto& P = page.L;
    std::vector<Box> keep_out;
    const auto at = [&](const Box& bx) {
        return Box{P.plot_x0 + bx.x0, P.plot_y1 - p.h + bx.y0, P.plot_x0 + bx.x1,
                   P.plot_y1 - p.h + bx.y1};
    };
    if (p.fa) keep_out.push_back(at(p.a_box));
    const double x0 = L.px(0), y0 = L.py(0);
    keep_out.push_back({at(p.b_box).x0, at(p.b_box).y0, x0, at(p.b_box).y1});
    keep_out.push_back({x0, at(p.b_box).y0, at(p.b_box).x1, y0});
    keep_out.push_back({x0, L.py(f.axes().plot_h), at(p.b_box).x1, at(p.b_box).y1});
    emit_labels(b, c, page, circles, owner, html, ids, keep_out);
}

}  // namespace

std::string render_explain_chart(const ExplainChart& chart, const std::string& format,
                                 const PageOptions& options) {
    check_figure_format(format);
    graphviz_context();
    const Composer c(options);
    const Sizes z{c.f};
    const Ink k = ink(options.greyscale);
    const Content m = measure(c, z, chart);
    PageParts parts;
    parts.title = chart.title;
    if (!chart.note.empty()) parts.headline = {chart.note};
    parts.legend = [&](double) {
        auto sections = legend(m, z, k);
        if (sections.empty()) return sections;
        measure_rows(sections, c.f);
        return sections;
    };
    const auto compose_body = [&](double w, double h) {
        parts.nat = Bounds{};
        parts.nat.add(0, 0, 0);
        parts.nat.add(w, h, 0);
        return compose(c, parts);
    };
    // 1. The body's width: what the page leaves beside the legend (its natural width, the
    // panels side by side, when no --width is given).
    const auto [fa, fb] = fixed_widths(c, m, z);
    double bw = m.has_a && m.has_b ? fa + z.a_nat + z.panel_gap + fb + z.b_nat
                : m.has_a          ? fa + 300
                : m.has_b          ? fb + 360
                                   : 0;
    const auto first = compose_body(bw, 1e-3);
    bw = first.L.plot_w;
    // The note wrapped at spaces to the page (compose wraps headlines only at " | ").
    if (!chart.note.empty()) {
        parts.headline.clear();
        for (const auto& l : c.wrap(chart.note, " ", first.L.width - 2 * c.m, false, c.f))
            parts.headline.push_back(l.text);
    }
    // 2. Side by side when both plots get min_side, else one above the other.
    bool stacked = false;
    if (m.has_a && m.has_b) {
        const double free = bw - fa - fb - z.panel_gap;
        stacked = std::min(free * z.a_nat, free * z.b_nat) / (z.a_nat + z.b_nat) < z.min_side;
    }
    // 3. With --height, the body's height: what the title block and a bottom legend leave.
    const double bh = options.height > 0 ? compose_body(bw, 1e6).L.plot_h : 0;
    const Plan p = plan(c, m, z, bw, bh, stacked);
    const auto page = compose_body(p.w, p.h);

    Builder b(false);
    emit_frame(b, c, page);
    if (p.fa) draw_terms(b, c, chart, m, z, k, p, page.L);
    if (p.fb) draw_points(b, c, chart, m, z, k, p, page);
    return b.render(format, page.L.width, page.L.height);
}

}  // namespace clusterlens::render
