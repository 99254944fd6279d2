// Tie strength, learning dimensions, firm typology, learning capacity and lock-in.
// Expected values: arithmetic in the comments, Borgatti's (1997) example, and
// tests/data/oracle/ties_roles_oracle.json (NetworkX + a Python re-implementation written from
// the header docs; script ties_roles_oracle.py).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "graphs/load.hpp"
#include "src/learning/learning_capacity.hpp"
#include "src/learning/lock_in.hpp"
#include "src/roles/learning_dimension.hpp"
#include "src/roles/typology.hpp"
#include "src/ties/tie_strength.hpp"
#include "test_paths.hpp"

namespace clusterlens::scoring {
namespace {

nlohmann::json oracle() {
    std::ifstream in(testing::data("oracle/ties_roles_oracle.json"));
    return nlohmann::json::parse(in);
}

Network borgatti() {
    // Borgatti's (1997) example with the weights of burt_test.cpp.
    const char* names = "ABCDEFG";
    std::vector<Actor> actors(7);
    for (std::size_t i = 0; i < 7; ++i) actors[i].id = std::string(1, names[i]);
    auto idx = [](char c) { return static_cast<std::int64_t>(c - 'A'); };
    const std::vector<std::pair<std::string, double>> ties = {
        {"AB", 2}, {"AF", 3}, {"AG", 5}, {"AE", 2}, {"EG", 8},
        {"FG", 3}, {"BG", 4}, {"BD", 1}, {"DG", 3}, {"GC", 10}};
    std::vector<std::int64_t> ends;
    std::vector<double> w;
    for (const auto& [t, x] : ties)
        ends.push_back(idx(t[0])), ends.push_back(idx(t[1])), w.push_back(x);
    return Network::build(actors, false, ends, w, {""}, std::vector<std::uint32_t>(w.size(), 0));
}

Network cordis() {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    return load_network({testing::example("cordis_ee_climate/data")}, o);
}

TEST(TieStrength, TriangleWithPendant) {
    // a-b, b-c, c-a, c-d. Tie a-b: n=1 (c), k_a-1=1, k_b-1=1 -> 1/(1+1-1) = 1.
    // Tie c-d: n=0, k_c-1=2, k_d-1=0 -> 0/2 = 0, a local bridge.
    std::vector<Actor> actors(4);
    for (int i = 0; i < 4; ++i)
        actors[static_cast<std::size_t>(i)].id = std::string(1, static_cast<char>('a' + i));
    const auto net =
        Network::build(actors, false, {0, 1, 1, 2, 2, 0, 2, 3}, {1, 1, 3, 1}, {""}, {0, 0, 0, 0});
    const auto s = tie_strength(net, {});
    EXPECT_DOUBLE_EQ(s.overlap[0], 1.0);
    EXPECT_DOUBLE_EQ(s.overlap[3], 0.0);
    EXPECT_EQ(s.local_bridge[3], 1.0);
    EXPECT_EQ(s.local_bridge[0], 0.0);
    EXPECT_EQ(s.local_bridges, 1u);
    // median weight of {1,1,3,1} = 1; strong = weight > 1: only c-a.
    EXPECT_DOUBLE_EQ(s.threshold_used, 1.0);
    EXPECT_EQ(s.strength_class[2], "strong");
    EXPECT_DOUBLE_EQ(s.strong_share, 0.25);
    EXPECT_DOUBLE_EQ(s.mean_weight, 1.5);
}

TEST(TieStrength, PendantPairHasUndefinedOverlap) {
    std::vector<Actor> actors(2);
    actors[0].id = "a", actors[1].id = "b";
    const auto s = tie_strength(Network::build(actors, false, {0, 1}, {2}, {""}, {0}), {});
    EXPECT_TRUE(std::isnan(s.overlap[0]));  // (0 + 0 - 0) = 0 denominator
    EXPECT_TRUE(std::isnan(s.mean_overlap));
    TieStrengthOptions o;
    o.strong_threshold = 2;  // absolute: weight >= 2 is strong
    EXPECT_EQ(
        tie_strength(Network::build(actors, false, {0, 1}, {2}, {""}, {0}), o).strength_class[0],
        "strong");
}

TEST(TieStrength, BorgattiMatchesOracle) {
    const auto net = borgatti();
    const auto s = tie_strength(net, {});
    EXPECT_NEAR(s.overlap[2], 0.6, 1e-12);  // A-G: 3 common / (3 + 5 − 3)
    const auto j = oracle()["borgatti"];
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const auto key = net.actor(net.source(e)).id + "|" + net.actor(net.target(e)).id;
        const auto& t = j["ties"][key];
        if (t["overlap"].is_null())
            EXPECT_TRUE(std::isnan(s.overlap[e])) << key;
        else
            EXPECT_NEAR(s.overlap[e], t["overlap"].get<double>(), 1e-12) << key;
        EXPECT_EQ(s.local_bridge[e] == 1.0, t["local_bridge"].get<bool>()) << key;
        EXPECT_EQ(s.strength_class[e] == "strong", t["strong"].get<bool>()) << key;
    }
    EXPECT_NEAR(s.mean_overlap, j["network"]["mean_overlap"].get<double>(), 1e-12);
    EXPECT_EQ(s.local_bridges, j["network"]["local_bridges"].get<std::size_t>());
}

TEST(TieStrength, CordisMatchesOracle) {
    const auto net = cordis();
    const auto s = tie_strength(net, {});
    const auto j = oracle()["cordis"];
    std::size_t checked = 0;
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const auto key = net.actor(net.source(e)).id + "|" + net.actor(net.target(e)).id;
        const auto& t = j["ties"][key];
        if (t["overlap"].is_null())
            EXPECT_TRUE(std::isnan(s.overlap[e])) << key;
        else
            EXPECT_NEAR(s.overlap[e], t["overlap"].get<double>(), 1e-12) << key;
        EXPECT_EQ(s.local_bridge[e] == 1.0, t["local_bridge"].get<bool>()) << key;
        ++checked;
    }
    EXPECT_EQ(checked, 6850u);
    EXPECT_NEAR(s.mean_weight, j["network"]["mean_weight"].get<double>(), 1e-12);
    EXPECT_NEAR(s.strong_share, j["network"]["strong_share"].get<double>(), 1e-12);
    EXPECT_NEAR(s.mean_overlap, j["network"]["mean_overlap"].get<double>(), 1e-12);
}

TEST(LearningDimension, RulesOnAHandMadeCluster) {
    // f1, f2 local firms at stage 1; f3 local firm at stage 2; u local university;
    // x global firm; n local actor without a type.
    std::vector<Actor> a(6);
    const char* ids[] = {"f1", "f2", "f3", "u", "x", "n"};
    for (std::size_t i = 0; i < 6; ++i) a[i].id = ids[i], a[i].locality = Locality::local;
    a[0].type = a[1].type = a[2].type = "firm";
    a[0].stage = a[1].stage = "1", a[2].stage = "2";
    a[3].type = "university";
    a[4].type = "firm", a[4].locality = Locality::global;
    const auto net = Network::build(a, false, {0, 1, 1, 2, 0, 3, 0, 4, 3, 5, 4, 5},
                                    {1, 1, 1, 1, 1, 1}, {""}, {0, 0, 0, 0, 0, 0});
    const auto s = learning_dimensions(net);
    EXPECT_EQ(s.learning_dimension[0], "horizontal");   // f1-f2 same stage
    EXPECT_EQ(s.learning_dimension[1], "vertical");     // f2-f3 different stages
    EXPECT_EQ(s.learning_dimension[2], "multi_angle");  // f1-u
    EXPECT_EQ(s.learning_dimension[3], "pipeline");     // f1-x (x global)
    EXPECT_EQ(s.learning_dimension[4], "other");        // u-n (n has no type)
    EXPECT_EQ(s.learning_dimension[5], "pipeline");     // x-n
    EXPECT_EQ(s.linkage[0], "buzz");
    EXPECT_EQ(s.linkage[3], "pipeline");
}

TEST(LearningDimension, CordisCountsMatchOracle) {
    const auto s = learning_dimensions(cordis());
    const auto j = oracle()["cordis"];
    for (const auto& [k, v] : j["linkage"].items())
        EXPECT_EQ(s.linkage_counts.at(k), v.get<std::size_t>()) << k;
    for (const auto& [k, v] : j["learning_dimension"].items())
        EXPECT_EQ(s.dimension_counts.at(k), v.get<std::size_t>()) << k;
}

Network small_cluster(bool directed) {
    // Local firms g, m, s, i; local university u; global x1, x2.
    // Ties (arcs are knowledge flows): x1->g, g->m, g->u, m->u, x2->s, s->x1.
    std::vector<Actor> a(7);
    const char* ids[] = {"g", "m", "s", "i", "u", "x1", "x2"};
    for (std::size_t k = 0; k < 7; ++k) {
        a[k].id = ids[k];
        a[k].locality = k < 5 ? Locality::local : Locality::global;
        a[k].type = k < 4 ? "firm" : k == 4 ? "university" : "firm";
        a[k].part = k < 4 ? Part::core : k == 4 ? Part::assisting : Part::external;
    }
    return Network::build(a, directed, {5, 0, 0, 1, 0, 4, 1, 4, 6, 2, 2, 5}, {2, 1, 1, 1, 1, 1},
                          {""}, {0, 0, 0, 0, 0, 0});
}

TEST(Typology, HandComputedUndirected) {
    // Firms g, m, s, i. Internal contacts: g {m,u}=2, m {g,u}=2, s 0, i 0 -> mean 1.
    // External strength: g 2 (x1), m 0, s 1+1=2 (x2, x1), i 0 -> mean 1.
    const auto t = firm_typology(small_cluster(false), {});
    EXPECT_DOUBLE_EQ(t.internal_threshold, 1.0);
    EXPECT_DOUBLE_EQ(t.external_threshold, 1.0);
    EXPECT_EQ(t.typology[0], "technological_gatekeeper");
    EXPECT_EQ(t.typology[1], "mutual_exchanger");
    EXPECT_EQ(t.typology[2], "external_star");
    EXPECT_EQ(t.typology[3], "isolated");
    EXPECT_EQ(t.typology[4], "");  // the university is not a firm
    EXPECT_FALSE(t.morrison_applied);
}

TEST(Typology, MorrisonConditionOnDirectedFlows) {
    // g absorbs from x1 and passes to m and u: a gatekeeper. Make s high/high too by an absolute
    // threshold of 0: s -> x1 only sends outside and takes from x2 but passes nothing inside.
    TypologyOptions o;
    o.internal_threshold = 0, o.external_threshold = 0;
    const auto t = firm_typology(small_cluster(true), o);
    EXPECT_EQ(t.typology[0], "technological_gatekeeper");
    EXPECT_EQ(t.typology[2], "external_star");  // x_int(s) = 0 -> not high internal anyway
    EXPECT_TRUE(t.morrison_applied);
    // A firm with local and outside ties but no inflow from outside: m -> x? build one.
    std::vector<Actor> a(3);
    a[0].id = "f", a[0].locality = Locality::local, a[0].type = "firm";
    a[1].id = "l", a[1].locality = Locality::local, a[1].type = "firm";
    a[2].id = "x", a[2].locality = Locality::global;
    // f -> l (passes inside), f -> x (sends outside, imports nothing): mutual exchanger.
    const auto t2 = firm_typology(Network::build(a, true, {0, 1, 0, 2}, {1, 1}, {""}, {0, 0}), o);
    EXPECT_EQ(t2.typology[0], "mutual_exchanger");
}

TEST(Typology, CordisMatchesOracle) {
    const auto net = cordis();
    const auto t = firm_typology(net, {});
    const auto j = oracle()["cordis"];
    EXPECT_EQ(t.firms, j["typology"].size());
    for (const auto& [id, v] : j["typology"].items()) {
        const auto i = *net.find_actor(id);
        EXPECT_EQ(t.typology[i], v["role"].get<std::string>()) << id;
        EXPECT_DOUBLE_EQ(t.internal_connectivity[i], v["internal"].get<double>()) << id;
        EXPECT_DOUBLE_EQ(t.external_openness[i], v["external"].get<double>()) << id;
    }
}

TEST(LearningCapacity, HandComputed) {
    LearningCapacityIndicators in;
    in.closeness = {0.5, 1.0, 0.0};
    in.ego_size = {2, 4, 0};
    in.ext_share = {0.5, 0.0, std::nan("")};
    in.mean_tie_weight = {3, 1.5, std::nan("")};
    const auto s = learning_capacity(in, {});
    // actor 0: 0.25*(0.5/1) + 0.25*(2/4) + 0.25*0.5 + 0.25*(3/3) = 0.125+0.125+0.125+0.25
    EXPECT_DOUBLE_EQ(s.value[0], 0.625);
    // actor 1: 0.25*1 + 0.25*1 + 0 + 0.25*0.5 = 0.625
    EXPECT_DOUBLE_EQ(s.value[1], 0.625);
    EXPECT_DOUBLE_EQ(s.value[2], 0.0);  // isolate: every indicator 0
    LearningCapacityOptions o{1, 0, 0, 0, {}};
    EXPECT_DOUBLE_EQ(learning_capacity(in, o).value[0], 0.5);
    EXPECT_THROW(learning_capacity(in, LearningCapacityOptions{-1, 0, 0, 0, {}}), UsageError);
    EXPECT_THROW(learning_capacity(in, LearningCapacityOptions{0, 0, 0, 0, {}}), UsageError);
}

TEST(LockIn, HandComputedInwardCluster) {
    // Locals a, b, c in a triangle (I = 3 local ties), one pipeline a-x (E = 1).
    // local_ei = (1-3)/4 = -0.5 (fires, <= -0.5); pipelines per local = 1/3 (fires, < 1);
    // concentration: a holds all -> 1 (fires); local density 3/3 = 1 (fires).
    std::vector<Actor> a(4);
    const char* ids[] = {"a", "b", "c", "x"};
    for (std::size_t k = 0; k < 4; ++k)
        a[k].id = ids[k], a[k].locality = k < 3 ? Locality::local : Locality::global;
    const auto d = lock_in(
        Network::build(a, false, {0, 1, 1, 2, 2, 0, 0, 3}, {1, 1, 1, 1}, {""}, {0, 0, 0, 0}), {});
    ASSERT_EQ(d.indicators.size(), 4u);
    EXPECT_DOUBLE_EQ(d.indicators[0].value, -0.5);
    EXPECT_DOUBLE_EQ(d.indicators[1].value, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(d.indicators[2].value, 1.0);
    EXPECT_DOUBLE_EQ(d.indicators[3].value, 1.0);
    EXPECT_EQ(d.fired, 4u);
    EXPECT_TRUE(d.lock_in);
    EXPECT_EQ(d.indicators[0].rule, "<= -0.5");
}

TEST(LockIn, CordisMatchesOracle) {
    const auto d = lock_in(cordis(), {});
    const auto j = oracle()["cordis"];
    for (const auto& ind : d.indicators)
        EXPECT_NEAR(ind.value, j["lock_in"][ind.name].get<double>(), 1e-12) << ind.name;
    EXPECT_EQ(d.fired, j["lock_in_fired"].get<std::size_t>());
    EXPECT_FALSE(d.lock_in);
}

TEST(LockIn, NoLocalActorsMeansNothingFires) {
    std::vector<Actor> a(2);
    a[0].id = "x", a[1].id = "y";
    const auto d = lock_in(Network::build(a, false, {0, 1}, {1}, {""}, {0}), {});
    for (const auto& ind : d.indicators) EXPECT_TRUE(std::isnan(ind.value)) << ind.name;
    EXPECT_EQ(d.fired, 0u);
}

}  // namespace
}  // namespace clusterlens::scoring
