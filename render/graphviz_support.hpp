// Graphviz discipline (same as for igraph): Graphviz objects are owned by RAII holders, and
// Graphviz error messages are captured with agseterrf instead of being printed, then thrown as
// BackendError after the C call has returned. One GVC context per process (Graphviz leaks a
// little per context by design).
#pragma once

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clusterlens::render {

struct GraphDeleter {
    void operator()(Agraph_t* g) const noexcept {
        if (g != nullptr) agclose(g);
    }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphDeleter>;

/// Releases a layout (gvFreeLayout) when the code using it is done or fails: set `active`
/// once gvLayout has succeeded. Declare it after the graph it lays out, so it runs first.
struct LayoutGuard {
    GVC_t* gvc;
    Agraph_t* graph;
    bool active = false;
    LayoutGuard(GVC_t* context, Agraph_t* g) : gvc(context), graph(g) {}
    LayoutGuard(const LayoutGuard&) = delete;
    LayoutGuard& operator=(const LayoutGuard&) = delete;
    ~LayoutGuard() {
        if (active) gvFreeLayout(gvc, graph);
    }
};

/// The process-wide Graphviz context (created on first use, with errors captured).
GVC_t* graphviz_context();

/// Parses DOT text into a graph; BackendError with Graphviz's message on a syntax error.
GraphPtr read_dot(const std::string& dot);

/// Lays out `graph` with `engine` (dot, neato, fdp, sfdp, circo, twopi, nop2) and renders it in
/// `format` (svg, png, pdf, dot, ...). Returns the bytes. BackendError on failure.
std::string layout_and_render(Agraph_t* graph, const std::string& engine,
                              const std::string& format);

/// Width and height in points of each HTML-like label as Graphviz draws it (with the fonts
/// pango finds on this machine): plaintext nodes with no margin, laid out once with nop2.
/// BackendError when Graphviz fails.
std::vector<std::pair<double, double>> measure_labels(const std::vector<std::string>& html);

/// Messages Graphviz reported since the last call (drained).
std::string take_graphviz_messages();

}  // namespace clusterlens::render
