// Communities as fill (render --color-by community, issue 13 item 5): the palette order, the
// grey for communities beyond the seventh, white for actors without one, and the legend's rows
// with the actors drawn in each. Expected colours are Okabe & Ito's (2008) published hex values
// without black, in their order, written out here rather than read from render/style.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "graphs/error.hpp"
#include "render/community_graph.hpp"
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
    // Each of the seven greys is at most #bcbcbc (235 - 190 x 0.25 = 187.5, rounded up), far
    // from the #f0f0f0 (240) of communities 8+.
    for (const auto& [g, n] : greys) EXPECT_LE(std::stoi(g.substr(1, 2), nullptr, 16), 188) << g;
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

/// Two triangles a-b-c and d-e-f (weight 2 each tie), bridged by c-d (weight 1) and b-e (0.5);
/// g has no community and a tie to a (weight 4). community: a b c 1, d e f 2, g none.
Network two_triangles_and_a_bridge() {
    std::vector<Actor> actors;
    for (const char* id : {"a", "b", "c", "d", "e", "f", "g"})
        actors.push_back(make_actor(id, Part::core, "firm", Locality::local));
    auto net =
        small_network(std::move(actors), {0, 1, 0, 2, 1, 2, 3, 4, 3, 5, 4, 5, 2, 3, 1, 4, 6, 0},
                      {2, 2, 2, 2, 2, 2, 1, 0.5, 4});
    net.actor_attributes().set_numbers("community", {1, 1, 1, 2, 2, 2, std::nan("")});
    return net;
}

TEST(CommunityGraph, OneNodePerCommunityOneLinkPerPairWithTheSummedWeight) {
    const auto reduced = community_graph(two_triangles_and_a_bridge());
    const auto& g = reduced.network;
    ASSERT_EQ(g.actor_count(), 2U);  // communities 1 and 2
    EXPECT_EQ(g.actor(0).label, "1 (3 actors)");
    EXPECT_EQ(g.actor(1).label, "2 (3 actors)");
    EXPECT_EQ(g.actor_attributes().find("members")->numbers, (std::vector<double>{3, 3}));
    EXPECT_EQ(g.actor_attributes().find("community")->numbers, (std::vector<double>{1, 2}));
    // Ties inside the triangles are not links; g-a has an end without a community. The link
    // 1-2 sums c-d and b-e: 1 + 0.5 = 1.5, from 2 ties.
    ASSERT_EQ(g.tie_count(), 1U);
    EXPECT_EQ(std::min(g.source(0), g.target(0)), 0U);
    EXPECT_EQ(std::max(g.source(0), g.target(0)), 1U);
    EXPECT_DOUBLE_EQ(g.weight(0), 1.5);
    EXPECT_EQ(g.tie_attributes().find("ties")->numbers, (std::vector<double>{2}));
    EXPECT_EQ(reduced.left_out, 1U);  // g
}

TEST(CommunityGraph, OnlyTheNumbersPresentBecomeNodes) {
    // Communities 7 and 10^12 (a user's own numbering): two nodes, in ascending order, labelled
    // with the numbers; nothing allocated for the numbers in between.
    auto net = two_triangles_and_a_bridge();
    std::vector<double> c = {7, 7, 7, 1e12, 1e12, 1e12, std::nan("")};
    net.actor_attributes().set_numbers("community", c);
    const auto g = community_graph(net).network;
    ASSERT_EQ(g.actor_count(), 2U);
    EXPECT_EQ(g.actor(0).label, "7 (3 actors)");
    EXPECT_EQ(g.actor(1).label, "1000000000000 (3 actors)");
    EXPECT_EQ(g.actor_attributes().find("community")->numbers, (std::vector<double>{7, 1e12}));
    ASSERT_EQ(g.tie_count(), 1U);
    EXPECT_DOUBLE_EQ(g.weight(0), 1.5);
}

TEST(CommunityGraph, MissingOrEmptyPartitionIsAUsageError) {
    auto net = two_triangles_and_a_bridge();
    net.actor_attributes().set_numbers("community", std::vector<double>(7, std::nan("")));
    EXPECT_THROW(community_graph(net), UsageError);
    EXPECT_THROW(community_graph(testing::six_actors()), UsageError);  // no community attribute
}

TEST(CommunityGraph, DrawnWithTheCommunityColoursAndCounts) {
    RenderOptions o;
    o.community_graph = true;
    o.size_by = "members";
    o.color_by = "community";
    o.layout = Layout::neato;
    const auto d =
        render_network(community_graph(two_triangles_and_a_bridge()).network, Headline{}, o, "dot");
    EXPECT_EQ(d.actors_drawn, 2U);
    EXPECT_EQ(d.ties_drawn, 1U);
    auto g = read_dot(d.bytes);
    EXPECT_EQ(std::string(agget(agnode(g.get(), const_cast<char*>("actor_0"), 0),
                                const_cast<char*>("fillcolor"))),
              "#e69f00");
    EXPECT_EQ(std::string(agget(agnode(g.get(), const_cast<char*>("actor_1"), 0),
                                const_cast<char*>("fillcolor"))),
              "#56b4e9");
}

}  // namespace
}  // namespace clusterlens::render
