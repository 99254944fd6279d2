// A small fixed chart for `clusterlens explain`'s figure: four terms (one at the permutation
// floor, one with a name that needs escaping) and 41 actors in all four parts, one of them
// without an outcome. Shared by explain_chart_test.cpp and the browser check's figure writer
// (explain_figure.cpp), so both look at the same figure.
#pragma once

#include <cmath>
#include <string>

#include "render/explain_chart.hpp"

namespace clusterlens::testing {

/// Actor i (0..39): x = (37 i mod 41) / 4, y = x / 2 + ((17 i mod 13) − 6) / 3, part by i mod 4:
/// core, assisting, external, "" (10 each); actors 3 and 8 labelled; actor 40 has no y.
inline render::ExplainChart explain_fixture() {
    render::ExplainChart chart;
    chart.title = "What goes with new products: network position";
    chart.note =
        "OLS, n = 40 of 41 actors (1 dropped: missing outcome); 10,000 permutations of the "
        "outcome (Freedman\u2013Lane), seed 1";
    chart.terms = {
        {"degree", 0.42, -0.11, 0.12, 1.0 / 10001, true},
        {"betweenness", 0.05, -0.10, 0.11, 0.412, false},
        {"constraint", -0.21, -0.12, 0.10, 0.003, false},
        {"local E-I & <ties>", 0.08, -0.09, 0.10, 0.157, false},
    };
    chart.x_title = "degree";
    chart.y_title = "new products (count)";
    const char* parts[] = {"core", "assisting", "external", ""};
    for (int i = 0; i < 40; ++i) {
        render::ExplainChart::Point p;
        p.x = static_cast<double>((37 * i) % 41) / 4;
        p.y = p.x / 2 + static_cast<double>((17 * i) % 13 - 6) / 3;
        p.part = parts[i % 4];
        if (i == 3) p.label = "Tallinn <Tech> & Co";
        if (i == 8) p.label = "actor 8";
        chart.points.push_back(p);
    }
    chart.points.push_back({5, std::nan(""), "core", "no outcome"});
    return chart;
}

}  // namespace clusterlens::testing
