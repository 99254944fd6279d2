// render_explain_chart drawn directly (no CLI, no statistics): the SVG parsed with libxml2 as a
// reader's browser gets it. The chart is explain_fixture.hpp's; every expected number is worked
// out by hand from it in the comments (or from the chart's own drawn points, for positions).
#include "render/explain_chart.hpp"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dot_nodes.hpp"
#include "explain_fixture.hpp"
#include "graphs/error.hpp"

namespace clusterlens {
namespace {
using render::ExplainChart;
using render::PageOptions;
using render::render_explain_chart;
using testing::explain_fixture;
using testing::placed_nodes;

std::string attr(xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (v == nullptr) return "";
    std::string s = reinterpret_cast<const char*>(v);
    xmlFree(v);
    return s;
}

/// A drawn group (node or edge) of the SVG: its first shape and every coordinate it draws, in
/// view-box units (the root group's translate applied), and its texts.
struct Drawn {
    std::string shape;  ///< ellipse, polygon or path
    std::vector<std::pair<double, double>> points;
    std::vector<std::string> texts;
    std::string fill;
};

struct Figure {
    bool well_formed = false;
    double width = 0, height = 0;  ///< the view box
    std::map<std::string, Drawn> groups;
    std::vector<std::string> texts;
    std::set<std::string> fills;  ///< every fill and stroke colour
};

std::vector<std::pair<double, double>> numbers_in_pairs(const std::string& s) {
    std::vector<double> v;
    std::string clean = s;
    for (auto& ch : clean)
        if (ch == ',' || ch == 'M' || ch == 'C' || ch == 'L') ch = ' ';
    std::istringstream in(clean);
    for (double x = 0; in >> x;) v.push_back(x);
    std::vector<std::pair<double, double>> out;
    for (std::size_t i = 0; i + 1 < v.size(); i += 2) out.emplace_back(v[i], v[i + 1]);
    return out;
}

void walk(xmlNode* node, Figure& fig, Drawn* in, double tx, double ty) {
    for (xmlNode* n = node; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string name = reinterpret_cast<const char*>(n->name);
        Drawn* here = in;
        for (const char* a : {"fill", "stroke"}) {
            const auto c = attr(n, a);
            if (!c.empty() && c != "none") fig.fills.insert(c);
        }
        if (name == "g" && (attr(n, "class") == "node" || attr(n, "class") == "edge"))
            here = &fig.groups[attr(n, "id")];
        if (here != nullptr && (name == "ellipse" || name == "polygon" || name == "path")) {
            if (here->shape.empty()) here->shape = name, here->fill = attr(n, "fill");
            if (name == "ellipse") {
                const double cx = std::stod(attr(n, "cx")), cy = std::stod(attr(n, "cy"));
                const double rx = std::stod(attr(n, "rx")), ry = std::stod(attr(n, "ry"));
                here->points.push_back({cx - rx + tx, cy - ry + ty});
                here->points.push_back({cx + rx + tx, cy + ry + ty});
            } else {
                for (auto [x, y] : numbers_in_pairs(attr(n, name == "path" ? "d" : "points")))
                    here->points.push_back({x + tx, y + ty});
            }
        }
        if (name == "text") {
            xmlChar* t = xmlNodeGetContent(n);
            fig.texts.emplace_back(reinterpret_cast<const char*>(t));
            if (here != nullptr) here->texts.emplace_back(reinterpret_cast<const char*>(t));
            xmlFree(t);
        }
        walk(n->children, fig, here, tx, ty);
    }
}

Figure parse(const std::string& svg) {
    Figure fig;
    xmlDoc* doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "explain.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (doc == nullptr) return fig;
    fig.well_formed = true;
    xmlNode* root = xmlDocGetRootElement(doc);
    double x0 = 0, y0 = 0;
    std::sscanf(attr(root, "viewBox").c_str(), "%lf %lf %lf %lf", &x0, &y0, &fig.width,
                &fig.height);
    // <g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(TX TY)">
    double tx = 0, ty = 0;
    for (xmlNode* n = root->children; n != nullptr; n = n->next)
        if (n->type == XML_ELEMENT_NODE && attr(n, "class") == "graph") {
            const auto t = attr(n, "transform");
            std::sscanf(t.c_str() + t.find("translate("), "translate(%lf %lf", &tx, &ty);
        }
    walk(root, fig, nullptr, tx, ty);
    xmlFreeDoc(doc);
    return fig;
}

double lo_x(const Drawn& d) {
    double v = 1e300;
    for (const auto& [x, y] : d.points) v = std::min(v, x);
    return v;
}
double hi_x(const Drawn& d) {
    double v = -1e300;
    for (const auto& [x, y] : d.points) v = std::max(v, x);
    return v;
}

bool has_text(const Figure& fig, const std::string& s) {
    return std::find(fig.texts.begin(), fig.texts.end(), s) != fig.texts.end();
}

/// The shape a point's outline draws: an ellipse is a circle; a closed polygon of 3 corners a
/// triangle, of 4 a box when its corners take two x values, else a diamond.
std::string shape_of(const Drawn& d) {
    if (d.shape == "ellipse") return "circle";
    std::set<long> xs;
    for (const auto& [x, y] : d.points) xs.insert(std::lround(x * 10));
    const auto corners = d.points.size() - 1;  // Graphviz closes the polygon
    if (corners == 3) return "triangle";
    if (corners == 4) return xs.size() == 2 ? "box" : "diamond";
    return "other";
}

TEST(ExplainChart, PValuesAsWritten) {
    using render::permutation_p_text;
    EXPECT_EQ(permutation_p_text(0.003, false), "p = 0.003");
    EXPECT_EQ(permutation_p_text(0.4121, false), "p = 0.412");
    EXPECT_EQ(permutation_p_text(1, false), "p = 1.000");
    EXPECT_EQ(permutation_p_text(0.00042, false), "p = 0.00042");
    EXPECT_EQ(permutation_p_text(std::nan(""), false), "p = n/a");
    // 10,000 permutations: the floor 1/10001 = 0.00009999 is below 0.0001.
    EXPECT_EQ(permutation_p_text(1.0 / 10001, true), "p < 0.0001");
    // 999 permutations: the floor is 1/1000 = 0.001 itself.
    EXPECT_EQ(permutation_p_text(1.0 / 1000, true), "p \u2264 0.001");
    // 5,000 permutations: 1/5001 = 0.00019996, up to 0.0002.
    EXPECT_EQ(permutation_p_text(1.0 / 5001, true), "p < 0.0002");
}

TEST(ExplainChart, RowsBandsAndDots) {
    const auto fig = parse(render_explain_chart(explain_fixture(), "svg"));
    ASSERT_TRUE(fig.well_formed);
    for (const char* t :
         {"degree", "betweenness", "constraint", "local E-I & <ties>", "p < 0.0001", "p = 0.412",
          "p = 0.003", "p = 0.157", "standardised coefficient (\u03b2)", "new products (count)",
          "What goes with new products: network position"})
        EXPECT_TRUE(has_text(fig, t)) << t;
    // The dot's centre against the band's x extent: degree (0.42 on -0.11..0.12) and
    // constraint (-0.21 on -0.12..0.10) outside, betweenness (0.05 on -0.10..0.11) inside.
    for (const auto& [row, outside] : {std::pair{0, true}, {1, false}, {2, true}, {3, false}}) {
        const auto& band = fig.groups.at("band_" + std::to_string(row));
        const auto& dot = fig.groups.at("beta_" + std::to_string(row));
        const double centre = (lo_x(dot) + hi_x(dot)) / 2;
        EXPECT_EQ(centre < lo_x(band) || centre > hi_x(band), outside) << row;
    }
    // Degree's dot right of its band, constraint's left of it.
    EXPECT_GT(lo_x(fig.groups.at("beta_0")), hi_x(fig.groups.at("band_0")));
    EXPECT_LT(hi_x(fig.groups.at("beta_2")), lo_x(fig.groups.at("band_2")));
    // The zero line at β = 0 lies inside every band (all straddle 0).
    const double zero = lo_x(fig.groups.at("coef_quadrant_x"));
    for (int row = 0; row < 4; ++row) {
        const auto& band = fig.groups.at("band_" + std::to_string(row));
        EXPECT_LT(lo_x(band), zero);
        EXPECT_GT(hi_x(band), zero);
    }
}

TEST(ExplainChart, PointsShapedByPart) {
    const auto fig = parse(render_explain_chart(explain_fixture(), "svg"));
    ASSERT_TRUE(fig.well_formed);
    // 40 actors drawn (actor 40 has no outcome), 10 per part by i mod 4. The parts in sorted
    // order, "" assisting core external, take render --shape-by part's shapes in order:
    // circle, box, triangle, diamond.
    std::map<std::string, int> by_shape;
    for (const auto& [id, d] : fig.groups)
        if (id.rfind("point_", 0) == 0) ++by_shape[shape_of(d)];
    EXPECT_EQ(by_shape, (std::map<std::string, int>{
                            {"box", 10}, {"circle", 10}, {"diamond", 10}, {"triangle", 10}}));
    EXPECT_EQ(fig.groups.count("point_40"), 0U);
    // Actor 0 is core (triangle), 1 assisting (box), 2 external (diamond), 3 unspecified.
    EXPECT_EQ(shape_of(fig.groups.at("point_0")), "triangle");
    EXPECT_EQ(shape_of(fig.groups.at("point_1")), "box");
    EXPECT_EQ(shape_of(fig.groups.at("point_2")), "diamond");
    EXPECT_EQ(shape_of(fig.groups.at("point_3")), "circle");
    // The legend names the four parts; the labels are escaped and drawn.
    for (const char* t : {"shape: part", "core", "assisting", "external", "(none)",
                          "least-squares line", "Tallinn <Tech> & Co", "actor 8"})
        EXPECT_TRUE(has_text(fig, t)) << t;
    EXPECT_FALSE(has_text(fig, "no outcome"));
}

TEST(ExplainChart, NothingOutsideThePage) {
    for (const auto& [what, page] : {std::pair{"natural", PageOptions{}},
                                     {"17cm", PageOptions{17 / 2.54 * 72}},
                                     {"10cm font 6", PageOptions{10 / 2.54 * 72, 0, 6}},
                                     {"17x12cm", PageOptions{17 / 2.54 * 72, 12 / 2.54 * 72}}}) {
        const auto fig = parse(render_explain_chart(explain_fixture(), "svg", page));
        ASSERT_TRUE(fig.well_formed) << what;
        if (page.width > 0) {  // the view box is the page asked for
            EXPECT_NEAR(fig.width, page.width, 0.01) << what;
        }
        if (page.height > 0) {
            EXPECT_NEAR(fig.height, page.height, 0.01) << what;
        }
        for (const auto& [id, d] : fig.groups)
            for (const auto& [x, y] : d.points) {
                EXPECT_GE(x, -0.01) << what << " " << id;
                EXPECT_LE(x, fig.width + 0.01) << what << " " << id;
                EXPECT_GE(y, -0.01) << what << " " << id;
                EXPECT_LE(y, fig.height + 0.01) << what << " " << id;
            }
        // Texts as measured (the DOT's node boxes): inside the page, and no two overlap.
        const auto nodes = placed_nodes(render_explain_chart(explain_fixture(), "dot", page));
        std::vector<std::pair<std::string, testing::Placed>> texts;
        for (const auto& [name, p] : nodes) {
            EXPECT_GE(p.x - p.w / 2, -0.01) << what << " " << name;
            EXPECT_LE(p.x + p.w / 2, fig.width + 0.01) << what << " " << name;
            EXPECT_GE(p.y - p.h / 2, -0.01) << what << " " << name;
            EXPECT_LE(p.y + p.h / 2, fig.height + 0.01) << what << " " << name;
            if (name.rfind("point_", 0) != 0 && name.rfind("beta_", 0) != 0 && p.w > 0)
                texts.emplace_back(name, p);
        }
        for (std::size_t i = 0; i < texts.size(); ++i)
            for (std::size_t j = i + 1; j < texts.size(); ++j) {
                const auto& a = texts[i].second;
                const auto& b = texts[j].second;
                const double ox =
                    std::min(a.x + a.w / 2, b.x + b.w / 2) - std::max(a.x - a.w / 2, b.x - b.w / 2);
                const double oy =
                    std::min(a.y + a.h / 2, b.y + b.h / 2) - std::max(a.y - a.h / 2, b.y - b.h / 2);
                EXPECT_FALSE(ox > 0.5 && oy > 0.5)
                    << what << ": " << texts[i].first << " on " << texts[j].first;
            }
    }
}

TEST(ExplainChart, SideBySideWideStackedNarrow) {
    // Natural size: the scatter right of the p column; 17 cm: below the coefficient rows.
    for (const auto& [width, stacked] : {std::pair{0.0, false}, {17 / 2.54 * 72, true}}) {
        PageOptions page;
        page.width = width;
        const auto nodes = placed_nodes(render_explain_chart(explain_fixture(), "dot", page));
        double p_right = 0, rows_bottom = 1e300, points_left = 1e300, points_top = -1e300;
        for (const auto& [name, p] : nodes) {
            if (name.rfind("term_p_", 0) == 0) p_right = std::max(p_right, p.x + p.w / 2);
            if (name.rfind("term_", 0) == 0) rows_bottom = std::min(rows_bottom, p.y - p.h / 2);
            if (name.rfind("point_", 0) == 0) {
                points_left = std::min(points_left, p.x - p.w / 2);
                points_top = std::max(points_top, p.y + p.h / 2);
            }
        }
        EXPECT_EQ(points_left > p_right, !stacked) << width;
        EXPECT_EQ(points_top < rows_bottom, stacked) << width;
    }
}

TEST(ExplainChart, LeastSquaresLine) {
    // (0, 1), (1, 3), (2, 2): x̄ = 1, ȳ = 2, Sxx = 1 + 0 + 1 = 2, Sxy = (−1)(−1) + 0 + (1)(0) = 1,
    // b = 1/2, a = 2 − 1/2 = 3/2: the line from (0, 1.5) to (2, 2.5).
    ExplainChart chart;
    chart.title = "fit";
    chart.points = {{0, 1, "core", ""}, {1, 3, "core", ""}, {2, 2, "core", ""}};
    const auto nodes = placed_nodes(render_explain_chart(chart, "dot"));
    // Page positions of x = 0, 2 and y = 1, 3 from the points themselves.
    const auto &p0 = nodes.at("point_0"), &p1 = nodes.at("point_1"), &p2 = nodes.at("point_2");
    const auto py = [&](double v) { return p0.y + (p1.y - p0.y) * (v - 1) / 2; };
    const auto &a = nodes.at("fit_line_a"), &b = nodes.at("fit_line_b");
    EXPECT_NEAR(a.x, p0.x, 0.02);
    EXPECT_NEAR(b.x, p2.x, 0.02);
    EXPECT_NEAR(a.y, py(1.5), 0.02);
    EXPECT_NEAR(b.y, py(2.5), 0.02);
    // No line when asked for none, or when every x is the same.
    chart.fit_line = false;
    EXPECT_EQ(placed_nodes(render_explain_chart(chart, "dot")).count("fit_line_a"), 0U);
    chart.fit_line = true;
    for (auto& p : chart.points) p.x = 1;
    EXPECT_EQ(placed_nodes(render_explain_chart(chart, "dot")).count("fit_line_a"), 0U);
}

TEST(ExplainChart, GreyscaleDeterministicAndErrors) {
    PageOptions grey;
    grey.greyscale = true;
    const auto svg = render_explain_chart(explain_fixture(), "svg", grey);
    EXPECT_EQ(svg, render_explain_chart(explain_fixture(), "svg", grey));  // same bytes
    for (const auto& c : parse(svg).fills) {
        if (c.size() < 7 || c[0] != '#') continue;  // named colours: black, white
        EXPECT_TRUE(c.substr(1, 2) == c.substr(3, 2) && c.substr(3, 2) == c.substr(5, 2)) << c;
    }
    // The colour version uses the Okabe-Ito sky blue for the bands.
    EXPECT_EQ(parse(render_explain_chart(explain_fixture(), "svg")).fills.count("#56b4e9"), 1U);
    const auto pdf = render_explain_chart(explain_fixture(), "pdf");
    EXPECT_EQ(pdf.rfind("%PDF", 0), 0U);
    EXPECT_EQ(pdf, render_explain_chart(explain_fixture(), "pdf"));
    EXPECT_THROW(render_explain_chart(explain_fixture(), "jpg"), UsageError);
    PageOptions tiny;
    tiny.width = 5 / 2.54 * 72;
    try {
        render_explain_chart(explain_fixture(), "svg", tiny);
        ADD_FAILURE() << "a 5 cm page holds no panels";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("--width 5.0cm is too small"), std::string::npos)
            << e.what();
    }
    // Nothing to draw but the title block; no terms: the scatter alone; no points: the rows.
    ExplainChart empty;
    empty.title = "nothing";
    EXPECT_TRUE(parse(render_explain_chart(empty, "svg")).well_formed);
    auto only_points = explain_fixture();
    only_points.terms.clear();
    EXPECT_EQ(parse(render_explain_chart(only_points, "svg")).groups.count("band_0"), 0U);
    auto only_terms = explain_fixture();
    only_terms.points.clear();
    const auto rows = parse(render_explain_chart(only_terms, "svg"));
    EXPECT_EQ(rows.groups.count("band_0"), 1U);
    EXPECT_EQ(rows.groups.count("point_0"), 0U);
}

}  // namespace
}  // namespace clusterlens
