// The view a diagram draws (render/view.hpp), on the six-actor cluster of six_actors.hpp:
// selection (ego, local only, the position map's firms, the overview), merging (collapsed
// global actors, summed ties), the tie filters, the draw order and the labels. No Graphviz,
// no scoring: every expected value is read off the six actors and seven ties by hand.
#include "render/view.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "graphs/error.hpp"
#include "render/scales.hpp"
#include "render/style.hpp"
#include "six_actors.hpp"

namespace clusterlens::render {
namespace {
using testing::make_actor;
using testing::six_actors;
using testing::small_network;

RenderOptions options() {
    RenderOptions o;
    o.color_by = "part";  // categorical: no learning_capacity without scoring
    return o;
}

std::vector<std::string> ids(const Network& net, const View& v) {
    std::vector<std::string> out;
    for (const auto& nd : v.nodes)
        out.push_back(nd.actor == kNone ? nd.label : net.actor(nd.actor).id);
    return out;
}

std::vector<double> weights(const View& v) {
    std::vector<double> out;
    for (const auto& e : v.edges) out.push_back(e.weight);
    return out;
}

template <class F>
std::string usage_error(F f) {
    try {
        f();
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(no error)";
}

using Strings = std::vector<std::string>;
using Doubles = std::vector<double>;

// ---- selection ------------------------------------------------------------------------

TEST(ViewSelection, EgoNeighbourhoodByBreadthFirstSearch) {
    const auto net = six_actors();
    auto o = options();
    o.ego = "d";
    // Radius 1: d's neighbours a and e; the ties among them a-d, a-e, d-e.
    auto v = build_view(net, o, false);
    EXPECT_EQ(ids(net, v), (Strings{"a", "d", "e"}));
    EXPECT_EQ(v.nodes[0].ring, 1);
    EXPECT_EQ(v.nodes[1].ring, 0);
    EXPECT_EQ(v.nodes[2].ring, 1);
    EXPECT_EQ(weights(v), (Doubles{0.5, 4, 6}));
    EXPECT_EQ(v.ties_left_out, 4U);
    EXPECT_EQ(v.notes, (Strings{"ego network of d (radius 1)"}));
    // Radius 2 adds a's neighbours b and c; f is three steps away (d-a-c-f).
    o.radius = 2;
    v = build_view(net, o, false);
    EXPECT_EQ(ids(net, v), (Strings{"a", "b", "c", "d", "e"}));
    EXPECT_EQ(v.nodes[1].ring, 2);
    EXPECT_EQ(v.edges.size(), 6U);
    o.ego = "zz";
    EXPECT_EQ(usage_error([&] { build_view(net, o, false); }),
              "--ego 'zz' is not an actor id of this network");
}

TEST(ViewSelection, LocalActorsOnly) {
    const auto net = six_actors();
    auto o = options();
    o.only_local = true;
    const auto v = build_view(net, o, false);
    EXPECT_EQ(ids(net, v), (Strings{"a", "b", "c"}));
    EXPECT_EQ(weights(v), (Doubles{1, 2, 3}));
    EXPECT_EQ(v.ties_left_out, 4U);
    EXPECT_EQ(v.notes, (Strings{"local actors only (the buzz sub-network)"}));
}

TEST(ViewSelection, PositionMapKeepsTheFirmsWithATypology) {
    auto net = six_actors();
    auto o = options();
    o.layout = Layout::position_map;
    EXPECT_EQ(usage_error([&] { build_view(net, o, false); })
                  .rfind("--position-map needs the "
                         "typology scores",
                         0),
              0U);
    const double nan = std::nan("");
    net.actor_attributes().set_numbers("internal_connectivity", {2, 1, nan, nan, nan, nan});
    net.actor_attributes().set_numbers("external_openness", {4.5, 0, nan, nan, nan, nan});
    const auto v = build_view(net, o, false);
    EXPECT_EQ(ids(net, v), (Strings{"a", "b"}));
    EXPECT_DOUBLE_EQ(v.nodes[0].x, 2);
    EXPECT_DOUBLE_EQ(v.nodes[0].y, 4.5);
    EXPECT_DOUBLE_EQ(v.nodes[1].x, 1);
    EXPECT_TRUE(v.edges.empty());
    EXPECT_EQ(v.ties_left_out, 7U);
    EXPECT_EQ(v.notes, (Strings{"position map: firms with a typology; ties not drawn"}));
}

TEST(ViewSelection, OverviewKeepsTheTopActorsBySize) {
    const auto net = six_actors();
    auto o = options();
    o.max_actors = 3;
    // betweenness a 5, b 3, f 2, c 1, d 0, e undefined (last).
    const auto v = build_view(net, o, false);
    EXPECT_EQ(ids(net, v), (Strings{"a", "b", "f"}));
    EXPECT_EQ(v.actors_left_out, 3U);
    EXPECT_EQ(weights(v), (Doubles{1}));  // a-b; f's only tie is to c
    EXPECT_EQ(v.ties_left_out, 6U);
    EXPECT_EQ(v.notes, (Strings{"overview: top 3 of 6 actors by betweenness"}));
    // The steps one by one: an overview inside the local actors.
    Selection s(net.actor_count());
    View w;
    select_local(net, s, w);
    o.max_actors = 2;
    select_top(o, {5, 3, 1, 0, std::nan(""), 2}, s, w);
    EXPECT_EQ(s.keep, (std::vector<char>{1, 1, 0, 0, 0, 0}));
    EXPECT_EQ(w.actors_left_out, 1U);
    EXPECT_EQ(w.notes.back(), "overview: top 2 of 3 actors by betweenness");
}

// ---- merging --------------------------------------------------------------------------

TEST(ViewMerging, GlobalActorsCollapsedPerValueWithTheirTiesSummed) {
    const auto net = six_actors();
    auto o = options();
    o.collapse_external = "country";
    const auto v = build_view(net, o, false);
    // d and e (DE) in one group, f (FR) in another; groups sized by their members.
    EXPECT_EQ(ids(net, v), (Strings{"a", "b", "c", "DE (2 actors)", "FR (1 actor)"}));
    EXPECT_EQ(v.nodes[3].members, 2U);
    EXPECT_DOUBLE_EQ(v.nodes[3].size_value, 2);
    EXPECT_TRUE(v.nodes[3].global);
    EXPECT_EQ(v.nodes[3].part, Part::external);
    // a-d 4 + a-e 0.5 = 4.5 to DE; c-f 7 to FR; d-e lies inside DE and is not drawn.
    EXPECT_EQ(weights(v), (Doubles{1, 2, 3, 4.5, 7}));
    EXPECT_EQ(v.edges[3].a, 0U);
    EXPECT_EQ(v.edges[3].b, 3U);
    EXPECT_EQ(v.edges[3].kind, "pipeline");
    EXPECT_EQ(v.edges[3].dimension, "pipeline");
    EXPECT_EQ(v.ties_left_out, 1U);
    EXPECT_EQ(v.notes, (Strings{"3 global actors merged into 2 grey octagons by country",
                                "1 ties among merged global actors not drawn"}));
}

TEST(ViewMerging, LinkageFromTheTieAttributeElseFromTheLocalities) {
    auto net = six_actors();
    const auto o = options();
    auto v = build_view(net, o, false);
    // In draw order: a-e 0.5, a-b 1, a-c 2, b-c 3, a-d 4, d-e 6, c-f 7.
    Strings kinds;
    for (const auto& e : v.edges) kinds.push_back(e.kind);
    EXPECT_EQ(kinds,
              (Strings{"pipeline", "buzz", "buzz", "buzz", "pipeline", "extra_local", "pipeline"}));
    EXPECT_TRUE(v.locality_known);
    // The linkage attribute (as score writes it) wins, whatever the localities say.
    net.tie_attributes().set_texts("linkage", Strings(7, "buzz"));
    v = build_view(net, o, false);
    for (const auto& e : v.edges) EXPECT_EQ(e.kind, "buzz");
    // An unspecified end: no linkage, as in scoring (graphs/vocabulary.hpp).
    {
        auto partial =
            small_network({make_actor("x", Part::core, "firm", Locality::local),
                           make_actor("y", Part::external, "firm", Locality::global),
                           make_actor("z", Part::unspecified, "", Locality::unspecified)},
                          {0, 1, 0, 2}, {1, 1});
        partial.actor_attributes().set_numbers("betweenness", {1, 0, 0});
        const auto pv = build_view(partial, o, false);
        std::multiset<std::string> kinds;
        for (const auto& e : pv.edges) kinds.insert(e.kind);
        EXPECT_EQ(kinds, (std::multiset<std::string>{"", "pipeline"}));
    }
    // No locality anywhere: one plain style.
    auto plain = small_network({make_actor("x", Part::unspecified, "", Locality::unspecified),
                                make_actor("y", Part::unspecified, "", Locality::unspecified)},
                               {0, 1}, {2});
    plain.actor_attributes().set_numbers("betweenness", {0, 0});
    v = build_view(plain, o, false);
    EXPECT_FALSE(v.locality_known);
    EXPECT_EQ(v.edges.at(0).kind, "plain");
}

// ---- filters and draw order -----------------------------------------------------------

TEST(ViewFilters, OneLinkageMinimumWeightAndStrongestTies) {
    const auto net = six_actors();
    auto o = options();
    o.only_linkage = "buzz";
    auto v = build_view(net, o, false);
    EXPECT_EQ(weights(v), (Doubles{1, 2, 3}));
    EXPECT_EQ(v.ties_left_out, 4U);
    EXPECT_EQ(v.notes, (Strings{"ties shown: buzz only"}));
    o = options();
    o.min_weight = 3;  // b-c 3, a-d 4, d-e 6, c-f 7
    v = build_view(net, o, false);
    EXPECT_EQ(weights(v), (Doubles{3, 4, 6, 7}));
    EXPECT_EQ(v.notes, (Strings{"ties shown: weight >= 3 (4 of 7)"}));
    o = options();
    o.top_ties = 2;
    v = build_view(net, o, false);
    EXPECT_EQ(weights(v), (Doubles{6, 7}));
    EXPECT_EQ(v.ties_left_out, 5U);
    EXPECT_EQ(v.notes, (Strings{"ties shown: the 2 strongest (2 of 7)"}));
    o.min_weight = 2.5;
    o.top_ties = 3;
    v = build_view(net, o, false);
    EXPECT_EQ(weights(v), (Doubles{4, 6, 7}));
    EXPECT_EQ(v.notes, (Strings{"ties shown: weight >= 2.5, the 3 strongest (3 of 7)"}));
}

TEST(ViewFilters, WeakTiesDrawnFirstAndEqualWeightsKeepTheirOrder) {
    View v;
    v.edges = {{0, 1, 2, "buzz", "x"},
               {1, 2, 1, "buzz", "y"},
               {2, 3, 2, "buzz", "z"},
               {3, 4, 0.5, "buzz", "w"}};
    draw_order(v);
    Strings dims;
    for (const auto& e : v.edges) dims.push_back(e.dimension);
    EXPECT_EQ(dims, (Strings{"w", "y", "x", "z"}));
}

TEST(ViewFilters, UsageErrorsNameTheOption) {
    const auto net = six_actors();
    auto o = options();
    o.size_by = "country";
    EXPECT_EQ(usage_error([&] { build_view(net, o, false); }),
              "--size-by 'country' is not numeric");
    o.size_by = "nothing";
    EXPECT_EQ(usage_error([&] { build_view(net, o, false); }),
              "--size-by 'nothing' is not an actor attribute; choose one of: part, type, "
              "locality, group, stage, betweenness, country");
    o = options();
    o.tie_colour_by = "change";
    EXPECT_EQ(usage_error([&] { build_view(net, o, false); }),
              "--tie-colour 'change' is not a tie attribute of this network");
    o = options();
    o.layout = Layout::file;
    EXPECT_EQ(usage_error([&] {
                  build_view(net, o, false);
              }).rfind("--layout file: the network carries no positions", 0),
              0U);
}

// ---- labels and scales ----------------------------------------------------------------

TEST(ViewLabels, TopBySizeEgoAlwaysGroupsAlways) {
    const auto net = six_actors();
    auto o = options();
    o.label_top = 2;
    auto v = build_view(net, o, false);
    auto labels = choose_labels(o, v);
    // Nodes in input order a..f; a (5) and b (3) are the top two.
    EXPECT_EQ(labels.order, (std::vector<std::size_t>{0, 1}));
    EXPECT_TRUE(v.nodes[0].labelled);
    EXPECT_FALSE(v.nodes[5].labelled);
    EXPECT_EQ(labels.rule, "labels: top 2 by betweenness");
    // top:0 in an ego view: the ego only.
    o.ego = "d";
    o.label_top = 0;
    v = build_view(net, o, false);
    labels = choose_labels(o, v);
    EXPECT_EQ(labels.order, (std::vector<std::size_t>{1}));  // a, d, e: d
    o.labels = RenderOptions::Labels::none;
    EXPECT_TRUE(choose_labels(o, v).order.empty());
    // Merged groups are always labelled, before the top actors.
    o = options();
    o.collapse_external = "country";
    o.label_top = 1;
    v = build_view(net, o, false);
    EXPECT_EQ(choose_labels(o, v).order, (std::vector<std::size_t>{3, 4, 0}));
    o.labels = RenderOptions::Labels::all;
    EXPECT_EQ(choose_labels(o, v).order.size(), 5U);
}

TEST(ViewLabels, PipelineViewLabelsThePartnersWithTheStrongestPipelines) {
    const auto net = six_actors();
    auto o = options();
    o.only_linkage = "pipeline";
    o.label_top = 1;
    auto v = build_view(net, o, false);
    const auto labels = choose_labels(o, v);
    // Local a (betweenness 5); partners by pipeline strength: f 7 (c-f), d 4, e 0.5.
    EXPECT_EQ(labels.order, (std::vector<std::size_t>{0, 5}));
    EXPECT_EQ(labels.rule,
              "labels: top 1 local actors by betweenness, top 1 partners by pipeline strength");
}

TEST(ViewScales, NodeWidthsFromTheSizeScoreGroupsByMembers) {
    const auto net = six_actors();
    auto o = options();
    auto v = build_view(net, o, false);
    const auto s = scale_view(v, false);
    // betweenness 0..5: a at 1, b at 0.6, e undefined (the smallest node).
    EXPECT_DOUBLE_EQ(s.size_lo, 0);
    EXPECT_DOUBLE_EQ(s.size_hi, 5);
    EXPECT_DOUBLE_EQ(v.nodes[0].width, 0.12 + 0.5);
    EXPECT_DOUBLE_EQ(v.nodes[1].width, node_width(0.6));
    EXPECT_DOUBLE_EQ(v.nodes[4].width, 0.12);
    EXPECT_EQ(s.colour_cats.size(), 3U);  // part: assisting, core, external
    EXPECT_EQ(s.colour_cats.at("core"), 1U);
    EXPECT_EQ(s.kinds, (std::set<std::string>{"buzz", "extra_local", "pipeline"}));
    EXPECT_DOUBLE_EQ(s.w_lo, 0.5);
    EXPECT_DOUBLE_EQ(s.w_hi, 7);
    // Merged groups: members over the largest group (DE 2 → 1, FR 1 → 0.5).
    o.collapse_external = "country";
    v = build_view(net, o, false);
    scale_view(v, false);
    EXPECT_DOUBLE_EQ(v.nodes[3].width, node_width(1.0));
    EXPECT_DOUBLE_EQ(v.nodes[4].width, node_width(0.5));
}

}  // namespace
}  // namespace clusterlens::render
