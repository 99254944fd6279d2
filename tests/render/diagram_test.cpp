// render_quadrant_chart drawn directly (no CLI, no scoring): labels keep off the quadrant
// names. The figures of `clusterlens render` are tested in tests/cli/render_cli_test.cpp and
// render_print_cli_test.cpp; the view, the legend and the encoding table in view_test.cpp and
// legend_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "dot_nodes.hpp"
#include "render/diagram.hpp"

namespace clusterlens {
namespace {
using testing::placed_nodes;

TEST(RenderPrint, QuadrantChartLabelsKeepOffTheQuadrantNames) {
    // Points in the middle of each quadrant (where the names used to be) and in the corners.
    render::QuadrantChart q;
    q.title = "chart";
    q.x_name = "ability";
    q.y_name = "trigger";
    q.x_threshold = 2.5, q.y_threshold = 2.5;
    q.top_right = "I sustainable development", q.bottom_right = "II ability-oriented";
    q.bottom_left = "III newborn", q.top_left = "IV leader-oriented";
    q.points = {{"c1", 3.75, 3.75}, {"c2", 3.75, 1.25}, {"c3", 1.25, 1.25},
                {"c4", 1.25, 3.75}, {"c5", 0.2, 0.2},   {"c6", 4.9, 4.9}};
    const auto nodes = placed_nodes(render::render_quadrant_chart(q, "dot"));
    std::size_t labels = 0;
    for (const auto& [name, l] : nodes) {
        if (name.rfind("label_", 0) != 0) continue;
        ++labels;
        for (const char* quadrant : {"quadrant_tr", "quadrant_br", "quadrant_tl", "quadrant_bl"}) {
            const auto& p = nodes.at(quadrant);
            const double ox =
                std::min(l.x + l.w / 2, p.x + p.w / 2) - std::max(l.x - l.w / 2, p.x - p.w / 2);
            const double oy =
                std::min(l.y + l.h / 2, p.y + p.h / 2) - std::max(l.y - l.h / 2, p.y - p.h / 2);
            EXPECT_FALSE(ox > 0 && oy > 0) << name << " on " << quadrant;
        }
    }
    EXPECT_EQ(labels, 6U);
}

}  // namespace
}  // namespace clusterlens
