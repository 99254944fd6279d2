// The legend is generated from the encoding table (render/style.hpp): every actor type's shape
// and text, the node sizes, the tie widths, opacities, colours and line styles of the legend
// are the table's, and the drawing uses the same entries (read back from the DOT Graphviz
// writes). A change of a table entry therefore shows in both. Expected formula values are
// worked out by hand in the comments.
#include "render/legend.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "dot_nodes.hpp"
#include "render/diagram.hpp"
#include "render/graphviz_support.hpp"
#include "render/scales.hpp"
#include "render/style.hpp"
#include "render/view.hpp"
#include "six_actors.hpp"

namespace clusterlens::render {
namespace {
using testing::make_actor;
using testing::small_network;

/// One actor per row of the type table (the focal firm and "consultant", which the table
/// does not know, included); ties a chain in input order, local and global mixed.
Network one_actor_per_type() {
    std::vector<Actor> actors = {
        make_actor("firm", Part::core, "firm", Locality::local),
        make_actor("focal", Part::core, "firm", Locality::local),
        make_actor("uni", Part::assisting, "university", Locality::local),
        make_actor("lab", Part::assisting, "research", Locality::local),
        make_actor("gov", Part::external, "government", Locality::global),
        make_actor("agency", Part::assisting, "intermediary", Locality::local),
        make_actor("other", Part::external, "consultant", Locality::global)};
    actors[1].focal = true;
    auto net = small_network(std::move(actors), {0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 4},
                             {1, 2, 3, 4, 5, 6, 7});
    net.actor_attributes().set_numbers("betweenness", {0, 1, 2, 3, 4, 5, 6});
    return net;
}

RenderOptions options() {
    RenderOptions o;
    o.color_by = "part";
    return o;
}

const Section& section(const std::vector<Section>& legend, const std::string& heading) {
    for (const auto& s : legend)
        if (!s.empty() && s.front().text.rfind(heading, 0) == 0) return s;
    static const Section none;
    ADD_FAILURE() << "no legend section " << heading;
    return none;
}

const Row* row_with_text(const Section& s, const std::string& text) {
    for (const auto& r : s)
        if (r.text == text) return &r;
    return nullptr;
}

TEST(LegendEncoding, TheTableFormulasByHand) {
    EXPECT_DOUBLE_EQ(node_width(0.25), 0.37);          // 0.12 + 0.5 × sqrt(0.25)
    EXPECT_DOUBLE_EQ(printed_diameter(0.5, 0.5), 18);  // 0.5 in × 72 × 0.5
    EXPECT_DOUBLE_EQ(printed_diameter(0.01, 1), 2);    // 0.72 pt: the 2 pt floor
    EXPECT_DOUBLE_EQ(tie_level(0.25), 0.5);            // sqrt
    EXPECT_DOUBLE_EQ(tie_pen_width(1, 1), 3.6);        // 0.4 + 3.2
    EXPECT_DOUBLE_EQ(tie_pen_width(0, 0.1), 0.25);     // 0.04: the floor
    EXPECT_DOUBLE_EQ(tie_alpha(1, "buzz"), 0.9);       // 0.18 + 0.72
    EXPECT_DOUBLE_EQ(tie_alpha(1, "extra_local"), 0.45);
    EXPECT_EQ(linkage_colour("buzz", false), "#0072b2");
    EXPECT_EQ(linkage_style("pipeline").style, "dashed");
    EXPECT_EQ(linkage_style("something else").style, "dotted");  // the table's last row
    EXPECT_EQ(shape_for_type("firm", true), "doublecircle");
    EXPECT_EQ(shape_for_type("university", true), "box");  // focal matters for firms only
    EXPECT_EQ(type_shape("consultant", false).legend, "other / not given");
    // Every firm type (graphs/vocabulary.hpp: a supplier is a firm) is drawn as a firm.
    for (const char* t : {"customer", "supplier", "subcontractor"}) {
        EXPECT_EQ(type_shape(t, false).shape, "circle") << t;
        EXPECT_EQ(type_shape(t, true).shape, "doublecircle") << t;
    }
}

TEST(LegendEncoding, EveryTypeOfTheTableIsInTheLegendWithItsShapeAndText) {
    const auto net = one_actor_per_type();
    const auto o = options();
    auto v = build_view(net, o, false);
    const auto scales = scale_view(v, false);
    const LegendInputs in{v, o, scales, true, "labels: top 15 by betweenness", 9};
    const auto legend = network_legend(in, 1.0);
    const auto& shapes = section(legend, "shape: actor type");
    for (const auto& row : type_shapes()) {
        const Row* r = row_with_text(shapes, std::string(row.legend));
        ASSERT_NE(r, nullptr) << row.legend;
        EXPECT_EQ(r->shape, row.shape) << row.legend;
    }
    // Samples at the small size: 0.2 in at k = 1 is 14.4 pt (above 0.9 × 9 pt).
    EXPECT_DOUBLE_EQ(row_with_text(shapes, "firm")->diameter, printed_diameter(0.2, 1.0));
    // Outlines: local solid, global dashed.
    EXPECT_FALSE(row_with_text(shapes, "solid outline: local (in the region)")->dashed);
    EXPECT_TRUE(row_with_text(shapes, "dashed outline: global (outside the region)")->dashed);
}

TEST(LegendEncoding, SizeAndTieSamplesComeFromTheTable) {
    const auto net = testing::six_actors();
    const auto o = options();
    auto v = build_view(net, o, false);
    const auto scales = scale_view(v, false);
    const double k = 0.8;
    const LegendInputs in{v, o, scales, true, "labels: top 15 by betweenness", 9};
    const auto legend = network_legend(in, k);
    EXPECT_EQ(legend.front().front().text, "Legend");
    // Size: betweenness 0, 1.25, 5 at t = 0, 0.25, 1.
    const auto& size = section(legend, "size: betweenness (0 to 5)");
    ASSERT_EQ(size.size(), 4U);
    EXPECT_EQ(size[2].text, "1.25");
    EXPECT_DOUBLE_EQ(size[1].diameter, printed_diameter(node_width(0.0), k));
    EXPECT_DOUBLE_EQ(size[2].diameter, 0.37 * 72 * k);
    EXPECT_DOUBLE_EQ(size[3].diameter, printed_diameter(node_width(1.0), k));
    // Ties: one sample per linkage drawn, from the linkage table, at full strength.
    const auto& ties = section(legend, "ties: width and opacity = weight (0.5 to 7)");
    for (const auto& row : linkage_styles()) {
        if (row.linkage != "buzz" && row.linkage != "pipeline" && row.linkage != "extra_local")
            continue;
        const std::string text = row.detail.empty()
                                     ? std::string(row.name) + " (" + std::string(row.style) + ")"
                                     : std::string(row.name) + " (" + std::string(row.style) +
                                           "): " + std::string(row.detail);
        const Row* r = row_with_text(ties, text);
        ASSERT_NE(r, nullptr) << text;
        EXPECT_EQ(r->colour, linkage_colour(row.linkage, false)) << text;
        EXPECT_EQ(r->style, row.style) << text;
        EXPECT_DOUBLE_EQ(r->width, tie_pen_width(1.0, k)) << text;
        EXPECT_DOUBLE_EQ(r->alpha, 0.9) << text;  // not faded in the legend, to stay visible
    }
    EXPECT_DOUBLE_EQ(row_with_text(ties, "weakest tie: 0.5")->width, tie_pen_width(0, k));
    EXPECT_DOUBLE_EQ(row_with_text(ties, "strongest tie: 7")->alpha, tie_alpha(1, "buzz"));
    // Shown: the view's notes, the label rule and the counts.
    const auto& shown = section(legend, "shown");
    EXPECT_NE(row_with_text(shown, "labels: top 15 by betweenness"), nullptr);
    EXPECT_NE(row_with_text(shown, "6 actors and 7 ties drawn"), nullptr);
}

/// The DOT of a figure: each node's attributes by name, and each edge's.
struct Dot {
    std::map<std::string, std::map<std::string, std::string>> nodes;
    std::vector<std::map<std::string, std::string>> edges;
};

Dot read_figure(const std::string& dot) {
    Dot out;
    auto g = read_dot(dot);
    auto attr = [](void* obj, const char* name) {
        const char* v = agget(obj, const_cast<char*>(name));
        return std::string(v == nullptr ? "" : v);
    };
    for (Agnode_t* n = agfstnode(g.get()); n != nullptr; n = agnxtnode(g.get(), n)) {
        for (const char* a : {"shape", "label", "style"}) out.nodes[agnameof(n)][a] = attr(n, a);
        for (Agedge_t* e = agfstout(g.get(), n); e != nullptr; e = agnxtout(g.get(), e))
            out.edges.push_back(
                {{"id", attr(e, "id")}, {"color", attr(e, "color")}, {"style", attr(e, "style")}});
    }
    return out;
}

/// The shape of the legend sample whose text (the next legend item) contains `text`.
std::string legend_shape(const Dot& d, const std::string& text) {
    for (int i = 0; i < 200; ++i) {
        const auto sample = d.nodes.find("legend_" + std::to_string(i));
        const auto label = d.nodes.find("legend_" + std::to_string(i + 1));
        if (sample == d.nodes.end() || label == d.nodes.end()) continue;
        if (sample->second.at("shape") == "plaintext") continue;
        if (label->second.at("label").find(">" + text + "<") != std::string::npos)
            return sample->second.at("shape");
    }
    return "(no legend entry " + text + ")";
}

TEST(LegendEncoding, TheDrawingAndItsLegendUseTheSameEntries) {
    const auto net = one_actor_per_type();
    const auto dot = read_figure(render_network(net, Headline{}, options(), "dot").bytes);
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& a = net.actor(i);
        const auto& row = type_shape(a.type, a.focal);
        const auto& drawn = dot.nodes.at("actor_" + std::to_string(i));
        EXPECT_EQ(drawn.at("shape"), row.shape) << a.id;
        EXPECT_EQ(legend_shape(dot, std::string(row.legend)), row.shape) << a.id;
        EXPECT_EQ(drawn.at("style"), a.locality == Locality::global ? "filled,dashed" : "filled");
    }
    // Every drawn tie has its linkage's colour (before the alpha byte) and line style, and the
    // legend sample of that linkage the same (the first sample of each style is the linkage's;
    // the weakest and strongest samples come after them).
    std::map<std::string, std::string> legend_ties;  // style → colour of the linkage sample
    for (const auto& e : dot.edges)
        if (e.at("id").rfind("legend_tie_", 0) == 0)
            legend_ties.emplace(e.at("style"), e.at("color").substr(0, 7));
    std::size_t ties = 0;
    for (const auto& e : dot.edges) {
        if (e.at("id").rfind("tie_", 0) != 0) continue;
        ++ties;
        const bool buzz = e.at("style") == "solid", pipeline = e.at("style") == "dashed";
        const auto& row = linkage_style(buzz ? "buzz" : pipeline ? "pipeline" : "extra_local");
        EXPECT_EQ(e.at("color").substr(0, 7), row.colour) << e.at("id");
        EXPECT_EQ(e.at("style"), row.style);
        EXPECT_EQ(legend_ties.at(std::string(row.style)), row.colour) << e.at("id");
    }
    EXPECT_EQ(ties, 7U);
}

}  // namespace
}  // namespace clusterlens::render
