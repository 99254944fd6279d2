// Learning-capacity weights fitted to an outcome (score --lc-weights fitted:COLUMN): on the
// bundled CORDIS example, the weights, coefficients and R² equal NetworkX indicators fitted by
// NumPy (tests/data/oracle/lc_fitted_oracle.json, made by lc_fitted_oracle.py); a small case by
// hand; and the messages for an outcome that cannot weigh the dimensions.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graphs/error.hpp"
#include "graphs/load.hpp"
#include "src/learning/learning_capacity.hpp"
#include "src/score/score.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using scoring::fit_learning_capacity_weights;
using scoring::LearningCapacityScores;

Network cordis_ee() {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    return load_network({testing::example("cordis_ee_climate/data")}, o);
}

TEST(LearningFitted, EqualsNumpyOnTheCordisExample) {
    std::ifstream in(testing::data("oracle/lc_fitted_oracle.json"));
    const auto oracle = nlohmann::json::parse(in);
    const auto net = cordis_ee();
    for (const auto& [outcome, c] : oracle["cases"].items()) {
        scoring::ScoreOptions o;
        o.ei.permutations = 0;
        o.learning_capacity.fitted_outcome = outcome;
        const auto scored = scoring::score_relation(net, o);
        ASSERT_TRUE(scored.cluster.learning_capacity.fitted) << outcome;
        const auto& f = *scored.cluster.learning_capacity.fitted;
        EXPECT_EQ(f.actors, c["actors"].get<std::size_t>()) << outcome;
        EXPECT_EQ(f.dropped, c["dropped"].get<std::size_t>()) << outcome;
        EXPECT_NEAR(f.r2, c["r2"].get<double>(), 1e-9) << outcome;
        EXPECT_NEAR(f.adj_r2, c["adj_r2"].get<double>(), 1e-9) << outcome;
        const auto& w = scored.cluster.learning_capacity.weights;
        const double weights[4] = {w.centrality, w.size, w.openness, w.tie_strength};
        for (std::size_t k = 0; k < 4; ++k) {
            EXPECT_NEAR(weights[k], c["weights"][k].get<double>(), 1e-9) << outcome << " " << k;
            EXPECT_NEAR(f.beta[k], c["beta"][k].get<double>(), 1e-9) << outcome << " " << k;
            const double coef = c["coef"][k];
            EXPECT_NEAR(f.coef[k], coef, 1e-9 * std::abs(coef)) << outcome << " " << k;
        }
        // Openness has a negative weight for both outcomes, and it is reported.
        EXPECT_EQ(f.negative, std::vector<std::string>{"openness"}) << outcome;
        EXPECT_EQ(w.fitted_outcome, outcome);
    }
}

LearningCapacityScores indicators() {
    LearningCapacityScores x;
    x.x_centrality = {0.1, 0.4, 0.2, 0.9, 0.5, 0.7, 1.0};
    x.x_size = {0.3, 0.2, 0.6, 0.5, 1.0, 0.1, 0.8};
    x.x_openness = {0.0, 1.0, 0.5, 0.25, 0.75, 0.5, 0.0};
    x.x_tie_strength = {1.0, 0.5, 0.2, 0.4, 0.3, 0.9, 0.6};
    return x;
}

TEST(LearningFitted, ExactOutcomeByHand) {
    // y = 2·x_c + 1·x_s exactly (x_o, x_t do not enter): b = (2, 1, 0, 0), R² = 1; the NaN
    // actor is left out. β_k = b_k·sd(x_k)/sd(y) and the weights β/Σ|β| keep the ratio
    // a_c/a_s = 2·sd(x_c)/sd(x_s) and sum to 1.
    auto x = indicators();
    std::vector<double> y(7);
    for (std::size_t i = 0; i < 7; ++i) y[i] = 2 * x.x_centrality[i] + x.x_size[i];
    x.x_centrality.push_back(0.3), x.x_size.push_back(0.3), x.x_openness.push_back(0.3),
        x.x_tie_strength.push_back(0.3), y.push_back(std::nan(""));
    const auto f = fit_learning_capacity_weights(x, y, "y");
    EXPECT_EQ(f.actors, 7u);
    EXPECT_EQ(f.dropped, 1u);
    EXPECT_NEAR(f.r2, 1.0, 1e-12);
    EXPECT_NEAR(f.coef[0], 2.0, 1e-9);
    EXPECT_NEAR(f.coef[1], 1.0, 1e-9);
    EXPECT_NEAR(f.coef[2], 0.0, 1e-9);
    EXPECT_NEAR(f.coef[3], 0.0, 1e-9);
    auto sd = [](const std::vector<double>& v) {
        double m = 0, s = 0;
        for (std::size_t i = 0; i < 7; ++i) m += v[i] / 7;
        for (std::size_t i = 0; i < 7; ++i) s += (v[i] - m) * (v[i] - m);
        return std::sqrt(s / 6);
    };
    EXPECT_NEAR(f.weights.centrality / f.weights.size, 2 * sd(x.x_centrality) / sd(x.x_size), 1e-9);
    EXPECT_NEAR(f.weights.centrality + f.weights.size, 1.0, 1e-9);
    EXPECT_TRUE(f.negative.empty());
}

std::string message(const LearningCapacityScores& x, const std::vector<double>& y) {
    try {
        fit_learning_capacity_weights(x, y, "patents");
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

TEST(LearningFitted, OutcomesThatCannotWeighTheDimensions) {
    auto x = indicators();
    EXPECT_EQ(message(x, {1, 1, 1, 1, 1, 1, 1}),
              "--lc-weights fitted:patents: the outcome is the same for all 7 actors, so it "
              "cannot weigh the dimensions");
    const double nan = std::nan("");
    EXPECT_EQ(message(x, {1, 2, nan, 4, nan, 6, nan}),
              "--lc-weights fitted:patents: only 4 actors have a value, too few to fit 4 "
              "weights; give more values or fixed weights a,b,c,d");
    x.x_openness.assign(7, 0.0);  // locality unknown: openness 0 for everyone
    EXPECT_EQ(message(x, {1, 2, 3, 4, 5, 6, 7}),
              "--lc-weights fitted:patents: cannot fit the four indicators: predictor "
              "'x_openness' is 0 for every actor; use fixed weights --lc-weights a,b,c,d");
}

}  // namespace
}  // namespace clusterlens
