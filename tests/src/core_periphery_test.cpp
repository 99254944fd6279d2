// Borgatti–Everett continuous core–periphery. Expected values: hand reasoning on tiny graphs and
// tests/data/oracle/core_periphery_oracle.json (SciPy L-BFGS-B on the same objective, an
// independent optimiser; compared to 1e-6 because both are iterative).
#include "src/coreperiphery/core_periphery.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "graphs/load.hpp"
#include "test_paths.hpp"

namespace clusterlens::scoring {
namespace {

nlohmann::json oracle() {
    std::ifstream in(testing::data("oracle/core_periphery_oracle.json"));
    return nlohmann::json::parse(in);
}

void expect_matches(const Network& net, const nlohmann::json& o) {
    const auto r = borgatti_everett_core_periphery(net);
    for (std::size_t i = 0; i < net.actor_count(); ++i)
        EXPECT_NEAR(r.coreness[i], o["coreness"][net.actor(i).id].get<double>(), 1e-6)
            << net.actor(i).id;
    EXPECT_NEAR(r.fit, o["fit"].get<double>(), 1e-6);
    EXPECT_NEAR(r.concentration, o["concentration"].get<double>(), 1e-6);
}

TEST(CorePeriphery, StarHasTheCentreAsCore) {
    // Star with centre 0 and 4 leaves: centre–leaf pairs want c_0·c_l = 1, leaf–leaf pairs want
    // c_l² = 0, so R keeps falling as c_0 grows and c_l shrinks: no finite optimum. After
    // scaling to max 1 the centre is 1 and the (equal, by symmetry) leaves are near 0.
    std::vector<Actor> a(5);
    for (std::size_t i = 0; i < 5; ++i) a[i].id = std::to_string(i);
    const auto r = borgatti_everett_core_periphery(
        Network::build(a, false, {0, 1, 0, 2, 0, 3, 0, 4}, {1, 1, 1, 1}, {""}, {0, 0, 0, 0}));
    EXPECT_DOUBLE_EQ(r.coreness[0], 1.0);
    for (std::size_t i = 2; i < 5; ++i) EXPECT_NEAR(r.coreness[i], r.coreness[1], 1e-9);
    EXPECT_LT(r.coreness[1], 0.01);
    EXPECT_FALSE(r.converged);
    EXPECT_GT(r.fit, 0.5);
}

TEST(CorePeriphery, CompleteGraphIsAllCoreWithUniformConcentration) {
    // K4: every pair tied, c uniform: concentration = 1/n; a_ij has no variance -> fit NaN.
    std::vector<Actor> a(4);
    for (std::size_t i = 0; i < 4; ++i) a[i].id = std::to_string(i);
    const auto r = borgatti_everett_core_periphery(
        Network::build(a, false, {0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3}, std::vector<double>(6, 1),
                       {""}, std::vector<std::uint32_t>(6, 0)));
    for (const double c : r.coreness) EXPECT_NEAR(c, 1.0, 1e-9);  // converged to 1e-10 relative
    EXPECT_NEAR(r.concentration, 0.25, 1e-9);
    EXPECT_TRUE(std::isnan(r.fit));
}

TEST(CorePeriphery, TooSmallOrEmptyIsUndefined) {
    std::vector<Actor> a(2);
    a[0].id = "a", a[1].id = "b";
    const auto r =
        borgatti_everett_core_periphery(Network::build(a, false, {0, 1}, {1}, {""}, {0}));
    EXPECT_TRUE(std::isnan(r.fit));
    EXPECT_TRUE(std::isnan(r.concentration));
    EXPECT_EQ(r.coreness, (std::vector<double>{0, 0}));
}

TEST(CorePeriphery, BorgattiExampleMatchesOracle) {
    const char* names = "ABCDEFG";
    std::vector<Actor> actors(7);
    for (std::size_t i = 0; i < 7; ++i) actors[i].id = std::string(1, names[i]);
    auto idx = [](char c) { return static_cast<std::int64_t>(c - 'A'); };
    std::vector<std::int64_t> ends;
    for (const char* t : {"AB", "AF", "AG", "AE", "EG", "FG", "BG", "BD", "DG", "GC"})
        ends.push_back(idx(t[0])), ends.push_back(idx(t[1]));
    expect_matches(Network::build(actors, false, ends, std::vector<double>(10, 1), {""},
                                  std::vector<std::uint32_t>(10, 0)),
                   oracle()["borgatti"]);
}

TEST(CorePeriphery, FlorentineMarriageMatchesOracle) {
    expect_matches(load_network({testing::data("reference/networkdata_flo_marriage.graphml")}, {}),
                   oracle()["flo_marriage"]);
}

TEST(CorePeriphery, CordisExampleMatchesOracle) {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    expect_matches(load_network({testing::example("cordis_ee_climate/data")}, o),
                   oracle()["cordis"]);
}

}  // namespace
}  // namespace clusterlens::scoring
