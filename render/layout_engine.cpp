#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "graphs/error.hpp"
#include "render/graphviz_support.hpp"
#include "render/layouts.hpp"

namespace clusterlens::render {

void engine_layout(View& v, Layout layout, std::uint64_t seed) {
    GraphPtr g(
        agopen(const_cast<char*>("layout"), v.directed ? Agdirected : Agundirected, nullptr));
    agattr(g.get(), AGRAPH, const_cast<char*>("start"),
           const_cast<char*>(std::to_string(seed % 1000000007).c_str()));
    agattr(g.get(), AGRAPH, const_cast<char*>("overlap"), const_cast<char*>("prism"));
    agattr(g.get(), AGRAPH, const_cast<char*>("splines"), const_cast<char*>("false"));
    agattr(g.get(), AGNODE, const_cast<char*>("fixedsize"), const_cast<char*>("true"));
    auto* width = agattr(g.get(), AGNODE, const_cast<char*>("width"), const_cast<char*>("0.2"));
    auto* height = agattr(g.get(), AGNODE, const_cast<char*>("height"), const_cast<char*>("0.2"));
    agattr(g.get(), AGNODE, const_cast<char*>("label"), const_cast<char*>(""));
    agattr(g.get(), AGNODE, const_cast<char*>("shape"), const_cast<char*>("circle"));
    std::vector<Agnode_t*> nodes;
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        auto* n = agnode(g.get(), const_cast<char*>(("n" + std::to_string(i)).c_str()), 1);
        const auto w = fmt::format("{:.3f}", v.nodes[i].width);
        agxset(n, width, const_cast<char*>(w.c_str()));
        agxset(n, height, const_cast<char*>(w.c_str()));
        nodes.push_back(n);
    }
    for (const auto& e : v.edges) agedge(g.get(), nodes[e.a], nodes[e.b], nullptr, 1);
    const char* engine = layout == Layout::sfdp    ? "sfdp"
                         : layout == Layout::neato ? "neato"
                         : layout == Layout::fdp   ? "fdp"
                         : layout == Layout::dot   ? "dot"
                                                   : "circo";
    GVC_t* gvc = graphviz_context();
    take_graphviz_messages();
    // sfdp draws its start positions from the C library's generators without reseeding them
    // from `start`: seed them here, so a layout does not depend on what ran before it in the
    // process (the CLI and a library caller get the same figure).
    srand48(static_cast<long>(seed % 2147483647));
    std::srand(static_cast<unsigned>(seed % 2147483647));
    LayoutGuard guard{gvc, g.get()};  // after g: the layout is freed before the graph
    if (gvLayout(gvc, g.get(), engine) != 0)
        throw BackendError(std::string("graphviz: layout with ") + engine +
                           " failed: " + take_graphviz_messages());
    guard.active = true;
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        v.nodes[i].x = ND_coord(nodes[i]).x;
        v.nodes[i].y = ND_coord(nodes[i]).y;
    }
}

}  // namespace clusterlens::render
