// Graphviz discipline: RAII ownership, rendering, and captured (not printed) error messages.
#include "render/graphviz_support.hpp"

#include <gtest/gtest.h>

#include "graphs/error.hpp"

namespace clusterlens::render {
namespace {

TEST(GraphvizSupport, RendersSvgWithOneNodeGroupPerNode) {
    auto g = read_dot("graph G { a -- b; b -- c; }");
    const auto svg = layout_and_render(g.get(), "dot", "svg");
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    std::size_t nodes = 0;
    for (auto p = svg.find("class=\"node\""); p != std::string::npos;
         p = svg.find("class=\"node\"", p + 1))
        ++nodes;
    EXPECT_EQ(nodes, 3u);
}

TEST(GraphvizSupport, SyntaxErrorIsCapturedAndThrown) {
    try {
        read_dot("graph G { a -- ; }");
        FAIL() << "no error";
    } catch (const BackendError& e) {
        const std::string what = e.what();
        EXPECT_EQ(what.rfind("graphviz: cannot read DOT: ", 0), 0u) << what;
        EXPECT_NE(what.find("syntax error in line 1"), std::string::npos) << what;
    }
}

TEST(GraphvizSupport, UnknownEngineIsABackendError) {
    auto g = read_dot("graph G { a; }");
    EXPECT_THROW(layout_and_render(g.get(), "no-such-engine", "svg"), BackendError);
}

}  // namespace
}  // namespace clusterlens::render
