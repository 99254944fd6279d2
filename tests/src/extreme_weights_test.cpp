// Weights of any finite size (issue 12: "Weights near 1e160 pass validation, then score fails
// inside igraph's ARPACK with exit 3"). Every score that does not change when all weights are
// multiplied by one factor c must come out the same for the CORDIS example's weights (1..k
// shared projects), for c = 1e160 and for c = 1e-300; weighted-path closeness scales by c.
// The expected numbers are the scores of the same network with weights 1..k, which the oracle
// tests pin (centrality_oracle.json, burt_oracle.json, ...).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

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

/// The same network with every weight multiplied by c.
Network scaled(const Network& net, double c) {
    std::vector<std::int64_t> ends;
    std::vector<double> weights;
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        ends.push_back(static_cast<std::int64_t>(net.source(e)));
        ends.push_back(static_cast<std::int64_t>(net.target(e)));
        weights.push_back(net.weight(e) * c);
    }
    return Network::build(net.actors(), net.directed(), ends, weights, net.relations(),
                          std::vector<std::uint32_t>(weights.size(), 0));
}

void expect_same(const AttributeTable& got, const AttributeTable& want, const std::string& name,
                 double factor, const std::string& what) {
    const auto* g = got.find(name);
    const auto* w = want.find(name);
    ASSERT_NE(g, nullptr) << name;
    ASSERT_NE(w, nullptr) << name;
    ASSERT_EQ(g->numbers.size(), w->numbers.size());
    for (std::size_t i = 0; i < g->numbers.size(); ++i) {
        const double expected = w->numbers[i] * factor;
        if (std::isnan(expected)) {
            EXPECT_TRUE(std::isnan(g->numbers[i])) << what << " " << name << " " << i;
            continue;
        }
        EXPECT_NEAR(g->numbers[i], expected, 1e-9 * std::fabs(expected) + 1e-12 * factor)
            << what << " " << name << " actor " << i;
    }
}

TEST(ExtremeWeights, Weights1e160And1e300ScoreLikeWeights1ToK) {
    const auto base = cordis_ee();
    scoring::ScoreOptions o;
    o.ei.permutations = 200;
    for (const bool weighted_paths : {false, true}) {
        o.centrality.weighted_paths = weighted_paths;
        const auto want = scoring::score_relation(base, o);
        for (const double c : {1e160, 1e-300}) {
            const std::string what =
                std::string(weighted_paths ? "weighted paths, " : "") + "c = " + std::to_string(c);
            SCOPED_TRACE(what);
            const auto got = scoring::score_relation(scaled(base, c), o);  // used to throw (exit 3)
            const auto& a = got.network.actor_attributes();
            const auto& b = want.network.actor_attributes();
            for (const char* name :
                 {"degree", "betweenness", "eigenvector", "pagerank", "coreness", "constraint",
                  "effective_size", "efficiency", "hierarchy", "ego_size", "ext_ties", "ext_share",
                  "ei", "ei_valued", "brokerage_z", "learning_capacity", "cp_coreness"})
                expect_same(a, b, name, 1.0, what);
            expect_same(a, b, "strength", c, what);
            expect_same(a, b, "ext_strength", c, what);
            // Harmonic closeness: Σ 1/d with d = Σ 1/w, so it scales by c with weighted paths.
            expect_same(a, b, "closeness", weighted_paths ? c : 1.0, what);
            EXPECT_EQ(got.cluster.typology.counts, want.cluster.typology.counts);
            EXPECT_NEAR(got.cluster.ei_locality.whole_valued, want.cluster.ei_locality.whole_valued,
                        1e-12);
        }
    }
}

}  // namespace
}  // namespace clusterlens
