// render_network: the view, its scales and labels, the layout, the page (title block, legend,
// plot), then the actors, ties and labels drawn on the canvas, rendered once.
#include "render/diagram.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "graphs/actor_values.hpp"
#include "graphs/error.hpp"
#include "render/canvas.hpp"
#include "render/compose.hpp"
#include "render/graphviz_support.hpp"
#include "render/layouts.hpp"
#include "render/legend.hpp"
#include "render/quadrant_frame.hpp"
#include "render/scales.hpp"
#include "render/style.hpp"
#include "render/view.hpp"

namespace clusterlens::render {
namespace {

/// Actors at their page positions: shape (type table, category, or merged group), size, fill
/// and outline from the encoding table. Returns each node's graph node and circle.
void draw_actors(Builder& b, const View& v, const RenderOptions& o, const Scales& s,
                 const PageLayout& L, std::vector<Agnode_t*>& drawn, std::vector<Circle>& circles) {
    const bool grey = o.page.greyscale;
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        const auto& nd = v.nodes[i];
        const double x = L.px(nd.x), y = L.py(nd.y), d = printed_diameter(nd.width, L.k);
        circles.push_back({x, y, d / 2});
        auto* n = b.node((nd.actor == kNone ? "group_" : "actor_") + std::to_string(i), x, y);
        drawn.push_back(n);
        std::string shape;
        if (nd.actor == kNone)
            shape = kGroupShape;
        else if (o.shape_by == "type")
            shape = shape_for_type(nd.type, nd.focal);
        else
            shape = shape_for_category(s.shape_cats.at(nd.category));
        b.set(n, "shape", shape);
        b.set(n, "fixedsize", "true");
        b.set(n, "width", fmt::format("{:.4f}", d / 72));
        b.set(n, "height", fmt::format("{:.4f}", d / 72));
        b.set(n, "label", "");
        std::string fill(kGroupFill);
        if (nd.actor != kNone)
            fill = s.numeric_colour && o.color_by == "community"
                       ? community_fill(nd.colour_value, grey)
                   : s.numeric_colour ? numeric_fill(s.colour_t01[i], grey)
                                      : category_colour(nd.colour_category,
                                                        s.colour_cats.at(nd.colour_category), grey);
        b.set(n, "style", node_style(nd.global));
        b.set(n, "fillcolor", fill);
        b.set(n, "color", nd.global ? "#000000" : "#222222");
        b.set(n, "penwidth", fmt::format("{:.2f}", (nd.global ? 1.6 : 1.0) * std::max(L.k, 0.5)));
    }
}

/// Ties in draw order: width and opacity from the weight, colour and line style from the
/// linkage (or the tie attribute asked for).
void draw_ties(Builder& b, const View& v, const RenderOptions& o, const Scales& s,
               const PageLayout& L, const std::vector<Agnode_t*>& drawn) {
    const bool grey = o.page.greyscale;
    for (std::size_t j = 0; j < v.edges.size(); ++j) {
        const auto& e = v.edges[j];
        auto* edge = b.edge(drawn[e.a], drawn[e.b]);
        b.set(edge, "id", "tie_" + std::to_string(j));
        const double t = tie_level(s.weight_t01[j]);
        b.set(edge, "penwidth", fmt::format("{:.2f}", tie_pen_width(t, L.k)));
        const std::string colour = o.tie_colour_by.empty()
                                       ? linkage_colour(e.kind, grey)
                                       : category_colour(e.dimension, s.dims.at(e.dimension), grey);
        b.set(edge, "color", with_alpha(colour, tie_alpha(t, e.kind)));
        b.set(edge, "style", std::string(linkage_style(e.kind).style));
        if (v.directed) b.set(edge, "arrowsize", fmt::format("{:.2f}", 0.5 * std::max(L.k, 0.4)));
    }
}

}  // namespace

Layout parse_layout(const std::string& name) {
    if (name == "concentric") return Layout::concentric;
    if (name == "sfdp") return Layout::sfdp;
    if (name == "neato") return Layout::neato;
    if (name == "fdp") return Layout::fdp;
    if (name == "dot") return Layout::dot;
    if (name == "circo") return Layout::circo;
    if (name == "file") return Layout::file;
    throw UsageError("--layout '" + name +
                     "' is not a layout; choose concentric, sfdp, neato, fdp, dot, circo or file");
}

std::string to_string(Layout layout) {
    switch (layout) {
        case Layout::concentric:
            return "concentric";
        case Layout::sfdp:
            return "sfdp";
        case Layout::neato:
            return "neato";
        case Layout::fdp:
            return "fdp";
        case Layout::dot:
            return "dot";
        case Layout::circo:
            return "circo";
        case Layout::file:
            return "positions from the file";
        case Layout::position_map:
            return "position map";
    }
    return "?";
}

Diagram render_network(const Network& net, const Headline& h, const RenderOptions& o,
                       const std::string& format) {
    check_figure_format(format);
    // The context first: creating it sets Graphviz's default node label (\N) for graphs made
    // afterwards, so making it before any graph keeps the output the same in every process.
    graphviz_context();
    const bool numeric_colour = numbers_of(net, o.color_by, "--color-by").has_value();
    View v = build_view(net, o, numeric_colour);
    const Scales scales = scale_view(v, numeric_colour, o.community_graph);  // node widths too
    const Labelling labels = choose_labels(o, v);

    // Positions, in natural points.
    const Composer c(o.page);
    const bool map = o.layout == Layout::position_map;
    std::optional<QuadrantFrame> frame;
    if (o.layout == Layout::concentric)
        concentric_layout(v, !o.ego.empty());
    else if (o.layout == Layout::file)
        file_layout(v);
    else if (!map)
        engine_layout(v, o.layout, o.seed);
    else
        frame.emplace(position_map_layout(v, o, c));

    // The page: the plot's natural extent, the title block, the legend.
    PageParts parts;
    if (frame) frame->reserve(parts);
    for (const auto& nd : v.nodes) parts.nat.add(nd.x, nd.y, node_points(nd) / 2);
    if (!map && !labels.order.empty()) {
        // Room for a label above the top node and below the bottom one.
        parts.axis_top += 1.3 * c.f;
        parts.axis_bottom += 1.3 * c.f;
    }
    auto title = title_block(h, o);
    parts.title = std::move(title.title);
    parts.headline = std::move(title.headline);
    const LegendInputs legend{v, o, scales, h.locality_known, labels.rule, c.f};
    parts.legend = [&](double k) {
        auto sections = network_legend(legend, k);
        measure_rows(sections, c.f);
        return sections;
    };
    const auto page = compose(c, parts);
    const auto& L = page.L;

    // The drawing: frame, actors, ties, then the labels beside their own nodes.
    Builder b(v.directed);
    emit_frame(b, c, page);
    std::vector<Box> quadrant_names;
    if (frame) quadrant_names = frame->draw(b, c, L);
    std::vector<Agnode_t*> drawn;
    std::vector<Circle> circles;
    draw_actors(b, v, o, scales, L, drawn, circles);
    draw_ties(b, v, o, scales, L, drawn);
    std::vector<std::string> html, ids;
    for (const auto i : labels.order) {
        html.push_back(font(c.f, html_text(v.nodes[i].label, 32)));
        ids.push_back("label_" + std::to_string(i));
    }
    emit_labels(b, c, page, circles, labels.order, html, ids, quadrant_names);

    Diagram out;
    for (const auto& nd : v.nodes) out.actors_drawn += nd.actor == kNone ? 0 : 1;
    out.ties_drawn = v.edges.size();
    out.actors_left_out = v.actors_left_out;
    out.ties_left_out = v.ties_left_out;
    out.notes = v.notes;
    out.width = L.width;
    out.height = L.height;
    out.bytes = b.render(format, L.width, L.height);
    for (const auto& nd : v.nodes) out.nodes.push_back({nd.actor, nd.label});
    for (const auto& e : v.edges) out.ties.push_back({e.a, e.b, e.kind, e.weight});
    return out;
}

}  // namespace clusterlens::render
