#include "render/canvas.hpp"

#include <fmt/format.h>

#include <cmath>
#include <tuple>
#include <utility>

#include "graphs/error.hpp"
#include "render/page.hpp"

namespace clusterlens::render {

void check_figure_format(const std::string& format) {
    if (format != "svg" && format != "png" && format != "pdf" && format != "dot")
        throw UsageError("cannot write a figure as '" + format + "'; use .svg, .png, .pdf or .dot");
}

std::string font(double points, const std::string& inner, bool bold) {
    return fmt::format("<FONT POINT-SIZE=\"{}\" FACE=\"{}\">{}{}{}</FONT>", std::lround(points),
                       kFont, bold ? "<B>" : "", inner, bold ? "</B>" : "");
}

Builder::Builder(bool directed)
    : g_(agopen(const_cast<char*>("clusterlens"), directed ? Agdirected : Agundirected, nullptr)) {
    graph_attr("outputorder", "edgesfirst");
    graph_attr("bgcolor", "white");
    // The page is composed in points at its printed size (page.hpp): no pad, no margin,
    // no Graphviz scaling; two invisible corners fix the page to exactly width × height.
    graph_attr("pad", "0");
    graph_attr("margin", "0");
    graph_attr("fontname", kFont);
    graph_attr("splines", "false");
}

std::string Builder::render(const std::string& format, double page_w, double page_h) {
    graph_attr("dpi", format == "png" ? "110" : "72");
    for (const auto& [id, x, y] :
         {std::tuple{"page_corner_a", 0.0, 0.0}, std::tuple{"page_corner_b", page_w, page_h}}) {
        auto* n = node(id, x, y);
        set(n, "shape", "point");
        set(n, "width", "0");
        set(n, "height", "0");
        set(n, "style", "invis");
    }
    auto bytes = layout_and_render(g_.get(), "nop2", format);
    if (format == "svg") return exact_svg_size(std::move(bytes));
    if (format == "pdf") return fixed_pdf_date(std::move(bytes));
    return bytes;
}

void Builder::graph_attr(const char* name, const std::string& value) {
    agsafeset(g_.get(), const_cast<char*>(name), const_cast<char*>(value.c_str()),
              const_cast<char*>(""));
}

Agnode_t* Builder::node(const std::string& id, double x, double y) {
    auto* n = agnode(g_.get(), const_cast<char*>(id.c_str()), 1);
    set(n, "id", id);  // SVG <g id=...>: ours, never user data
    set(n, "pos", fmt::format("{:.2f},{:.2f}", x, y));
    set(n, "fontname", kFont);
    return n;
}

Agnode_t* Builder::text(const std::string& id, double x, double y, const std::string& html,
                        double w, double h) {
    auto* n = node(id, x + w / 2, y);
    set(n, "shape", "plaintext");
    set(n, "margin", "0");
    set(n, "width", fmt::format("{:.4f}", w / 72));
    set(n, "height", fmt::format("{:.4f}", h / 72));
    set_html(n, "label", html);
    return n;
}

Agedge_t* Builder::edge(Agnode_t* a, Agnode_t* b) { return agedge(g_.get(), a, b, nullptr, 1); }

Agnode_t* Builder::anchor(const std::string& id, double x, double y) {
    auto* n = node(id, x, y);
    set(n, "shape", "point");
    set(n, "width", "0");
    set(n, "height", "0");
    set(n, "style", "invis");
    return n;
}

Agedge_t* Builder::line(const std::string& id, double x0, double y0, double x1, double y1,
                        const std::string& style, const std::string& colour,
                        const std::string& penwidth) {
    auto* e = edge(anchor(id + "_a", x0, y0), anchor(id + "_b", x1, y1));
    set(e, "id", id);
    set(e, "style", style);
    set(e, "color", colour);
    set(e, "dir", "none");
    if (!penwidth.empty()) set(e, "penwidth", penwidth);
    return e;
}

}  // namespace clusterlens::render
