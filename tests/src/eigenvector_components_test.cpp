// Eigenvector centrality on disconnected networks (centrality.hpp: per weak component, the
// components with the largest eigenvalue kept, each scaled to max 1). Expected values: by hand
// (arithmetic in the comments) and tests/data/oracle/eigenvector_oracle.json (NetworkX
// components + NumPy eigh per component, made by eigenvector_oracle.py, independent of igraph).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "src/centrality/centrality.hpp"
#include "src/centrality_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using namespace testing;  // make, scores_of

std::map<std::string, double> by_id(const Network& net, const std::vector<double>& x) {
    std::map<std::string, double> out;
    for (std::size_t i = 0; i < net.actor_count(); ++i) out[net.actor(i).id] = x[i];
    return out;
}

bool warned(const scoring::CentralityScores& s) {
    return std::any_of(s.warnings.begin(), s.warnings.end(), [](const std::string& w) {
        return w.find("components share the largest eigenvalue") != std::string::npos;
    });
}

TEST(EigenvectorComponents, ThreeIdenticalPairsGetEqualValues) {
    // a-b, c-d, e-f: each pair has λ = 1 and x = (1, 1); the three tie for the largest λ, so
    // each is kept at max 1 (igraph on the whole graph gave 0.52, 1, 0.66) and a warning says
    // the dominant eigenvector is not unique.
    const auto s = scores_of(make(6, false, {{0, 1}, {2, 3}, {4, 5}}));
    EXPECT_EQ(s.eigenvector, std::vector<double>(6, 1.0));
    EXPECT_TRUE(warned(s));
}

TEST(EigenvectorComponents, ReversedInputGivesTheSameValues) {
    // Two triangles (λ = 2, all 1), a path of three (λ = √2 < 2: 0) and an isolate; the same
    // network with actors and ties in reverse order must give the same value to each actor.
    const std::vector<Tie> ties{{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {6, 7}, {7, 8}};
    std::vector<Tie> reversed;
    for (auto it = ties.rbegin(); it != ties.rend(); ++it)
        reversed.push_back({9 - it->t, 9 - it->s});
    const auto forward = make(10, false, ties);
    const auto backward = make(10, false, reversed);  // actor i of forward is 9 − i here
    const auto f = scores_of(forward).eigenvector, b = scores_of(backward).eigenvector;
    for (std::size_t i = 0; i < 10; ++i) EXPECT_DOUBLE_EQ(f[i], b[9 - i]) << i;
    for (std::size_t i = 0; i < 6; ++i) EXPECT_NEAR(f[i], 1.0, 1e-12) << i;
    for (std::size_t i = 6; i < 10; ++i) EXPECT_EQ(f[i], 0.0) << i;
}

TEST(EigenvectorComponents, LargerEigenvalueWinsWithoutWarning) {
    // Star with centre a and 3 leaves (λ = √3, leaves 1/√3) beside a pair (λ = 1): the pair 0.
    const auto s = scores_of(make(6, false, {{0, 1}, {0, 2}, {0, 3}, {4, 5}}));
    EXPECT_NEAR(s.eigenvector[0], 1.0, 1e-12);
    for (std::size_t i = 1; i < 4; ++i) EXPECT_NEAR(s.eigenvector[i], 1 / std::sqrt(3.0), 1e-12);
    EXPECT_EQ(s.eigenvector[4], 0.0);
    EXPECT_EQ(s.eigenvector[5], 0.0);
    EXPECT_FALSE(warned(s));
}

TEST(EigenvectorComponents, DirectedWeakComponents) {
    // Two 2-cycles a⇄b, c⇄d (λ = 1 each, tied: all 1) and a DAG e→f (λ = 0: 0).
    const auto s = scores_of(make(6, true, {{0, 1}, {1, 0}, {2, 3}, {3, 2}, {4, 5}}));
    EXPECT_EQ(s.eigenvector, (std::vector<double>{1, 1, 1, 1, 0, 0}));
    EXPECT_TRUE(warned(s));
}

void expect_oracle(const Network& net, const nlohmann::json& o) {
    const auto x = by_id(net, scores_of(net).eigenvector);
    ASSERT_EQ(x.size(), o["eigenvector"].size());
    for (const auto& [id, value] : o["eigenvector"].items())
        EXPECT_NEAR(x.at(id), value.get<double>(), 1e-9) << id;
}

nlohmann::json oracle() {
    std::ifstream in(testing::data("oracle/eigenvector_oracle.json"));
    return nlohmann::json::parse(in);
}

Network estonian() {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    return load_network({testing::example("cordis_ee_climate/data")}, o);
}

TEST(EigenvectorComponents, EstonianExampleMatchesNumpy) {
    expect_oracle(estonian(), oracle()["cordis"]);  // one component
}

TEST(EigenvectorComponents, EstonianLocalNetworkMatchesNumpy) {
    // The 8 Estonian actors and their ties: 4 components, one of 5 actors with ties.
    const auto net = estonian();
    std::vector<Actor> actors;
    std::vector<std::int64_t> index(net.actor_count(), -1), ends;
    std::vector<double> weights;
    for (std::size_t i = 0; i < net.actor_count(); ++i)
        if (net.actor(i).locality == Locality::local) {
            index[i] = static_cast<std::int64_t>(actors.size());
            actors.push_back(net.actor(i));
        }
    for (std::size_t e = 0; e < net.tie_count(); ++e)
        if (index[net.source(e)] >= 0 && index[net.target(e)] >= 0) {
            ends.push_back(index[net.source(e)]);
            ends.push_back(index[net.target(e)]);
            weights.push_back(net.weight(e));
        }
    ASSERT_EQ(actors.size(), 8u);
    const auto n = weights.size();
    expect_oracle(Network::build(actors, false, ends, weights, {net.relations()[0]},
                                 std::vector<std::uint32_t>(n, 0)),
                  oracle()["cordis_local"]);
}

TEST(EigenvectorComponents, LatvianCaseWithThreeComponentsMatchesNumpy) {
    // Components of 172, 21 and 10 actors, λ ≈ 69.3, 20, 9: only the first is non-zero.
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_sc5_baltics/cordis.toml"));
    expect_oracle(load_network({testing::example("cordis_sc5_baltics/LV")}, o),
                  oracle()["baltics_lv"]);
}

}  // namespace
}  // namespace clusterlens
