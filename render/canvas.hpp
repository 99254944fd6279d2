// The drawing canvas of every figure (issue 4, 9): a cgraph graph whose every node is pinned
// at a page position in points, drawn once by Graphviz's nop2 engine. The network diagram, the
// position map and the quadrant charts all draw on it. Internal to render.
#pragma once

#include <graphviz/cgraph.h>

#include <algorithm>
#include <limits>
#include <string>

#include "render/graphviz_support.hpp"

namespace clusterlens::render {

/// Every text of a figure (fonts-liberation2, installed by .ci/deps.sh).
inline constexpr const char* kFont = "Liberation Sans";

/// The formats a figure is written in: svg, png, pdf, dot; UsageError otherwise.
void check_figure_format(const std::string& format);

/// HTML-like text at `points` (rounded: Graphviz 2.43 reads POINT-SIZE as a whole number, so
/// what is measured is what is drawn), bold on request. `inner` is already escaped.
std::string font(double points, const std::string& inner, bool bold = false);

/// Builds the figure's graph: nodes at page positions, texts of measured size, lines.
class Builder {
public:
    explicit Builder(bool directed);
    Agraph_t* get() { return g_.get(); }

    /// Lays out (nop2: every position pinned) and renders. The one place a figure's bytes are
    /// made. `dpi` is set for PNG only: Graphviz 2.43's SVG renderer scales the drawing by
    /// dpi/72 but leaves the view box at 72 dpi, so an SVG with dpi != 72 shows only the
    /// top-left part of the drawing (vector formats are resolution-free anyway). The SVG's
    /// declared size is then the page's (not rounded), and the PDF's date fixed.
    std::string render(const std::string& format, double page_w, double page_h);

    void graph_attr(const char* name, const std::string& value);
    /// A node at (x, y) whose SVG group id is `id` (ours, never user data).
    Agnode_t* node(const std::string& id, double x, double y);
    template <class Obj>
    void set(Obj* obj, const char* name, const std::string& value) {
        agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()),
                  const_cast<char*>(""));
    }
    template <class Obj>
    void set_html(Obj* obj, const char* name, const std::string& html) {
        char* h = agstrdup_html(g_.get(), const_cast<char*>(html.c_str()));
        agsafeset(obj, const_cast<char*>(name), h, const_cast<char*>(""));
        agstrfree(g_.get(), h);
    }
    /// A text block of measured size w × h whose left edge is at x and vertical centre at y
    /// (Graphviz centres node labels on pos).
    Agnode_t* text(const std::string& id, double x, double y, const std::string& html, double w,
                   double h);
    Agedge_t* edge(Agnode_t* a, Agnode_t* b);
    /// An invisible point: an end of a drawn line.
    Agnode_t* anchor(const std::string& id, double x, double y);
    /// A straight line between two invisible points (axes, ticks, threshold lines); penwidth
    /// "" keeps Graphviz's default.
    Agedge_t* line(const std::string& id, double x0, double y0, double x1, double y1,
                   const std::string& style, const std::string& colour,
                   const std::string& penwidth = "");

private:
    GraphPtr g_;
};

/// The extent of what is drawn: circles (centre, radius) added one by one.
struct Bounds {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
    void add(double x, double y, double r) {
        x0 = std::min(x0, x - r), x1 = std::max(x1, x + r);
        y0 = std::min(y0, y - r), y1 = std::max(y1, y + r);
    }
    bool empty() const { return !(x1 >= x0); }
};

}  // namespace clusterlens::render
