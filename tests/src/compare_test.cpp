// Local versus global within one cluster: NetworkX oracle on the CORDIS example
// (tests/data/oracle/compare_oracle.json, made by compare_oracle.py), a hand-computed cluster
// for gatekeeper dependence (`clusterlens compare` end to end: tests/cli/compare_command_test.cpp).
#include "src/compare/local_global.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "graphs/load.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

void expect_close(double actual, const nlohmann::json& expected, const std::string& what) {
    if (expected.is_null()) {
        EXPECT_TRUE(std::isnan(actual)) << what;
        return;
    }
    const double e = expected.get<double>();
    EXPECT_NEAR(actual, e, 1e-9 * std::max(1.0, std::fabs(e))) << what;
}

Network cordis_example() {
    LoadOptions lo;
    lo.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    return load_network({testing::example("cordis_ee_climate/data")}, lo);
}

TEST(CompareLocalGlobal, CordisExampleMatchesNetworkX) {
    std::ifstream in(testing::data("oracle/compare_oracle.json"));
    const auto o = nlohmann::json::parse(in);
    const auto net = cordis_example();
    const auto r = scoring::compare_local_global(net, {});
    EXPECT_EQ(r.local_actors, o["local_actors"].get<std::size_t>());
    EXPECT_EQ(r.global_actors, o["global_actors"].get<std::size_t>());
    EXPECT_EQ(r.extra_local_ties, o["extra_local_ties"].get<std::size_t>());
    EXPECT_EQ(r.global_reached, o["global_reached"].get<std::size_t>());
    expect_close(r.strong_threshold, o["median_weight"], "median");
    expect_close(r.pipeline_concentration, o["pipeline_concentration"], "HHI");
    for (const auto& [name, side] :
         {std::pair{"buzz", &r.buzz}, std::pair{"pipelines", &r.pipelines}}) {
        const auto& e = o[name];
        EXPECT_EQ(side->ties, e["ties"].get<std::size_t>()) << name;
        EXPECT_EQ(side->actors, e["actors"].get<std::size_t>()) << name;
        EXPECT_EQ(side->components, e["components"].get<std::size_t>()) << name;
        expect_close(side->strength, e["strength"], std::string(name) + " strength");
        expect_close(side->density, e["density"], std::string(name) + " density");
        expect_close(side->mean_strength, e["mean_strength"], std::string(name) + " mean");
        expect_close(side->strong_share, e["strong_share"], std::string(name) + " strong");
        expect_close(side->centralization, e["centralization"], std::string(name) + " central");
    }
    ASSERT_EQ(r.local_rows.size(), o["local_actors_rows"].size());
    for (const auto& row : r.local_rows) {
        const auto& id = net.actor(row.actor).id;
        const auto& e = o["local_actors_rows"].at(id);
        expect_close(row.local_degree, e["local_degree"], id + " degree");
        expect_close(row.local_betweenness, e["local_betweenness"], id + " betweenness");
        expect_close(row.pipelines, e["pipelines"], id + " pipelines");
        expect_close(row.pipeline_strength, e["pipeline_strength"], id + " strength");
        expect_close(row.pipeline_share, e["pipeline_share"], id + " share");
    }
    // Sorted by pipelines, most first.
    for (std::size_t k = 1; k < r.local_rows.size(); ++k)
        EXPECT_GE(r.local_rows[k - 1].pipelines, r.local_rows[k].pipelines);
}

TEST(CompareLocalGlobal, GatekeeperDependenceByHand) {
    // Local firms f1..f4 and a university u; global g1..g3. f1 is the only firm with both
    // local contacts (f2, f3: 2 > mean 1) and outside strength (g1 3 + g2 3 = 6 > mean 2.25):
    // the gatekeeper. Firm means: internal (2 + 1 + 1 + 0)/4 = 1, external (6 + 0 + 0 + 3)/4 =
    // 2.25. g1 and g2 are reached only through f1, g3 through f4 (an external star) and u:
    // dependence = 2 of 3 reached globals.
    std::vector<Actor> actors(8);
    const char* ids[] = {"f1", "f2", "f3", "f4", "u", "g1", "g2", "g3"};
    for (std::size_t i = 0; i < 8; ++i) {
        actors[i].id = ids[i];
        actors[i].type = i < 4 ? "firm" : i == 4 ? "university" : "firm";
        actors[i].part = i < 4 ? Part::core : i == 4 ? Part::assisting : Part::external;
        actors[i].locality = i < 5 ? Locality::local : Locality::global;
    }
    const std::vector<std::int64_t> ends = {0, 1, 0, 2, 0, 5, 0, 6, 3, 7, 4, 7, 5, 6};
    const std::vector<double> w = {1, 1, 3, 3, 3, 1, 2};
    const auto net = Network::build(actors, false, ends, w, {""}, std::vector<std::uint32_t>(7, 0));
    const auto r = scoring::compare_local_global(net, {});
    ASSERT_EQ(r.global_reached, 3U);
    EXPECT_EQ(r.reached_only_via_gatekeepers, 2U);
    EXPECT_DOUBLE_EQ(r.gatekeeper_dependence, 2.0 / 3.0);
    EXPECT_EQ(r.buzz.ties, 2U);
    EXPECT_EQ(r.pipelines.ties, 4U);
    EXPECT_EQ(r.extra_local_ties, 1U);
    // Pipeline shares 2/4, 1/4 (f4), 1/4 (u): HHI = 0.25 + 0.0625 + 0.0625.
    EXPECT_DOUBLE_EQ(r.pipeline_concentration, 0.375);
    // Buzz: 5 local actors, 2 ties: density 2·2/(5·4) = 0.2; components {f1,f2,f3}, {f4}, {u}.
    EXPECT_DOUBLE_EQ(r.buzz.density, 0.2);
    EXPECT_EQ(r.buzz.components, 3U);
    // Pipelines: 4 ties / (5 · 3) possible; centralization over partners (f1 2, f4 1, u 1,
    // f2 0, f3 0): Σ(2 − d) = 0 + 1 + 1 + 2 + 2 = 6 over (5 − 1) · 3 = 12.
    EXPECT_DOUBLE_EQ(r.pipelines.density, 4.0 / 15.0);
    EXPECT_DOUBLE_EQ(r.pipelines.centralization, 0.5);
    // No global actor reached: dependence undefined.
    const auto none = Network::build(actors, false, {0, 1}, {1}, {""}, {0});
    EXPECT_TRUE(std::isnan(scoring::compare_local_global(none, {}).gatekeeper_dependence));
}

}  // namespace
}  // namespace clusterlens
