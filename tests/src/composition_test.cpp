// Composition and size: hand-computed small networks, and the CORDIS example against NetworkX
// (tests/data/oracle/cordis_ee_oracle.json, made by cordis_ee_oracle.py).
#include "src/size/composition.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "graphs/load.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

Network path_plus_isolate(bool directed) {
    // a-b-c and an isolate d: 4 actors, 2 ties.
    std::vector<Actor> actors(4);
    for (int i = 0; i < 4; ++i)
        actors[static_cast<std::size_t>(i)].id = std::string(1, static_cast<char>('a' + i));
    actors[0].part = Part::core;
    actors[3].part = Part::external;
    return Network::build(actors, directed, {0, 1, 1, 2}, {1, 2}, {""}, {0, 0});
}

TEST(Composition, HandComputedUndirected) {
    const auto c = scoring::composition(path_plus_isolate(false));
    EXPECT_EQ(c.actors, 4u);
    EXPECT_EQ(c.ties, 2u);
    // density = 2m / (n(n-1)) = 4 / 12
    EXPECT_DOUBLE_EQ(c.density_by_relation.at(""), 4.0 / 12.0);
    EXPECT_EQ(c.components, 2u);  // {a,b,c}, {d}
    EXPECT_EQ(c.largest_component, 3u);
    EXPECT_DOUBLE_EQ(c.largest_component_share, 0.75);
    EXPECT_EQ(c.isolates, 1u);
    EXPECT_EQ(c.by_part.at("core"), 1u);
    EXPECT_EQ(c.by_part.at("external"), 1u);
    EXPECT_EQ(c.by_part.at(""), 2u);
}

TEST(Composition, HandComputedDirected) {
    const auto c = scoring::composition(path_plus_isolate(true));
    // density = m / (n(n-1)) = 2 / 12; weak components ignore direction
    EXPECT_DOUBLE_EQ(c.density_by_relation.at(""), 2.0 / 12.0);
    EXPECT_EQ(c.components, 2u);
}

TEST(Composition, SingleActorHasUndefinedDensity) {
    std::vector<Actor> actors(1);
    actors[0].id = "solo";
    const auto c = scoring::composition(Network::build(actors, false, {}, {}, {""}, {}));
    EXPECT_TRUE(std::isnan(c.density_by_relation.at("")));
    EXPECT_EQ(c.isolates, 1u);
}

TEST(Composition, CordisExampleMatchesNetworkX) {
    std::ifstream in(testing::data("oracle/cordis_ee_oracle.json"));
    const auto oracle = nlohmann::json::parse(in);
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    const auto net = load_network({testing::example("cordis_ee_climate/data")}, o);
    const auto c = scoring::composition(net);
    EXPECT_EQ(c.actors, oracle["actors"].get<std::size_t>());
    EXPECT_EQ(c.ties, oracle["ties"].get<std::size_t>());
    for (const auto& [k, v] : oracle["by_type"].items())
        EXPECT_EQ(c.by_type.at(k), v.get<std::size_t>()) << k;
    for (const auto& [k, v] : oracle["by_locality"].items())
        EXPECT_EQ(c.by_locality.at(k), v.get<std::size_t>()) << k;
    for (const auto& [k, v] : oracle["by_part"].items())
        EXPECT_EQ(c.by_part.at(k), v.get<std::size_t>()) << k;
    EXPECT_NEAR(c.density_by_relation.at("coparticipation"), oracle["density"].get<double>(),
                1e-12);
    EXPECT_EQ(c.components, oracle["components"].get<std::size_t>());
    EXPECT_EQ(c.largest_component, oracle["largest_component"].get<std::size_t>());
    EXPECT_EQ(c.isolates, oracle["isolates"].get<std::size_t>());
    double total = 0;
    for (const double w : net.weights()) total += w;
    EXPECT_DOUBLE_EQ(total, oracle["total_weight"].get<double>());
}

}  // namespace
}  // namespace clusterlens
