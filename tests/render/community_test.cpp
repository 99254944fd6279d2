// Communities as fill (render --color-by community, issue 13 item 5): the palette order, the
// grey for communities beyond the seventh, white for actors without one, and the legend's rows
// with the actors drawn in each. Expected colours are Okabe & Ito's (2008) published hex values
// without black, in their order, written out here rather than read from render/style.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "render/diagram.hpp"
#include "render/graphviz_support.hpp"
#include "render/legend.hpp"
#include "render/scales.hpp"
#include "render/style.hpp"
#include "render/view.hpp"
#include "six_actors.hpp"

namespace clusterlens::render {
namespace {
using testing::make_actor;
using testing::small_network;

// Okabe & Ito (2008), "Color Universal Design", without black, in the palette's order.
const std::vector<std::string> kOkabeIto = {"#e69f00", "#56b4e9", "#009e73", "#f0e442",
                                            "#0072b2", "#d55e00", "#cc79a7"};

/// 12 local core firms in a chain (ties 1 each); community: actors 0 and 1 in 1, then one actor
/// each in 2, ..., 10, and the last actor (11) in none (NaN).
Network twelve_in_ten_communities() {
    std::vector<Actor> actors;
    std::vector<std::int64_t> ends;
    for (int i = 0; i < 12; ++i) {
        actors.push_back(make_actor("a" + std::to_string(i), Part::core, "firm", Locality::local));
        if (i > 0) ends.insert(ends.end(), {i - 1, i});
    }
    auto net = small_network(std::move(actors), ends, std::vector<double>(11, 1.0));
    net.actor_attributes().set_numbers("betweenness", std::vector<double>(12, 1.0));
    net.actor_attributes().set_numbers("community",
                                       {1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, std::nan("")});
    return net;
}

RenderOptions options() {
    RenderOptions o;
    o.color_by = "community";
    return o;
}

TEST(CommunityFill, OkabeItoInOrderThenGreyThenWhite) {
    for (std::size_t c = 1; c <= 7; ++c)
        EXPECT_EQ(community_fill(static_cast<double>(c), false), kOkabeIto[c - 1]) << c;
    EXPECT_EQ(community_fill(8, false), "#d9d9d9");
    EXPECT_EQ(community_fill(250, false), "#d9d9d9");
    EXPECT_EQ(community_fill(std::nan(""), false), "#ffffff");  // no community
    EXPECT_EQ(community_fill(0, false), "#ffffff");             // not a community number
    EXPECT_EQ(community_fill(2.5, false), "#ffffff");
    // Greyscale: seven distinct greys, then one light grey, none white.
    std::map<std::string, int> greys;
    for (int c = 1; c <= 7; ++c) ++greys[community_fill(c, true)];
    EXPECT_EQ(greys.size(), 7U);
    EXPECT_EQ(greys.count(community_fill(8, true)), 0U);
}

TEST(CommunityFill, LegendHasARowPerColourWithItsActors) {
    const auto net = twelve_in_ten_communities();
    const auto o = options();
    auto v = build_view(net, o, true);
    const auto scales = scale_view(v, true);
    const LegendInputs in{v, o, scales, true, "labels: top 15 by betweenness", 9};
    const auto legend = network_legend(in, 1.0);
    const Section* fill = nullptr;
    for (const auto& s : legend)
        if (!s.empty() && s.front().text == "fill: community (1 = the largest)") fill = &s;
    ASSERT_NE(fill, nullptr);
    // heading; 1 (actors 0, 1); 2..7 one actor each; 8, 9, 10 in one grey row; the NaN actor.
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"1 (2 actors)", "#e69f00"},          {"2 (1 actor)", "#56b4e9"},
        {"3 (1 actor)", "#009e73"},           {"4 (1 actor)", "#f0e442"},
        {"5 (1 actor)", "#0072b2"},           {"6 (1 actor)", "#d55e00"},
        {"7 (1 actor)", "#cc79a7"},           {"communities 8\u201310 (3 actors)", "#d9d9d9"},
        {"no community (1 actor)", "#ffffff"}};
    ASSERT_EQ(fill->size(), expected.size() + 1);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ((*fill)[i + 1].text, expected[i].first) << i;
        EXPECT_EQ((*fill)[i + 1].fill, expected[i].second) << i;
        EXPECT_EQ((*fill)[i + 1].kind, Row::Kind::shape) << i;
    }
}

TEST(CommunityFill, EachActorIsDrawnInItsCommunitysColour) {
    const auto net = twelve_in_ten_communities();
    const auto dot = render_network(net, Headline{}, options(), "dot").bytes;
    auto g = read_dot(dot);
    std::map<std::string, std::string> fill;  // node name -> fillcolor
    for (Agnode_t* n = agfstnode(g.get()); n != nullptr; n = agnxtnode(g.get(), n)) {
        const char* f = agget(n, const_cast<char*>("fillcolor"));
        fill[agnameof(n)] = f == nullptr ? "" : f;
    }
    const std::vector<std::string> expected = {"#e69f00", "#e69f00", "#56b4e9", "#009e73",
                                               "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
                                               "#d9d9d9", "#d9d9d9", "#d9d9d9", "#ffffff"};
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(fill.at("actor_" + std::to_string(i)), expected[i]) << i;
}

}  // namespace
}  // namespace clusterlens::render
