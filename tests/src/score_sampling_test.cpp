// The whole score job follows the sampling options (issue 12: "sampling must make the whole job
// scale"): with --betweenness-samples or --closeness-samples the E-I permutation test runs at
// most max(1000, budget / (n + 2m)) permutations and says so; without sampling it runs every
// permutation asked for. On the bundled CORDIS example (400 actors, 6,850 ties) n + 2m = 14,100.
#include <gtest/gtest.h>

#include <string>

#include "graphs/load.hpp"
#include "src/score/score.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

Network cordis_ee() {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    return load_network({testing::example("cordis_ee_climate/data")}, o);
}

bool has_note(const scoring::ScoredRelation& r, const std::string& text) {
    for (const auto& w : r.warnings)
        if (w.find(text) != std::string::npos) return true;
    return false;
}

TEST(ScoreSampling, EiPermutationsFollowTheSamplingOptions) {
    const auto net = cordis_ee();
    scoring::ScoreOptions o;
    o.ei.permutations = 5000;
    o.permutation_budget = 1e6;  // 1e6 / 14,100 = 70, so the floor of 1,000 applies
    const auto exact = scoring::score_relation(net, o);
    EXPECT_EQ(exact.cluster.ei_locality.permutations, 5000U);  // no sampling: all of them
    EXPECT_FALSE(has_note(exact, "E-I permutation test"));

    o.centrality.closeness_samples = 40;
    const auto sampled = scoring::score_relation(net, o);
    EXPECT_EQ(sampled.cluster.ei_locality.permutations, 1000U);
    EXPECT_TRUE(has_note(sampled,
                         "E-I permutation test: 1000 of the 5000 permutations asked for, since "
                         "sampling was asked for (about 14100 steps per permutation, budget "
                         "1e+06); p-values carry a Monte Carlo standard error of at most "
                         "0.5/sqrt(1000) = 0.016"));
    EXPECT_TRUE(sampled.cluster.closeness.sampled);
    EXPECT_EQ(sampled.cluster.closeness.pivots, 40U);

    o.centrality.closeness_samples = 0;
    o.centrality.betweenness_samples = 50;
    o.permutation_budget = 2e9;  // the default: 141,843 permutations would fit, 5,000 run
    EXPECT_EQ(scoring::score_relation(net, o).cluster.ei_locality.permutations, 5000U);
}

}  // namespace
}  // namespace clusterlens
