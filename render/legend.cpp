#include "render/legend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "render/graphviz_support.hpp"
#include "render/page.hpp"
#include "render/style.hpp"

namespace clusterlens::render {
namespace {

std::string row_html(const Row& r, double f) {
    return font(f, html_text(r.text, 90), r.kind == Row::Kind::heading);
}

}  // namespace

// ---- rows and sections ----------------------------------------------------------------

void measure_rows(std::vector<Section>& legend, double f) {
    std::vector<std::string> html;
    for (const auto& s : legend)
        for (const auto& r : s) html.push_back(row_html(r, f));
    const auto sizes = measure_labels(html);
    std::size_t i = 0;
    for (auto& s : legend)
        for (auto& r : s) {
            std::tie(r.text_w, r.text_h) = sizes[i++];
            switch (r.kind) {
                case Row::Kind::heading:
                case Row::Kind::text:
                    r.sample_w = 0;
                    break;
                case Row::Kind::shape:
                    r.sample_w = std::max(r.diameter, 1.2 * f) + 0.6 * f;
                    break;
                case Row::Kind::ramp:
                    r.sample_w = 0;
                    break;
                case Row::Kind::tie:
                    r.sample_w = 4 * f;
                    break;
            }
            r.w = r.sample_w + r.text_w;
            r.h = std::max(r.text_h, r.diameter) + 0.35 * f;
            if (r.kind == Row::Kind::heading) r.h += 0.3 * f;
            if (r.kind == Row::Kind::ramp) {
                r.w = std::max(r.text_w, 5 * 3.2 * f);
                r.h = 1.3 * f + r.text_h + 0.35 * f;
            }
        }
}

double section_width(const Section& s) {
    double w = 0;
    for (const auto& r : s) w = std::max(w, r.w);
    return w;
}

double section_height(const Section& s) {
    double h = 0;
    for (const auto& r : s) h += r.h;
    return h;
}

std::pair<double, double> arrange_legend(const std::vector<Section>& legend,
                                         PageOptions::Legend where, double width, double gap,
                                         std::vector<std::pair<double, double>>& at) {
    at.clear();
    double w = 0, h = 0;
    if (where == PageOptions::Legend::right) {
        for (const auto& s : legend) {
            at.emplace_back(0, -h);
            h += section_height(s) + (s.empty() ? 0 : gap * 0.4);
            w = std::max(w, section_width(s));
        }
        return {w, h};
    }
    double x = 0, y = 0, line_h = 0;
    for (const auto& s : legend) {
        const double sw = section_width(s), sh = section_height(s);
        if (x > 0 && x + sw > width) y += line_h + gap * 0.6, x = 0, line_h = 0;
        at.emplace_back(x, -y);
        x += sw + gap * 1.5;
        line_h = std::max(line_h, sh);
        w = std::max(w, x - gap * 1.5);
    }
    return {w, y + line_h};
}

void emit_section(Builder& b, const Section& s, double x, double top, double f, int& item,
                  const std::string& format_id) {
    double y = top;
    for (const auto& r : s) {
        const double mid = y - r.h / 2;
        const auto id = [&] { return fmt::format("{}_{}", format_id, item++); };
        switch (r.kind) {
            case Row::Kind::heading:
            case Row::Kind::text:
                b.text(id(), x, mid + (r.kind == Row::Kind::heading ? -0.15 * f : 0),
                       row_html(r, f), r.text_w, r.text_h);
                break;
            case Row::Kind::shape: {
                const double cx = x + std::max(r.diameter, 1.2 * f) / 2;
                auto* n = b.node(id(), cx, mid);
                b.set(n, "shape", r.shape);
                b.set(n, "fixedsize", "true");
                b.set(n, "width", fmt::format("{:.4f}", r.diameter / 72));
                b.set(n, "height", fmt::format("{:.4f}", r.diameter / 72));
                b.set(n, "label", "");
                b.set(n, "style", node_style(r.dashed));
                b.set(n, "fillcolor", r.fill);
                b.set(n, "penwidth", r.dashed ? "1.2" : "0.8");
                b.text(id(), x + r.sample_w, mid, row_html(r, f), r.text_w, r.text_h);
                break;
            }
            case Row::Kind::ramp: {
                const double bw = 3.2 * f, bh = 1.1 * f, by = y - 0.2 * f - bh / 2;
                for (std::size_t k = 0; k < r.ramp.size(); ++k) {
                    auto* n = b.node(id(), x + bw * (static_cast<double>(k) + 0.5), by);
                    b.set(n, "shape", "box");
                    b.set(n, "fixedsize", "true");
                    b.set(n, "width", fmt::format("{:.4f}", bw / 72));
                    b.set(n, "height", fmt::format("{:.4f}", bh / 72));
                    b.set(n, "label", "");
                    b.set(n, "style", "filled");
                    b.set(n, "fillcolor", r.ramp[k]);
                    b.set(n, "penwidth", "0.5");
                }
                b.text(id(), x, y - 0.2 * f - bh - 0.15 * f - r.text_h / 2, row_html(r, f),
                       r.text_w, r.text_h);
                break;
            }
            case Row::Kind::tie: {
                auto* a = b.anchor(id(), x, mid);
                auto* c = b.anchor(id(), x + 3.4 * f, mid);
                auto* e = b.edge(a, c);
                b.set(e, "id", fmt::format("legend_tie_{}", item++));
                b.set(e, "penwidth", fmt::format("{:.2f}", r.width));
                b.set(e, "color", with_alpha(r.colour, r.alpha));
                b.set(e, "style", r.style);
                b.set(e, "dir", "none");
                b.text(id(), x + r.sample_w, mid, row_html(r, f), r.text_w, r.text_h);
                break;
            }
        }
        y -= r.h;
    }
}

// ---- the network's legend -------------------------------------------------------------

namespace {

void heading(Section& s, const std::string& text) {
    Row r;
    r.kind = Row::Kind::heading;
    r.text = text;
    s.push_back(r);
}

void text(Section& s, const std::string& t) {
    Row r;
    r.text = t;
    s.push_back(r);
}

void sample(Section& s, std::string_view shape, double d, std::string_view fill, bool dashed,
            const std::string& text) {
    Row r;
    r.kind = Row::Kind::shape;
    r.shape = shape, r.diameter = d, r.fill = fill, r.dashed = dashed, r.text = text;
    s.push_back(r);
}

/// A tie sample of one linkage at tie level t, drawn as the network's ties (width, opacity,
/// line style); ties outside the cluster are not faded here, so the sample stays visible.
void tie(Section& s, std::string_view linkage, const std::string& colour, double t, double k,
         const std::string& label) {
    Row r;
    r.kind = Row::Kind::tie;
    r.colour = colour, r.style = linkage_style(linkage).style, r.width = tie_pen_width(t, k);
    r.alpha = tie_alpha(t, linkage == "extra_local" ? "buzz" : linkage);
    r.text = label;
    s.push_back(r);
}

Section shapes_section(const LegendInputs& in, double small) {
    const auto& v = in.view;
    const auto& o = in.options;
    Section shapes;
    heading(shapes, o.shape_by == "type" ? "shape: actor type" : "shape: " + o.shape_by);
    if (o.shape_by == "type") {
        std::set<std::pair<std::string_view, std::string_view>> seen;  // shape, meaning
        for (const auto& nd : v.nodes) {
            if (nd.actor == kNone) continue;
            const auto& row = type_shape(nd.type, nd.focal);
            seen.emplace(row.shape, row.legend);
        }
        for (const auto& [shape, meaning] : seen)
            sample(shapes, shape, small, "#ffffff", false, std::string(meaning));
    } else {
        for (const auto& [name, index] : in.scales.shape_cats)
            sample(shapes, shape_for_category(index), small, "#ffffff", false,
                   name.empty() ? "(none)" : name);
    }
    if (std::any_of(v.nodes.begin(), v.nodes.end(),
                    [](const Node& nd) { return nd.actor == kNone; }))
        sample(shapes, kGroupShape, small, kGroupFill, true,
               "global actors merged by " + o.collapse_external + " (size: actors merged)");
    bool any_local = false, any_global = false;
    for (const auto& nd : v.nodes) (nd.global ? any_global : any_local) = true;
    if (in.localities && any_local)
        sample(shapes, "circle", small, "#ffffff", false, "solid outline: local (in the region)");
    if (in.localities && any_global)
        sample(shapes, "circle", small, "#ffffff", true,
               "dashed outline: global (outside the region)");
    return shapes;
}

/// Communities (community_fill): one row per coloured community with its actors drawn, one for
/// the grey communities 8 and above, one for actors without a community.
void community_rows(const LegendInputs& in, double small, Section& fill) {
    const bool grey = in.options.page.greyscale;
    // community (0 = none) -> actors drawn; in a community graph, the members of each node.
    std::map<std::size_t, std::size_t> actors;
    for (const auto& nd : in.view.nodes)
        if (nd.actor != kNone)
            actors[community_number(nd.colour_value)] +=
                in.options.community_graph ? static_cast<std::size_t>(nd.size_value) : 1;
    const auto count = [](std::size_t n) {
        return fmt::format("{} actor{}", thousands(n), n == 1 ? "" : "s");
    };
    std::size_t rest = 0, first = 0, last = 0;
    for (const auto& [c, n] : actors) {
        if (c == 0) continue;
        if (c <= kCommunityColours) {
            sample(fill, "circle", small, community_fill(static_cast<double>(c), grey), false,
                   fmt::format("{} ({})", c, count(n)));
            continue;
        }
        rest += n, last = c;
        if (first == 0) first = c;
    }
    if (rest > 0)
        sample(fill, "circle", small, community_fill(static_cast<double>(first), grey), false,
               first == last
                   ? fmt::format("community {} ({})", first, count(rest))
                   : fmt::format("communities {}\u2013{} ({})", first, last, count(rest)));
    if (actors.count(0))
        sample(fill, "circle", small, community_fill(0, grey), false,
               fmt::format("no community ({})", count(actors.at(0))));
}

Section fill_section(const LegendInputs& in, double small) {
    const auto& o = in.options;
    const auto& sc = in.scales;
    const bool grey = o.page.greyscale;
    Section fill;
    if (sc.numeric_colour && o.color_by == "community") {
        heading(fill, "fill: community (1 = the largest)");
        community_rows(in, small, fill);
    } else if (sc.numeric_colour &&
               sc.colour_lo == sc.colour_hi) {  // one value: one swatch, no scale
        heading(fill, "fill: " + o.color_by);
        sample(fill, "circle", small, numeric_fill(0.5, grey), false,
               "every actor: " + human_number(sc.colour_lo));
    } else if (sc.numeric_colour) {
        heading(fill, fmt::format("fill: {} ({} to {})", o.color_by, human_number(sc.colour_lo),
                                  human_number(sc.colour_hi)));
        Row r;
        r.kind = Row::Kind::ramp;
        for (int s = 0; s <= 4; ++s) r.ramp.push_back(numeric_fill(s / 4.0, grey));
        r.text = fmt::format("{}  low  …  high  {}", human_number(sc.colour_lo),
                             human_number(sc.colour_hi));
        fill.push_back(r);
        if (std::any_of(in.view.nodes.begin(), in.view.nodes.end(), [](const Node& nd) {
                return nd.actor != kNone && !std::isfinite(nd.colour_value);
            }))
            sample(fill, "circle", small,
                   numeric_fill(std::numeric_limits<double>::quiet_NaN(), grey), false,
                   grey ? "white: undefined" : "grey: undefined");
    } else {
        heading(fill, "fill: " + o.color_by);
        for (const auto& [name, index] : sc.colour_cats)
            sample(fill, "circle", small, category_colour(name, index, grey), false,
                   name.empty() ? "(none)" : name);
    }
    return fill;
}

Section size_section(const LegendInputs& in, double k) {
    const auto& sc = in.scales;
    const auto& size_by = in.options.size_by;
    Section size;
    heading(size, fmt::format("size: {} ({} to {})", size_by, human_number(sc.size_lo),
                              human_number(sc.size_hi)));
    const bool one = sc.size_lo == sc.size_hi;
    if (one) size.back().text = "size: " + size_by;
    for (const double t : one ? std::vector<double>{0.5} : std::vector<double>{0.0, 0.25, 1.0}) {
        const double value = std::isfinite(sc.size_lo) ? sc.size_lo + t * (sc.size_hi - sc.size_lo)
                                                       : std::numeric_limits<double>::quiet_NaN();
        sample(size, "circle", printed_diameter(node_width(t), k), "#ffffff", false,
               one ? "every actor: " + human_number(value) : human_number(value));
    }
    return size;
}

Section ties_section(const LegendInputs& in, double k) {
    const auto& o = in.options;
    const auto& sc = in.scales;
    const bool grey = o.page.greyscale;
    Section ties;
    const std::string what = o.community_graph ? "links: width and opacity = total tie weight"
                                               : "ties: width and opacity = weight";
    heading(ties, sc.w_lo == sc.w_hi ? std::string(o.community_graph ? "links" : "ties")
                                     : fmt::format("{} ({} to {})", what, human_number(sc.w_lo),
                                                   human_number(sc.w_hi)));
    const auto& kinds = sc.kinds;
    if (!o.tie_colour_by.empty()) {
        for (const auto& [name, index] : sc.dims)
            tie(ties, "buzz", category_colour(name, index, grey), 0.6, k,
                o.tie_colour_by + ": " + (name.empty() ? "(none)" : name));
        // The line style still tells the linkage.
        if (kinds.size() > 1)
            for (const char* linkage : {"buzz", "pipeline", "extra_local", ""})
                if (kinds.count(linkage)) {
                    const auto& row = linkage_style(linkage);
                    tie(ties, linkage, "#555555", 0.6, k,
                        fmt::format("{}: {}", row.style, row.name));
                }
    } else {
        for (const char* linkage : {"buzz", "pipeline", "extra_local", ""}) {
            if (!kinds.count(linkage)) continue;
            const auto& row = linkage_style(linkage);
            const std::string_view name =
                row.linkage == "extra_local" && !in.localities ? "locality not given" : row.name;
            tie(ties, linkage, linkage_colour(linkage, grey), 1.0, k,
                row.detail.empty() ? fmt::format("{} ({})", name, row.style)
                                   : fmt::format("{} ({}): {}", name, row.style, row.detail));
        }
    }
    const std::string base = kinds.size() == 1 && kinds.count("plain") ? "plain" : "buzz";
    if (sc.w_lo == sc.w_hi) {  // normalise() puts equal values at 0.5
        tie(ties, base, base == "plain" ? linkage_colour(base, grey) : "#333333", tie_level(0.5), k,
            "every tie: weight " + human_number(sc.w_lo));
    } else {
        tie(ties, base, "#333333", tie_level(0.0), k, "weakest tie: " + human_number(sc.w_lo));
        tie(ties, base, "#333333", tie_level(1.0), k, "strongest tie: " + human_number(sc.w_hi));
    }
    return ties;
}

Section shown_section(const LegendInputs& in) {
    const auto& v = in.view;
    const auto& o = in.options;
    Section shown;
    heading(shown, "shown");
    std::vector<std::string> lines = v.notes;
    if (o.labels == RenderOptions::Labels::top) lines.push_back(in.label_rule);
    if (o.labels == RenderOptions::Labels::all)
        lines.push_back(o.community_graph ? "labels: community (members)" : "labels: every actor");
    if (o.labels == RenderOptions::Labels::none) lines.push_back("labels: none");
    std::size_t groups = 0;
    for (const auto& nd : v.nodes) groups += nd.actor == kNone ? 1 : 0;
    const std::size_t actors = v.nodes.size() - groups;
    if (o.community_graph)
        lines.push_back(fmt::format("{} communit{} and {} link{} drawn", thousands(actors),
                                    actors == 1 ? "y" : "ies", thousands(v.edges.size()),
                                    v.edges.size() == 1 ? "" : "s"));
    else
        lines.push_back(fmt::format("{} actor{}{} and {} tie{} drawn", thousands(actors),
                                    actors == 1 ? "" : "s",
                                    groups ? fmt::format(", {} merged groups", groups) : "",
                                    thousands(v.edges.size()), v.edges.size() == 1 ? "" : "s"));
    if (v.actors_left_out + v.ties_left_out > 0)
        lines.push_back(fmt::format("left out: {} actors, {} ties", thousands(v.actors_left_out),
                                    thousands(v.ties_left_out)));
    for (const auto& line : lines) text(shown, line);
    return shown;
}

}  // namespace

std::vector<Section> network_legend(const LegendInputs& in, double k) {
    const double small = std::max(0.9 * in.font_size, printed_diameter(0.2, k));
    std::vector<Section> legend;
    if (!in.options.community_graph) legend.push_back(shapes_section(in, small));
    legend.push_back(fill_section(in, small));
    legend.push_back(size_section(in, k));
    if (!in.view.edges.empty()) legend.push_back(ties_section(in, k));
    legend.push_back(shown_section(in));
    if (in.options.page.legend == PageOptions::Legend::right) {
        Section title;
        heading(title, "Legend");
        legend.insert(legend.begin(), title);
    }
    return legend;
}

// ---- the title block ------------------------------------------------------------------

TitleBlock title_block(const Headline& h, const RenderOptions& o) {
    const bool localities = h.locality_known;
    std::string actors;
    for (const auto& [part, count] : h.actors_by_part)
        if (part != "unspecified" || h.actors_by_part.size() > 1)
            actors += (actors.empty() ? "" : " · ") + part + " " + thousands(count);
    if (actors.empty()) actors = thousands(h.actors);
    const std::string openness =
        localities ? human_number(h.local_ei) : std::string("n/a (no locality)");
    const std::string lock = h.lock_in == 1   ? "YES"
                             : h.lock_in == 0 ? "no"
                             : localities     ? "n/a"
                                              : "not assessed (no locality)";
    TitleBlock t;
    t.title = o.title.empty() ? "Cluster innovation network" : o.title;
    t.headline.push_back(
        fmt::format("actors: {} | ties: {} | cluster openness (E-I of the local group): {}", actors,
                    thousands(h.ties), openness));
    t.headline.push_back(fmt::format("mean tie strength: {} | lock-in: {} | layout: {}{}",
                                     human_number(h.mean_tie_strength), lock, to_string(o.layout),
                                     o.relation.empty() ? "" : " | relation: " + o.relation));
    return t;
}

}  // namespace clusterlens::render
