#include "render/compose.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "graphs/error.hpp"
#include "render/graphviz_support.hpp"
#include "render/style.hpp"

namespace clusterlens::render {

[[noreturn]] void too_small(const char* option, double given, const std::string& what,
                            double need) {
    throw UsageError(fmt::format(
        "{} {:.1f}cm is too small: {} a page at least {:.1f}cm ({:.0f}pt) {}; use a larger "
        "{}, --legend bottom or none, or a smaller --font-size",
        option, given / 72 * 2.54, what, need / 72 * 2.54, need,
        std::string(option) == "--width" ? "wide" : "high", option));
}

namespace {

/// A label on a faint white ground (legible over ties), with a leader line to its node when
/// it had to go farther out.
void emit_label(Builder& b, const std::string& id, const Box& box, const std::string& html,
                const std::pair<double, double>& size, const Circle& node, bool leader) {
    auto* n = b.text(id, box.x0, (box.y0 + box.y1) / 2, html, size.first, size.second);
    b.set(n, "style", "filled");
    b.set(n, "fillcolor", "#ffffffb3");
    b.set(n, "color", "#ffffff00");
    if (!leader) return;
    // From the node's edge to the nearest point of the label's box.
    const double px = std::clamp(node.x, box.x0, box.x1), py = std::clamp(node.y, box.y0, box.y1);
    const double dx = px - node.x, dy = py - node.y, len = std::hypot(dx, dy);
    if (len <= node.r) return;
    b.line(id + "_leader", node.x + dx / len * node.r, node.y + dy / len * node.r, px, py, "solid",
           "#555555", "0.5");
}

}  // namespace

Composer::Composer(const PageOptions& options)
    : p(options),
      f(options.font_size),
      m(std::max(6.0, options.font_size)),
      gap(1.5 * options.font_size) {}

std::vector<TitleLine> Composer::wrap(const std::string& text, const std::string& sep, double width,
                                      bool title, double size) const {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(sep, start);
        if (end == std::string::npos) end = text.size();
        if (end > start) pieces.push_back(text.substr(start, end - start));
        start = end + sep.size();
    }
    std::vector<TitleLine> out;
    std::size_t from = 0;
    while (from < pieces.size()) {
        std::vector<std::string> html;
        std::vector<TitleLine> tl;
        for (std::size_t to = from; to < pieces.size(); ++to) {
            TitleLine l;
            l.title = title;
            for (std::size_t k = from; k <= to; ++k) l.text += (k == from ? "" : sep) + pieces[k];
            html.push_back(this->html(l, size));
            tl.push_back(l);
        }
        const auto sizes = measure_labels(html);
        std::size_t take = 0;
        while (take + 1 < tl.size() && sizes[take + 1].first <= width) ++take;
        tl[take].w = sizes[take].first;
        tl[take].h = sizes[take].second;
        out.push_back(tl[take]);
        from += take + 1;
    }
    return out;
}

std::string Composer::html(const TitleLine& l, double size) const {
    return l.title ? font(size, html_text(l.text, 200), true) : font(size, html_text(l.text, 400));
}

Composed compose(const Composer& c, PageParts& parts) {
    const auto& p = c.p;
    Composed out;
    auto& L = out.L;
    const bool has_legend =
        static_cast<bool>(parts.legend) && p.legend != PageOptions::Legend::none;
    const bool right = has_legend && p.legend == PageOptions::Legend::right;
    const bool bottom = has_legend && p.legend == PageOptions::Legend::bottom;
    if (parts.nat.empty()) parts.nat.add(0, 0, 0);
    const double nat_w = parts.nat.x1 - parts.nat.x0, nat_h = parts.nat.y1 - parts.nat.y0;
    std::vector<std::pair<double, double>> at;
    std::vector<Section> first = has_legend ? parts.legend(1.0) : std::vector<Section>{};
    const auto [col_w, col_h] = arrange_legend(first, PageOptions::Legend::right, 0, c.gap, at);
    double widest = 0;
    for (const auto& s : first) widest = std::max(widest, section_width(s));
    double W = p.width;
    if (W <= 0) {
        double natural =
            2 * c.m + parts.axis_left + nat_w + parts.axis_right + (right ? c.gap + col_w : 0);
        if (bottom) natural = std::max(natural, 2 * c.m + widest);
        W = std::min(std::max(natural, 20 * c.f), 1152.0);
    }
    const double avail_w =
        W - 2 * c.m - parts.axis_left - parts.axis_right - (right ? c.gap + col_w : 0);
    if (avail_w < 4 * c.f)
        too_small("--width", W,
                  right ? "the drawing and the legend beside it need" : "the drawing needs",
                  W - avail_w + 4 * c.f);
    if (bottom && widest > W - 2 * c.m)
        too_small("--width", W, "the widest legend section needs", widest + 2 * c.m);
    double s = nat_w > 0 ? avail_w / nat_w : 1.0;
    if (p.width <= 0) s = std::min(s, 1.0);
    double T = 0;
    if (p.title) {
        if (!parts.title.empty())
            for (auto& l : c.wrap(parts.title, " ", W - 2 * c.m, true, 1.5 * c.f))
                out.title.push_back(l);
        for (const auto& line : parts.headline)
            for (auto& l : c.wrap(line, " | ", W - 2 * c.m, false, c.f)) out.title.push_back(l);
        for (const auto& l : out.title) T += l.h + 0.15 * c.f;
        if (!out.title.empty()) T += 0.8 * c.f;
    }
    const auto [bw, bh] =
        arrange_legend(first, PageOptions::Legend::bottom, W - 2 * c.m, c.gap, at);
    (void)bw;
    if (p.height > 0) {
        const double room =
            p.height - 2 * c.m - T - parts.axis_top - parts.axis_bottom - (bottom ? c.gap + bh : 0);
        if (room < 4 * c.f)
            too_small("--height", p.height,
                      bottom ? "the title block, the drawing and the legend below it need"
                             : "the title block and the drawing need",
                      p.height - room + 4 * c.f);
        if (nat_h > 0) s = std::min(s, room / nat_h);
    }
    L.s = s;
    L.k = std::min(s, 1.0);
    if (has_legend) out.legend = parts.legend(L.k);
    (void)col_h;
    if (p.height > 0 && right) {  // the legend at the size it is drawn
        const auto [w_k, h_k] =
            arrange_legend(out.legend, PageOptions::Legend::right, 0, c.gap, at);
        (void)w_k;
        if (h_k > p.height - 2 * c.m - T)
            too_small("--height", p.height,
                      "the title block and the legend beside the drawing need", h_k + 2 * c.m + T);
    }
    const auto [lw, lh] =
        arrange_legend(out.legend, right ? PageOptions::Legend::right : PageOptions::Legend::bottom,
                       W - 2 * c.m, c.gap, at);
    L.plot_w = nat_w * s;
    L.plot_h = nat_h * s;
    const double body = parts.axis_top + L.plot_h + parts.axis_bottom;
    const double H =
        p.height > 0 ? p.height
                     : 2 * c.m + T + std::max(body, right ? lh : 0.0) + (bottom ? c.gap + lh : 0.0);
    L.width = W;
    L.height = H;
    L.nat_x0 = parts.nat.x0;
    L.nat_y1 = parts.nat.y1;
    L.plot_x0 = c.m + parts.axis_left;
    L.plot_y1 = H - c.m - T - parts.axis_top;
    L.title_x = c.m;
    L.title_y = H - c.m;
    if (right) {
        L.legend_x = std::min(L.plot_x0 + L.plot_w + parts.axis_right + c.gap, W - c.m - lw);
        L.legend_y = H - c.m - T;
    } else if (bottom) {
        L.legend_x = c.m;
        L.legend_y = L.plot_y1 - L.plot_h - parts.axis_bottom - c.gap;
    }
    for (const auto& [x, y] : at) out.legend_at.emplace_back(L.legend_x + x, L.legend_y + y);
    out.legend_box =
        has_legend ? Box{L.legend_x, L.legend_y - lh, L.legend_x + lw, L.legend_y} : Box{};
    out.title_box = Box{c.m, H - c.m - T + 0.8 * c.f, W - c.m, H - c.m};  // the text, not the gap
    if (out.title.empty()) out.title_box = Box{};
    return out;
}

void emit_frame(Builder& b, const Composer& c, const Composed& page) {
    double y = page.L.title_y;
    for (std::size_t i = 0; i < page.title.size(); ++i) {
        const auto& l = page.title[i];
        b.text(i == 0 && l.title ? std::string("title") : fmt::format("title_{}", i),
               page.L.title_x, y - l.h / 2, c.html(l, l.title ? 1.5 * c.f : c.f), l.w, l.h);
        y -= l.h + 0.15 * c.f;
    }
    int item = 0;
    for (std::size_t s = 0; s < page.legend.size(); ++s)
        emit_section(b, page.legend[s], page.legend_at[s].first, page.legend_at[s].second, c.f,
                     item, "legend");
}

void emit_labels(Builder& b, const Composer& c, const Composed& page,
                 const std::vector<Circle>& nodes, const std::vector<std::size_t>& owner,
                 const std::vector<std::string>& html, const std::vector<std::string>& ids,
                 const std::vector<Box>& keep_out_too) {
    auto sizes = measure_labels(html);
    // Browsers set text up to ~5 % wider than pango measures it: place with room for that.
    for (auto& [w, h] : sizes) w *= 1.06;
    std::vector<Box> keep_out;
    if (page.legend_box.x1 > page.legend_box.x0) keep_out.push_back(page.legend_box);
    if (page.title_box.x1 > page.title_box.x0) keep_out.push_back(page.title_box);
    keep_out.insert(keep_out.end(), keep_out_too.begin(), keep_out_too.end());
    const auto& L = page.L;
    const Box whole{c.m / 2, c.m / 2, L.width - c.m / 2, L.height - c.m / 2};
    std::vector<char> detached;
    const auto boxes = place_labels(nodes, owner, sizes, keep_out, whole, 0.25 * c.f, &detached);
    for (std::size_t l = 0; l < owner.size(); ++l)
        emit_label(b, ids[l], boxes[l], html[l], sizes[l], nodes[owner[l]], detached[l] != 0);
}

}  // namespace clusterlens::render
